namespace SteeringRng.Sdp.Tests;

/// <summary>
/// b = 0: max ⟨C, X⟩ s.t. ⟨A_i, X⟩ = 0 has X = 0 feasible with value 0 = bᵀy, so the solver may end at (0, y, Z) once y
/// is dual feasible (InteriorPointSolver.HomogeneousOptimum). Here the dual side has no interior, as in a facially
/// reduced pure-state point: Z(y) = Σ y_i A_i − C ⪰ 0 only on a face. Exact optimum 0 on both sides.
/// </summary>
public class HomogeneousSdpTests
{
    [Fact]
    public void NoDualInterior_BZero_IsOptimalAtValueZero()
    {
        // Z = [[1, y1, y2], [y1, 0, 0], [y2, 0, 1]] ⪰ 0 forces y1 = 0 (zero diagonal entry); y2 ∈ [−1, 1].
        var p = new SdpProblem([SdpBlock.Psd(3)],
            new SdpMatrix([new SdpEntry(0, 0, 0, -1.0), new SdpEntry(0, 2, 2, -1.0)]),
            [new SdpMatrix([new SdpEntry(0, 0, 1, 1.0)]), new SdpMatrix([new SdpEntry(0, 0, 2, 1.0)])],
            [0.0, 0.0]);
        var s = new InteriorPointSolver().Solve(p, SdpSettings.Default, CancellationToken.None);
        Assert.Equal(SdpStatus.Optimal, s.Status);
        Assert.Equal(0.0, s.DualObjective);
        Assert.InRange(s.PrimalObjective, -1e-8, 0.0);
        Assert.True(s.Dimacs.All(e => Math.Abs(e) <= 1e-8), string.Join(" ", s.Dimacs));
    }

    [Fact]
    public void BZero_TheLowerSideIsProvenAtXZero_WhateverTheHint()
    {
        // opt(D) = 0 here (y1 = 0, any y2 in [−1, 1]); X̂ = 0 proves opt(D) ≥ 0 exactly, even from a hint that is not PSD.
        var p = new SdpProblem([SdpBlock.Psd(2)], new SdpMatrix([new SdpEntry(0, 0, 0, -1.0)]),
            [new SdpMatrix([new SdpEntry(0, 0, 1, 1.0)])], [0.0]);
        var real = new SteeringRng.Sdp.Certificates.RealProblem(p);
        var hint = new double[real.PositionCount];
        hint[0] = -5;
        var side = SteeringRng.Sdp.Certificates.LowerSide.Certify(real, hint, traceBoundZ: null);
        Assert.True(side.Certified, side.Reason);
        Assert.True(side.Exact.IsZero);
    }
}
