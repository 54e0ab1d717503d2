using SteeringRng.Sdp.Sdpa;
using Xunit.Abstractions;

namespace SteeringRng.Sdp.Tests;

/// <summary>
/// Acceptance test of the equilibration: the same SDP multiplied by 10^k (k = −9 … 9) in the objective, the
/// right-hand side or whole constraint rows gets the same status and, when solved, the same optimum up to the
/// scale (relative 1e-7). Before the equilibration the solver answered "primal infeasible" for I3322 with b·10⁹
/// and "dual infeasible" for CHSH with C·10⁹, and was 0.09 % off with coefficients 10⁻⁶.
/// </summary>
public class ScaleInvarianceTests(ITestOutputHelper output)
{
    private static readonly int[] Exponents = Enumerable.Range(-9, 19).ToArray();

    public static TheoryData<string, ScaleMode> FeasibleFiles()
    {
        var data = new TheoryData<string, ScaleMode>();
        foreach (var file in new[] { "chsh-npa1.dat-s", "i3322-npa2.dat-s", "theta-c5.dat-s", "mixed-nonnegative.dat-s" })
        foreach (var mode in Enum.GetValues<ScaleMode>())
            data.Add(file, mode);
        return data;
    }

    public static TheoryData<int, string, int, ScaleMode> PlantedCases()
    {
        var data = new TheoryData<int, string, int, ScaleMode>();
        foreach (var mode in Enum.GetValues<ScaleMode>())
        {
            data.Add(1, "P6,N3", 8, mode);
            data.Add(2, "H4,P3", 7, mode);
        }
        return data;
    }

    public static TheoryData<string, SdpStatus, ScaleMode> InfeasibleFiles()
    {
        var data = new TheoryData<string, SdpStatus, ScaleMode>();
        foreach (var mode in Enum.GetValues<ScaleMode>())
        {
            data.Add("primal-infeasible.dat-s", SdpStatus.PrimalInfeasible, mode);
            data.Add("dual-infeasible.dat-s", SdpStatus.DualInfeasible, mode);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(FeasibleFiles))]
    public void Files_SameOptimumAtEveryScale(string file, ScaleMode mode) =>
        AssertSameOptimum(SdpaReader.ReadFile(SdpaTestPaths.TestData(file)), mode);

    [Theory]
    [MemberData(nameof(PlantedCases))]
    public void Planted_SameOptimumAtEveryScale(int seed, string shape, int m, ScaleMode mode)
    {
        var planted = PlantedProblem.Create(seed, PlantedOptimumTests.Blocks(shape), m, 0.5);
        AssertSameOptimum(planted.Problem, mode, planted.Optimum);
    }

    [Theory]
    [MemberData(nameof(InfeasibleFiles))]
    public void InfeasibleFiles_KeepTheirVerdictAtEveryScale(string file, SdpStatus expected, ScaleMode mode)
    {
        var problem = SdpaReader.ReadFile(SdpaTestPaths.TestData(file));
        foreach (var k in Exponents)
        {
            var scaled = ScaledProblems.Scale(problem, mode, Math.Pow(10, k));
            var s = new InteriorPointSolver().Solve(scaled);
            Assert.True(expected == s.Status, $"{mode} ×1e{k}: {s.Status} ({s.Message})");
            var check = InfeasibilityCertificate.Check(scaled, s, SdpSettings.Default.Tolerance);
            Assert.True(check.Valid, $"{mode} ×1e{k}: {check.Detail}");
        }
    }

    private void AssertSameOptimum(SdpProblem problem, ScaleMode mode, double? known = null)
    {
        var reference = new InteriorPointSolver().Solve(problem);
        Assert.Equal(SdpStatus.Optimal, reference.Status);
        var optimum = known ?? Midpoint(reference);
        foreach (var k in Exponents)
        {
            var s = Math.Pow(10, k);
            var solution = new InteriorPointSolver().Solve(ScaledProblems.Scale(problem, mode, s));
            var expected = ScaledProblems.OptimumFactor(mode, s) * optimum;
            var value = Midpoint(solution);
            output.WriteLine($"{mode} ×1e{k}: {solution.Status} {value:R} (expected {expected:R}, {solution.Iterations} iterations)");
            Assert.True(SdpStatus.Optimal == solution.Status, $"{mode} ×1e{k}: {solution.Status} ({solution.Message})");
            Assert.True(Math.Abs(value - expected) <= 1e-7 * Math.Max(Math.Abs(expected), ScaledProblems.OptimumFactor(mode, s)),
                $"{mode} ×1e{k}: optimum {value:R}, expected {expected:R}");
        }
    }

    /// <summary>(⟨C, X⟩ + bᵀy)/2: both are within the tolerance of the optimum, the midpoint usually closer.</summary>
    private static double Midpoint(SdpSolution s) => 0.5 * (s.PrimalObjective + s.DualObjective);
}
