using SteeringRng.Certification.Bounds;

namespace SteeringRng.Certification.Tests.Bounds;

public class BoundRankTests
{
    [Theory]
    [InlineData(1, new int[0], 2, new int[0], true)]
    [InlineData(1, new int[0], 1, new[] { 1, 2 }, true)]
    [InlineData(1, new[] { 1, 2 }, 2, new int[0], true)]
    [InlineData(2, new int[0], 1, new[] { 1, 2 }, false)]
    [InlineData(1, new[] { 1, 2 }, 1, new int[0], false)]
    [InlineData(1, new[] { 1, 1, 2 }, 2, new int[0], false)] // "1+BBC" has words of length 3, not in level 2
    public void NpaLevels_AreOrderedByTheirWordSets(int baseA, int[] extraA, int baseB, int[] extraB, bool looser)
    {
        IReadOnlyList<int[]> Extra(int[] e) => e.Length == 0 ? [] : [e];
        Assert.Equal(looser, BoundRank.Npa(baseA, Extra(extraA)).IsLooserThan(BoundRank.Npa(baseB, Extra(extraB))));
    }

    [Fact]
    public void TheTiers_FormTheChain_GloNsQkDim()
    {
        BoundRank[] chain = [BoundRank.Global, BoundRank.NoSignalling, BoundRank.Npa(1, []), BoundRank.Dimension];
        for (var i = 0; i < chain.Length; i++)
            for (var j = 0; j < chain.Length; j++)
                Assert.Equal(i < j, chain[i].IsLooserThan(chain[j]));
    }
}
