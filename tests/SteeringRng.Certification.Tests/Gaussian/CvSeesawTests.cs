using System.Diagnostics;
using SteeringRng.Certification.Gaussian.Language;
using SteeringRng.Certification.Gaussian.Realisation;
using SteeringRng.Certification.Results;
using SteeringRng.Certification.Run;
using SteeringRng.Certification.Seesaw;
using SteeringRng.Certification.Tests.Support;
using Xunit.Abstractions;

namespace SteeringRng.Certification.Tests.Gaussian;

/// <summary>
/// The seesaw's H^Dim on CV data (continuous-variables.md §9), started from the Fock-truncated model.
/// </summary>
public class CvSeesawTests(ITestOutputHelper output)
{
    private static CvScenario Fixed(double eta2, double tBob, double tCharlie, string bounds, string? objectives = null)
    {
        var text = File.ReadAllText(CvParserTests.SamplePath)
            .Replace("param eta2 = 0 .. 1 step 0.01", FormattableString.Invariant($"param eta2 = {eta2}"))
            .Replace("homodyne Bob, Charlie: x period optimise 2 .. 10, p period unbiased bins 4",
                FormattableString.Invariant($"homodyne Bob: x period {tBob}, p period unbiased bins 4\nhomodyne Charlie: x period {tCharlie}, p period unbiased bins 4"))
            .Replace("bounds ns, npa 1", "bounds " + bounds);
        if (objectives is not null)
            text = string.Join('\n', text.Split('\n').Where(l => !l.StartsWith("objective", StringComparison.Ordinal) || objectives.Split(',').Any(o => l.StartsWith($"objective {o} ", StringComparison.Ordinal))));
        var (s, errors) = CvParser.Parse(text);
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => e.Message)));
        return s!;
    }

    private static IReadOnlyList<ResultRow> Run(CvScenario s, ITestOutputHelper output)
    {
        var report = CvRun.Execute(s, TestSolvers.Builtin(), RunSettings.Default with { Parallelism = 2 });
        foreach (var r in report.Rows)
            output.WriteLine($"{r.Objective,-8} {r.Bound,-13} P_g = {r.Pguess:F10} H = {r.Hmin:F7} {r.Status} {r.Seconds:F1}s {r.Message}");
        Assert.All(report.Rows, r => Assert.True(RowStatus.HasValue(r.Status), $"{r.Objective} {r.Bound}: {r.Status} {r.Message}"));
        return report.Rows;
    }

    /// <summary>
    /// H^NS ≤ H^Q1 ≤ H^Dim: the relaxations bound P_g from above (weak duality), a verified attack from below; an
    /// independent property (two different computations, one a relaxation, one an explicit attack). Bob only, so it runs
    /// in seconds; 1e-7 is the solver's accuracy on P_g with a margin.
    /// </summary>
    [Theory]
    [InlineData(0.25)]
    [InlineData(0.75)]
    public void SeesawBound_IsAboveTheQ1Bound(double eta2)
    {
        var rows = Run(Fixed(eta2, 5, 8, "ns, npa 1, seesaw dim 2", objectives: "bob"), output);
        double H(string bound) => rows.Single(r => r.Bound == bound).Hmin!.Value;
        Assert.True(H("ns") <= H("npa 1") + 1e-7, $"H^NS {H("ns")} > H^Q1 {H("npa 1")}");
        Assert.True(H("npa 1") <= H("seesaw dim 2") + 1e-7, $"H^Q1 {H("npa 1")} > H^Dim {H("seesaw dim 2")}");
        Assert.Contains("Fock model in local dimension 2", rows.Single(r => r.Bound == "seesaw dim 2").Message);
    }

    /// <summary>
    /// The reported attack reproduces the data within its proven deviation: the attack check's exact-arithmetic bound is
    /// at most the seesaw's feasibility tolerance, and recomputing the attack's assemblage here (AttackAlgebra, not the
    /// check) stays within that bound (rounded up, so ≥ the double computation to rounding).
    /// </summary>
    [Fact]
    public void TheAttack_ReproducesTheAssemblage_WithinItsProvenDeviation()
    {
        var s = Fixed(0.5, 5, 8, "ns", objectives: "bob");
        var point = s.Points()[0];
        var state = CvRun.StateAt(s, point);
        var data = CvRun.DataAt(s, state, point, [5, 8]);
        var (model, reason) = FockRealisation.Build(state, s.Trusted.Mode, 1, [1, 2], CvRun.SettingsAt(s, point, [5, 8]), data, 2);
        Assert.True(model is not null, reason);
        var result = new SeesawOptimizer(TestSolvers.Builtin(), SeesawOptions.Default with { Dimension = 2 })
            .Run(data, new GuessTarget([0], [0]), model!);
        Assert.True(result.IsBound, $"{result.Status}: {result.Message}");
        var proven = result.Check!.ProvenMaxDeviation;
        Assert.NotNull(proven);
        Assert.InRange(proven!.Value, 0, SeesawOptions.Default.FeasibilityTolerance);
        var produced = result.Attack!.Assemblage();
        double worst = 0;
        foreach (var x in data.SettingTuples())
            foreach (var a in data.OutcomeTuples())
            {
                var p = produced[a, x];
                var q = data[a, x];
                for (int i = 0; i < 2; i++)
                    for (int j = 0; j < 2; j++) worst = Math.Max(worst, (p[i, j] - q[i, j]).Magnitude);
            }
        Assert.InRange(worst, 0, proven.Value * (1 + 1e-9) + 1e-15);
        output.WriteLine($"P_g {result.GuessingProbability:F10}, deviation {worst:E2}, proven ≤ {proven:E2}");
    }

    /// <summary>
    /// η2 = 0: Bob's mode is the vacuum, a product with everything else, so Eve can hold a classical copy of his outcomes
    /// (P_g = 1, H = 0) — what the relaxations give too (CvCommandTests). The seesaw must reach it: its attack is exact
    /// here, and H^Dim = 0 equals H, so the upper and lower bounds meet at the end of the curve.
    /// </summary>
    [Fact]
    public void AtEta2Zero_BobsSeesawH_IsZero()
    {
        var rows = Run(Fixed(0, 5, 5, "ns, seesaw dim 2", objectives: "bob"), output);
        var seesaw = rows.Single(r => r.Bound == "seesaw dim 2");
        Assert.InRange(seesaw.Pguess!.Value, 1 - 1e-9, 1 + 1e-9);
        Assert.InRange(rows.Single(r => r.Bound == "ns").Hmin!.Value, 0, 1e-6);
    }

    [Theory(Skip = "exploration")]
    [InlineData(0.5, 2)]
    public void Explore(double eta2, int dim)
    {
        var clock = Stopwatch.StartNew();
        var report = CvRun.Execute(Fixed(eta2, 5, 8, $"ns, npa 1, seesaw dim {dim}"), TestSolvers.Builtin(), RunSettings.Default with { Parallelism = 1 });
        foreach (var r in report.Rows)
            output.WriteLine($"{r.Objective,-8} {r.Bound,-14} P_g = {r.Pguess:F10} H = {r.Hmin:F7} {r.Status} {r.Seconds:F1}s {r.Message}");
        output.WriteLine($"{clock.Elapsed.TotalSeconds:F1} s");
    }

    [Theory(Skip = "exploration")]
    [InlineData(0.5, 18, 1)]
    public void Explore2(double eta2, int dim, int block)
    {
        var s = Fixed(eta2, 5, 8, "ns");
        var point = s.Points()[0];
        var state = CvRun.StateAt(s, point);
        var data = CvRun.DataAt(s, state, point, [5, 8]);
        var model = FockRealisation.AtDimension(state, 0, 1, [1, 2], CvRun.SettingsAt(s, point, [5, 8]), 2);
        var clock = Stopwatch.StartNew();
        var options = SeesawOptions.Default with { PartyDimensions = [dim, 2], BlockSize = block, RandomStarts = 0, Target = 0.9659930866,
            Log = l => output.WriteLine(l) };
        var result = new SeesawOptimizer(TestSolvers.Builtin(), options).Run(data, new GuessTarget([0], [0]), model);
        output.WriteLine($"P_g {result.GuessingProbability:F10} {result.Status} {clock.Elapsed.TotalSeconds:F1}s {result.Message}");
    }

    [Theory]
    [InlineData(0.5, 1)]
    [InlineData(0.5, 4)]
    public void Explore3(double eta2, int register)
    {
        var s = Fixed(eta2, 5, 8, "ns");
        var point = s.Points()[0];
        var state = CvRun.StateAt(s, point);
        var data = CvRun.DataAt(s, state, point, [5, 8]);
        var model = FockRealisation.AtDimension(state, 0, 1, [1, 2], CvRun.SettingsAt(s, point, [5, 8]), 2);
        // Bob holds an extra classical register, maximally mixed and unused: same data, support on 2·register levels.
        var pad = MathNet.Numerics.LinearAlgebra.Matrix<System.Numerics.Complex>.Build.DenseIdentity(register) / register;
        var perm = new int[2 * 2 * register * 2];
        var big = model.State.KroneckerProduct(pad); // A ⊗ B ⊗ C ⊗ R: reorder to A ⊗ (B ⊗ R) ⊗ C
        int n = big.RowCount;
        int Index(int a, int b, int r, int c) => ((a * 2 + b) * register + r) * 2 + c;   // A B R C
        int Source(int a, int b, int c, int r) => ((a * 2 + b) * 2 + c) * register + r; // A B C R
        var reordered = MathNet.Numerics.LinearAlgebra.Matrix<System.Numerics.Complex>.Build.Dense(n, n);
        for (int a = 0; a < 2; a++) for (int b = 0; b < 2; b++) for (int r = 0; r < register; r++) for (int c = 0; c < 2; c++)
        for (int a2 = 0; a2 < 2; a2++) for (int b2 = 0; b2 < 2; b2++) for (int r2 = 0; r2 < register; r2++) for (int c2 = 0; c2 < 2; c2++)
            reordered[Index(a, b, r, c), Index(a2, b2, r2, c2)] = big[Source(a, b, c, r), Source(a2, b2, c2, r2)];
        var bob = model.Povms[0].Select(setting => (IReadOnlyList<MathNet.Numerics.LinearAlgebra.Matrix<System.Numerics.Complex>>)setting
            .Select(m => m.KroneckerProduct(MathNet.Numerics.LinearAlgebra.Matrix<System.Numerics.Complex>.Build.DenseIdentity(register))).ToArray()).ToArray();
        var padded = new QuantumRealisation(reordered, 2, [2 * register, 2], [bob, model.Povms[1]]);
        output.WriteLine($"padded deviation {FockRealisation.Deviation(padded, data):E2}");
        var clock = Stopwatch.StartNew();
        var options = SeesawOptions.Default with { PartyDimensions = [2 * register, 2], RandomStarts = 2, Target = 0.9659930866, Log = l => output.WriteLine(l) };
        var result = new SeesawOptimizer(TestSolvers.Csdp(), options).Run(data, new GuessTarget([0], [0]), padded);
        output.WriteLine($"P_g {result.GuessingProbability:F10} {result.Status} {clock.Elapsed.TotalSeconds:F1}s {result.Message}");
    }
}
