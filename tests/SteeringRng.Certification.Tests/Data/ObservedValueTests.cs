using System.Globalization;
using System.Numerics;
using MathNet.Numerics.LinearAlgebra;
using SteeringRng.Certification.Data;
using SteeringRng.Certification.Input;
using SteeringRng.Certification.Results;
using SteeringRng.Sdp;

namespace SteeringRng.Certification.Tests.Data;

/// <summary>
/// <c>inequality = ... value beta</c> (docs/formulations/measured-probabilities.md, "An observed value"): the value β given
/// directly instead of computed from the state. (1) β(σ(μ)) of the state, given explicitly, reproduces the state-based
/// P_g to 1e-12 along the sample's μ sweep (the same observation, so the same SDP), with F from the state
/// (<c>steering(mu = 0.7) value beta</c>) and from a file without any state; (2) β at the functional's LHS bound
/// min_λ λ_min(Σ_y F_{λ(y)|y}) certifies nothing (P_g = 1): a deterministic LHS strategy attains it; (3) the errors.
/// </summary>
public class ObservedValueTests
{
    private const string Network = """
        node Alice trusted dim 2
        node Bob, Charlie untrusted dim 2
        measure Bob, Charlie: X Y Z
        objective joint = guess Bob.X, Charlie.X
        """;

    private static readonly double[] SampleMu = [.. Enumerable.Range(0, 12).Select(k => Math.Round(0.40 + 0.05 * k, 2))];

    private static string List(IEnumerable<double> values) =>
        "[" + string.Join(", ", values.Select(v => v.ToString("R", CultureInfo.InvariantCulture))) + "]";

    private static SteeringRng.Certification.Run.ScenarioRun Plan(DataFolder folder, string name, string text)
    {
        var loaded = CertificationEngine.Load(folder.Write(name, text));
        Assert.True(loaded.Result.Succeeded, loaded.Result.RenderDiagnostics());
        return CertificationEngine.Plan(loaded, AssemblageRoundTripTests.Deterministic)[0];
    }

    private static void AssertSameBounds(RunReport expected, RunReport actual, double tolerance)
    {
        Assert.Equal(expected.Rows.Count, actual.Rows.Count);
        foreach (var (e, a) in expected.Rows.Zip(actual.Rows))
        {
            Assert.Equal((e.Objective, e.Bound), (a.Objective, a.Bound));
            Assert.Equal(RowStatus.Optimal, e.Status);
            Assert.Equal(e.Status, a.Status);
            Assert.True(Math.Abs(e.Pguess!.Value - a.Pguess!.Value) <= tolerance,
                $"{e.Bound} row {e.Parameters}: from the state {e.Pguess:R}, from the observed value {a.Pguess:R}");
            Assert.Contains("the observed value β given by 'value'", a.Message);
        }
    }

    [Fact]
    public void The_state_s_value_given_explicitly_reproduces_the_state_based_bounds_along_the_sample_sweep()
    {
        using var folder = new DataFolder();
        var fromState = Plan(folder, "state.scn", $"""
            scenario "from the state"
            {Network}
            param mu = {List(SampleMu)}
            state = mu * ghz + (1 - mu) * white
            inequality = steering(mu = 0.7)
            bounds ns, npa 1
            """);
        // The form observes (Σ Tr[(−F) σ], Tr ρ_A): β = −row 0, at every sweep point's assemblage.
        var form = fromState.Model.MeasuredData!.Form;
        var betas = fromState.Points.Select(p => -form.Observe(p.Assemblage)[0]).ToArray();
        var expected = fromState.Execute(new InteriorPointSolver());

        // F from the model state at mu = 0.7 (used for F only), β given.
        var withModel = Plan(folder, "model.scn", $"""
            scenario "F from the model, beta given"
            {Network}
            param mu = 0.7
            param beta = {List(betas)}
            state = mu * ghz + (1 - mu) * white
            inequality = steering(mu = 0.7) value beta
            bounds ns, npa 1
            """);
        AssertSameBounds(expected, withModel.Execute(new InteriorPointSolver()), 1e-12);

        // F from a file, no state at all.
        var (target, functional, _) = MeasuredData.SteeringTestFunctional(fromState.Model, "mu", 0.7);
        FunctionalFiles.Write(Path.Combine(folder.Path, "F.json"), functional, target, ["Bob", "Charlie"]);
        var noState = Plan(folder, "file.scn", $"""
            scenario "F from a file, beta given, no state"
            {Network}
            param beta = {List(betas)}
            inequality = file("F.json") value beta
            bounds ns, npa 1
            """);
        Assert.False(noState.Model.HasState);
        AssertSameBounds(expected, noState.Execute(new InteriorPointSolver()), 1e-12);
    }

    /// <summary>
    /// min over fully-LHS assemblages of Σ Tr[F σ]: σ_{b|y} = Σ_λ D_λ(b|y) ρ_λ gives Σ_λ Tr[(Σ_y F_{λ(y)|y}) ρ_λ], so the
    /// minimum is min over deterministic λ = (λ_Bob, λ_Charlie) of λ_min(Σ_y F_{λ(y)|y}), attained by that λ with ρ_λ the
    /// eigenvector: an assemblage with deterministic responses, which Eve guesses with certainty.
    /// </summary>
    private static double LhsBound(Complex[][,] functional, SteeringRng.Quantum.Assemblage shape)
    {
        var settings = shape.Settings.ToArray();
        var outcomes = shape.Outcomes.ToArray();
        var index = new Dictionary<string, Complex[,]>();
        var blocks = shape.SettingTuples().SelectMany(y => shape.OutcomeTuples().Select(b => (b, y))).ToArray();
        for (var t = 0; t < blocks.Length; t++) index[$"{string.Join(",", blocks[t].b)}|{string.Join(",", blocks[t].y)}"] = functional[t];
        // Local deterministic strategies of each party: an outcome per setting.
        IEnumerable<int[]> Strategies(int party) =>
            SteeringRng.Quantum.Assemblage.Tuples(Enumerable.Repeat(outcomes[party], settings[party]).ToArray());
        var best = double.PositiveInfinity;
        foreach (var bob in Strategies(0))
            foreach (var charlie in Strategies(1))
            {
                var sum = Matrix<Complex>.Build.Dense(shape.TrustedDimension, shape.TrustedDimension);
                foreach (var y in shape.SettingTuples())
                    sum += Matrix<Complex>.Build.DenseOfArray(index[$"{bob[y[0]]},{charlie[y[1]]}|{string.Join(",", y)}"]);
                var lowest = sum.Evd(Symmetricity.Hermitian).EigenValues.Min(z => z.Real);
                best = Math.Min(best, lowest);
            }
        return best;
    }

    [Fact]
    public void A_value_at_the_functional_s_lhs_bound_certifies_no_randomness()
    {
        using var folder = new DataFolder();
        var model = Plan(folder, "state.scn", $"""
            scenario "model"
            {Network}
            param mu = 0.8
            state = mu * ghz + (1 - mu) * white
            inequality = steering(mu = 0.7)
            bounds ns
            """);
        var (target, functional, _) = MeasuredData.SteeringTestFunctional(model.Model, "mu", 0.7);
        var lhs = LhsBound(functional, target);
        // The steering test's functional is a fully-LHS witness (β ≥ 0 on LHS, docs/formulations/steering-test.md), and its
        // critical point v*σ(0.7) + (1 − v*)white is LHS with β = 0, so the LHS minimum is 0 up to the solver's accuracy.
        Assert.InRange(lhs, -1e-6, 1e-6);
        FunctionalFiles.Write(Path.Combine(folder.Path, "F.json"), functional, target, ["Bob", "Charlie"]);
        var atBound = Plan(folder, "lhs.scn", $"""
            scenario "beta at the LHS bound"
            {Network}
            param beta = {List([lhs])}
            inequality = file("F.json") value beta
            bounds ns, npa 1
            """).Execute(new InteriorPointSolver());
        Assert.Equal(2, atBound.Rows.Count);
        foreach (var row in atBound.Rows)
        {
            Assert.True(row.Status is RowStatus.Optimal or RowStatus.NearOptimal, $"{row.Bound}: {row.Status} {row.Message}");
            Assert.True(row.Pguess > 1 - 1e-6, $"{row.Bound}: P_g = {row.Pguess:R}, H = {row.Hmin:R}");
        }
    }

    private static string Diagnostics(DataFolder folder, string text) =>
        CertificationEngine.Load(folder.Write("bad.scn", text)).Result.RenderDiagnostics();

    private static void WriteUnitFunctional(DataFolder folder)
    {
        // F_{b|y} = I/4 for b = (0, 0), else 0: β = Σ_y Tr σ_{00|y}/4 ∈ [0, 9/4] over any assemblage (9 setting pairs).
        var shape = new SteeringRng.Quantum.Assemblage(2, [3, 3], [2, 2], (_, _) => new Complex[2, 2]);
        var blocks = shape.SettingTuples().SelectMany(y => shape.OutcomeTuples().Select(b =>
            b.All(x => x == 0) ? new Complex[,] { { 0.25, 0 }, { 0, 0.25 } } : new Complex[2, 2])).ToArray();
        FunctionalFiles.Write(Path.Combine(folder.Path, "F.json"), blocks, shape, ["Bob", "Charlie"]);
    }

    [Theory]
    [InlineData("param beta = [0.5, 2.3]\ninequality = file(\"F.json\") value beta\nbounds ns", "SR1213", "outside [0, 2.25]")]
    [InlineData("param beta = -0.01\ninequality = file(\"F.json\") value beta\nbounds ns", "SR1213", "-0.01")]
    [InlineData("state = ghz\ninequality = file(\"F.json\") value 0.5\nbounds ns", "SR1212", "the state would not be used")]
    [InlineData("inequality = file(\"F.json\") value 0.5\nbounds ns, seesaw", "SR1211", "bound 'seesaw'")]
    [InlineData("inequality = file(\"F.json\") value 0.5\nbounds ns, steering", "SR1211", "bound 'steering'")]
    [InlineData("param mu = 0.7\ninequality = steering(mu = 0.7) value 0.5\nbounds ns", "SR1140", "computed from the model state")]
    [InlineData("inequality = file(\"F.json\") value\nbounds ns", "SR1001", "")]
    [InlineData("inequality = file(\"F.json\") value nope\nbounds ns", "SR3001", "nope")]
    public void Bad_observed_values_are_located_errors(string lines, string code, string text)
    {
        using var folder = new DataFolder();
        WriteUnitFunctional(folder);
        var message = Diagnostics(folder, $"scenario \"bad\"\n{Network}\n{lines}\n");
        Assert.Contains(code, message);
        Assert.Contains(text, message);
        Assert.Contains("bad.scn:", message);
    }

    [Fact]
    public void A_value_outside_the_steering_test_functional_s_range_is_refused_when_the_model_is_built()
    {
        // F is computed from the state only when the engine builds the model, so the range is checked there (SR1213).
        using var folder = new DataFolder();
        var loaded = CertificationEngine.Load(folder.Write("far.scn", $"""
            scenario "far"
            {Network}
            param mu = 0.7
            state = mu * ghz + (1 - mu) * white
            inequality = steering(mu = 0.7) value -100
            bounds ns
            """));
        Assert.True(loaded.Result.Succeeded, loaded.Result.RenderDiagnostics());
        var e = Assert.Throws<ScenarioInputException>(() => CertificationEngine.Plan(loaded, AssemblageRoundTripTests.Deterministic));
        Assert.Contains("SR1213", e.Message);
        Assert.Contains("far.scn:8:", e.Message);
        Assert.Contains("the value -100", e.Message);
    }
}
