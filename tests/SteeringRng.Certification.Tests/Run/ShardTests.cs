using SteeringRng.Certification.Run;

namespace SteeringRng.Certification.Tests.Run;

public sealed class ShardTests
{
    [Theory]
    [InlineData(6, 4)]
    [InlineData(71, 4)]
    [InlineData(3, 5)]
    [InlineData(1, 1)]
    public void The_shards_of_a_sweep_cover_every_point_once_in_order_each_contiguous(int total, int count)
    {
        var all = Enumerable.Range(1, count).SelectMany(k => new Shard(k, count).PointsOf(total)).ToList();
        Assert.Equal(Enumerable.Range(0, total), all);
    }

    [Theory]
    [InlineData("0/4")]
    [InlineData("5/4")]
    [InlineData("1")]
    [InlineData("a/b")]
    public void A_shard_is_K_of_N_with_K_in_1_to_N(string text) => Assert.Throws<FormatException>(() => Shard.Parse(text));
}
