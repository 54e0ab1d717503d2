using System.Globalization;
using SteeringRng.Certification.FiniteSize;
using SteeringRng.Certification.Lowering;
using SteeringRng.Relaxation;
using SteeringRng.Sdp;
using Xunit.Abstractions;

namespace SteeringRng.Certification.Tests.FiniteSize;

/// <summary>
/// The planned n for 10⁶ output bits at ε_s = ε_EA = ε_ext = 2⁻⁶⁴ (ε_c = 10⁻⁶), side by side: the paper's GHZ example at
/// μ = 0.9 (joint guess of Bob's and Charlie's X, Alice's tomography X Y Z), the W-like state of samples/w-state-table1.scn
/// (same measurements) and CHSH at S = 2.7 (device-independent). Each dual is checked against the asymptotic relaxation
/// solved independently on the assemblage (or Pironio's formula), and the EAT gap to (1 − γ)·H at n = 10⁸, 10¹⁰, 10¹² is printed.
/// </summary>
public class PlanningReportTests(ITestOutputHelper output)
{
    private static readonly double Epsilon = Math.Pow(2, -64);
    private static readonly double[] Gammas = [1e-3, 2e-3, 5e-3, 1e-2, 2e-2, 5e-2, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];

    private void Report(string name, IGuessingProgram program, AffineGuessingBound dual, double[] w, double asymptoticPg, double tolerance = 1e-6,
        IReadOnlyList<double[]>? otherReferences = null)
    {
        Assert.True(dual.Certified, dual.Method);
        // The dual's value at w is an upper bound on P_g(w), equal to it when read at w itself.
        Assert.InRange(dual.Evaluate(w) - asymptoticPg, -1e-7, tolerance);
        var protocol = new ProtocolParameters(1, 0.1, new double[w.Length], Epsilon, Epsilon, Epsilon, 1e-6);
        var duals = new[] { dual }.Concat((otherReferences ?? []).Select(v => program.BoundAt(v))).ToArray();
        var plan = RatePlanner.RoundsForBest(program, duals, protocol, w, 1_000_000, Gammas);
        var index = Array.IndexOf(duals, plan.Dual);
        output.WriteLine($"best of {duals.Length} references: #{index}");
        var p = plan.Point;
        var h = -Math.Log2(asymptoticPg);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name}: H_min = {h:0.######}, planned n = {plan.Rounds:G4} at γ = {p.TestProbability}, rate {p.Rate:G4} (asymptotic {p.AsymptoticRate:G4}), m = {p.OutputBits}, ε_c = {p.CompletenessError:G3}, max δ = {p.Tolerances.Max():G3}"));
        foreach (var n in new[] { 1e8, 1e10, 1e12 })
        {
            var at = protocol with { Rounds = n, TestProbability = 0.1, Tolerances = new double[w.Length] };
            var point = RatePlanner.PointAt(program, dual, at, w);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"    δ = 0, γ = 0.1, n = {n:G3}: rate {point.Rate:G6}, (1 − γ)H = {0.9 * h:G6}, gap {0.9 * h - point.Rate:G4}"));
        }
        Assert.True(p.OutputBits >= 1_000_000);
    }

    /// <summary>References mixed with white noise: (1 − η)w + η·w_white, η = 0.03, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6.</summary>
    private static double[][] Noisier(SteeringGuessingProgram program, ScenarioModel model, double[] w)
    {
        var white = program.StatisticsOf(model.WhiteNoiseAssemblage());
        return [.. new[] { 0.03, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6 }.Select(eta => w.Select((x, k) => (1 - eta) * x + eta * white[k]).ToArray())];
    }

    private static double AsymptoticPg(ScenarioModel model, string bound)
    {
        var g = (SteeringRng.Scenario.Checked.ObjectiveKind.Guess)model.Scenario.Objectives[0].Kind;
        var guess = model.GuessOf(g.targets);
        var relaxation = bound == "ns"
            ? (IRelaxation)Relaxations.NoSignalling(model.AssemblageAt(0), guess.Parties.ToArray(), guess.Settings.ToArray(), true)
            : Relaxations.QLevel(model.AssemblageAt(0), guess.Parties.ToArray(), guess.Settings.ToArray(), 1);
        return relaxation.Read(new InteriorPointSolver().Solve(relaxation.Problem)).Bound;
    }

    [Theory]
    [InlineData("ns")]
    [InlineData("npa 1")]
    public void GhzAtPointNine(string bound)
    {
        var (program, model) = FiniteSizeModels.Ghz(0.9, bound);
        var w = FiniteSizeModels.Expected(program, model);
        Report($"GHZ μ = 0.9 joint ({bound})", program, program.BoundAt(w), w, AsymptoticPg(model, bound), otherReferences: Noisier(program, model, w));
    }

    [Theory]
    [InlineData("ns")]
    [InlineData("npa 1")]
    public void WLikeState(string bound)
    {
        var (program, model) = FiniteSizeModels.Steering($"""
            node Alice trusted dim 2
            node Bob, Charlie untrusted dim 2
            state = 0.575|001> + 0.582|010> + 0.576|100>
            data = probabilities
            measure Alice: X Y Z
            measure Bob, Charlie: X Y Z
            objective joint = guess Bob.X, Charlie.X
            bounds {bound}
            """);
        var w = FiniteSizeModels.Expected(program, model);
        // The pure state's statistics have zeros: the dual is read at a slightly noisy reference (BoundAt), so its
        // value at w may exceed P_g(w) by a little.
        var dual = program.BoundAt(w);
        output.WriteLine($"reference moved from w by {Math.Sqrt(dual.Reference.Select((x, k) => (x - w[k]) * (x - w[k])).Sum()):G3}");
        Report($"W-like joint ({bound})", program, dual, w, AsymptoticPg(model, bound), 1e-2, Noisier(program, model, w));
    }

    [Fact]
    public void ChshAtTwoPointSeven()
    {
        var program = FiniteSizeModels.Chsh();
        Report("CHSH S = 2.7 (DI, A's outcome)", program, program.BoundAt([2.7]), [2.7], 0.5 + 0.5 * Math.Sqrt(2 - 2.7 * 2.7 / 4),
            otherReferences: [[2.68], [2.65], [2.6], [2.55], [2.5], [2.4], [2.3]]);
    }
}
