using Xunit.Abstractions;

namespace SteeringRng.Sdp.Tests;

/// <summary>Problems with analytic optima, built in code.</summary>
public class SolverKnownOptimaTests(ITestOutputHelper output)
{
    private SdpSettings Logged(SdpSettings? s = null) => (s ?? SdpSettings.Default) with { Log = output.WriteLine };

    /// <summary>
    /// Lovász theta of the 5-cycle, θ(C5) = √5 (Lovász 1979):
    /// max ⟨J, X⟩ s.t. tr X = 1, X_ij = 0 for edges ij, X ⪰ 0.
    /// </summary>
    public static SdpProblem LovaszThetaC5()
    {
        const int n = 5;
        var ones = new List<SdpEntry>();
        for (var i = 0; i < n; i++)
        for (var j = i; j < n; j++) ones.Add(new SdpEntry(0, i, j, 1.0));
        var a = new List<SdpMatrix> { new(Enumerable.Range(0, n).Select(i => new SdpEntry(0, i, i, 1.0)).ToArray()) };
        var b = new List<double> { 1.0 };
        for (var i = 0; i < n; i++)
        {
            var (r, c) = (Math.Min(i, (i + 1) % n), Math.Max(i, (i + 1) % n));
            a.Add(new SdpMatrix([new SdpEntry(0, r, c, 1.0)]));
            b.Add(0.0);
        }
        return new SdpProblem([SdpBlock.Psd(n)], new SdpMatrix(ones), a, b.ToArray());
    }

    /// <summary>
    /// CHSH at NPA level 1: moment matrix Γ on {1, A0, A1, B0, B1} of ±1 observables, Γ = I + Σ w_k S_k ⪰ 0 with one
    /// free moment per off-diagonal position; max ⟨A0B0⟩ + ⟨A0B1⟩ + ⟨A1B0⟩ − ⟨A1B1⟩ = 2√2 (Tsirelson).
    /// </summary>
    public static (SdpProblem Problem, double[] G) ChshLevel1()
    {
        var f = new List<SdpMatrix>();
        var g = new List<double>();
        for (var r = 0; r < 5; r++)
        for (var c = r + 1; c < 5; c++)
        {
            f.Add(new SdpMatrix([new SdpEntry(0, r, c, -1.0)])); // F0 − Σ w F: F_k = −S_k
            g.Add((r, c) switch { (1, 3) or (1, 4) or (2, 3) => 1.0, (2, 4) => -1.0, _ => 0.0 });
        }
        var f0 = new SdpMatrix(Enumerable.Range(0, 5).Select(i => new SdpEntry(0, i, i, 1.0)).ToArray());
        return (SdpProblem.FromMomentForm([SdpBlock.Psd(5)], f0, f, g.ToArray()), g.ToArray());
    }

    [Fact]
    public void LovaszTheta_OfFiveCycle_IsSqrt5()
    {
        var s = new InteriorPointSolver().Solve(LovaszThetaC5(), Logged());
        Assert.Equal(SdpStatus.Optimal, s.Status);
        Assert.Equal(Math.Sqrt(5), s.PrimalObjective, 7);
        Assert.Equal(Math.Sqrt(5), s.DualObjective, 7);
        Assert.All(s.Dimacs, e => Assert.True(Math.Abs(e) <= 1e-8, $"DIMACS error {e}"));
    }

    [Fact]
    public void Chsh_NpaLevel1_IsTsirelsonBound()
    {
        var (problem, _) = ChshLevel1();
        var s = new InteriorPointSolver().Solve(problem, Logged());
        Assert.Equal(SdpStatus.Optimal, s.Status);
        Assert.Equal(2 * Math.Sqrt(2), -s.DualObjective, 7);
        // The optimal correlators are ±1/√2 (unique at level 1).
        Assert.Equal(1 / Math.Sqrt(2), s.Y[Array.IndexOf(problem.A.ToArray(), problem.A.First(m => m.Entries[0] is { Row: 1, Col: 3 }))], 6);
    }

    /// <summary>
    /// max Re tr(C ρ) over density matrices (ρ ⪰ 0 Hermitian, tr ρ = 1) is λmax(C). For C = [[2, i, 0], [−i, 2, 0], [0, 0, 1]]
    /// the spectrum is {3, 1, 1}, so the optimum is 3, attained by the pure state (1, −i, 0)/√2 (C v = 3v).
    /// </summary>
    [Fact]
    public void Hermitian_LargestEigenvalue_IsOptimum()
    {
        var c = new SdpMatrix([new(0, 0, 0, 2), new(0, 0, 1, 0, 1), new(0, 1, 1, 2), new(0, 2, 2, 1)]);
        var trace = new SdpMatrix([new(0, 0, 0, 1), new(0, 1, 1, 1), new(0, 2, 2, 1)]);
        var s = new InteriorPointSolver().Solve(new SdpProblem([SdpBlock.Hermitian(3)], c, [trace], [1.0]), Logged());
        Assert.Equal(SdpStatus.Optimal, s.Status);
        Assert.Equal(3.0, s.PrimalObjective, 7);
        Assert.Equal(3.0, s.DualObjective, 7);
        // ρ = v v* with v = (1, −i, 0)/√2: ρ₀₀ = ρ₁₁ = ½, ρ₀₁ = v₀ conj(v₁) = i/2.
        var x = s.X[0];
        Assert.Equal(0.5, x.Re[0], 6);
        Assert.Equal(0.5, x.Re[4], 6);
        Assert.Equal(0.0, x.Re[1], 6);
        Assert.Equal(0.5, x.Im![1], 6);
        Assert.Equal(-0.5, x.Im[3], 6);
    }
}
