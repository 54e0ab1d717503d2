using SteeringRng.Peers;

namespace SteeringRng.Sdp.Tests;

/// <summary>Nonnegative (LP) blocks that are not the last block, or several of them, with the peers.</summary>
public class PeerLpBlockTests
{
    /// <summary>
    /// Blocks LP(2), Psd(2), LP(1): max x₁ + 2x₂ + 2X₁₂ + 3x₃  s.t.  x₁ + x₂ = 1, X₁₁ = 1, X₂₂ = 1, x₃ = 1.
    /// Optimum 2 + 2 + 3 = 7 at x = (0, 1), X = [[1, 1], [1, 1]], x₃ = 1; dual y = (2, 1, 1, 3).
    /// </summary>
    private static SdpProblem TwoLpBlocks() => new(
        [SdpBlock.Nonnegative(2), SdpBlock.Psd(2), SdpBlock.Nonnegative(1)],
        new SdpMatrix([new SdpEntry(0, 0, 0, 1), new SdpEntry(0, 1, 1, 2), new SdpEntry(1, 0, 1, 1), new SdpEntry(2, 0, 0, 3)]),
        [
            new SdpMatrix([new SdpEntry(0, 0, 0, 1), new SdpEntry(0, 1, 1, 1)]),
            new SdpMatrix([new SdpEntry(1, 0, 0, 1)]),
            new SdpMatrix([new SdpEntry(1, 1, 1, 1)]),
            new SdpMatrix([new SdpEntry(2, 0, 0, 1)]),
        ],
        [1, 1, 1, 1]);

    [SkippableTheory]
    [InlineData("csdp")]
    [InlineData("dsdp")]
    public void Peers_solve_a_problem_whose_lp_blocks_are_not_one_last_block(string solverName)
    {
        var s = PeerFixtures.RequireAvailable(solverName).Solve(TwoLpBlocks());
        Assert.True(s.Status is SdpStatus.Optimal or SdpStatus.NearOptimal, $"{s.Status}: {s.Message}");
        Assert.Equal(7, s.PrimalObjective, 6);
        Assert.Equal(7, s.DualObjective, 6);
        // Every LP entry came back: x₂ = 1 in block 1 and x₃ = 1 in block 3, z₁ = y₁ − 1 = 1.
        Assert.Equal(1, s.X[0].Re[1], 6);
        Assert.Equal(1, s.X[2].Re[0], 6);
        Assert.Equal(1, s.Z[0].Re[0], 6);
    }

    [Fact]
    public void Merge_puts_the_lp_blocks_last_as_one_and_maps_points_back()
    {
        var layout = LpBlockMerge.For(TwoLpBlocks());
        Assert.Equal([SdpBlock.Psd(2), SdpBlock.Nonnegative(3)], layout.Problem.Blocks);
        // LP block 3's x₃ is entry 2 of the merged block; x₁ + x₂ stays on entries 0 and 1.
        Assert.Contains(new SdpEntry(1, 2, 2, 1), layout.Problem.A[3].Entries);
        Assert.Contains(new SdpEntry(0, 0, 1, 1), layout.Problem.C.Entries);
        var psd = new SdpBlockValue(SdpBlock.Psd(2), [1, 2, 2, 4]);
        var lp = new SdpBlockValue(SdpBlock.Nonnegative(3), [5, 6, 7]);
        var back = layout.Restore(new PeerPoint([0, 0, 0, 0], [psd, lp], [psd, lp]));
        Assert.Equal([SdpBlock.Nonnegative(2), SdpBlock.Psd(2), SdpBlock.Nonnegative(1)], back.X.Select(v => v.Shape));
        Assert.Equal([5.0, 6.0], back.X[0].Re);
        Assert.Equal([7.0], back.Z[2].Re);
        Assert.Same(psd, back.X[1]);
    }

    [Fact]
    public void A_single_last_lp_block_is_handed_over_as_it_is()
    {
        var problem = PeerFixtures.Load("mixed-nonnegative.dat-s");
        Assert.Same(problem, LpBlockMerge.For(problem).Problem);
    }
}
