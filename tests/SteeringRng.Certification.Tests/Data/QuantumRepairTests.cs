using SteeringRng.Certification.Bounds;
using SteeringRng.Certification.Data;
using SteeringRng.Certification.Run;
using SteeringRng.Quantum;
using SteeringRng.Relaxation;
using SteeringRng.Relaxation.Steering;
using SteeringRng.Scenario;
using SteeringRng.Sdp;

namespace SteeringRng.Certification.Tests.Data;

/// <summary>
/// The repair onto the Q_k set (docs/formulations/measured-probabilities.md, "Repair"): on the shipped W-like counts
/// (samples/data/w-table1-counts-1e3.csv) Q1 is infeasible after the positive repair and solves after the Q1 repair; data
/// already in Q1 do not move; the Q1 repair moves the data at least as far as the positive one (a smaller set); a larger
/// final mix never raises H.
/// </summary>
public class QuantumRepairTests
{
    private const string Model = """
        node Alice trusted dim 2
        node Bob, Charlie untrusted dim 2
        state = 0.575|001> + 0.582|010> + 0.576|100>
        measure Alice: X Y Z
        measure Bob, Charlie: X Y Z
        objective joint = guess Bob.X, Charlie.X
        data = probabilities
        bounds ns, npa 1
        """;

    private static readonly BoundSpec.Npa Q1 = new(1, []);

    private static (ProbabilityLayout Layout, double[] Exact) ModelData()
    {
        var run = ScenarioRun.Plan(ScenarioLanguage.Check("m.scn", Model).Scenarios[0]);
        var layout = run.Model.MeasuredData!.Layout!;
        return (layout, layout.Form.Observe(run.Points[0].Assemblage));
    }

    private static ProbabilityTable Counts(ProbabilityLayout layout)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "samples", "data", "w-table1-counts-1e3.csv");
            if (File.Exists(path)) return ProbabilitiesCsv.Read(path, File.ReadAllText(path), layout);
        }
        throw new FileNotFoundException("w-table1-counts-1e3.csv");
    }

    private static double[] Weights(ProbabilityTable table) => ProbabilityRepair.StandardDeviations(table).Select(s => 1 / (s * s)).ToArray();

    private static double Distance(double[] a, double[] b, double[] w) => Math.Sqrt(a.Select((x, i) => w[i] * (x - b[i]) * (x - b[i])).Sum());

    /// <summary>The joint guess's relaxation (NS or Q1) of data v, solved by the built-in solver.</summary>
    private static (SdpStatus Status, double Pg) Solve(MeasuredDataForm form, double[] v, bool q1)
    {
        Func<Assemblage, bool, IRelaxation> build = q1
            ? (a, sym) => Relaxations.QLevel(a, [0, 1], [0, 0], NpaGeneratingSet.Of(Q1), sym)
            : (a, sym) => Relaxations.NoSignalling(a, [0, 1], [0, 0], sym);
        var relaxation = Relaxations.MeasuredData(form, form.AssemblageOf(v, 1e-7), build);
        var solution = new InteriorPointSolver().Solve(relaxation.Problem, null, CancellationToken.None);
        return (solution.Status, solution.Status is SdpStatus.Optimal or SdpStatus.NearOptimal ? relaxation.Read(solution).Bound : double.NaN);
    }

    private static PositiveDataRepair.Result Repair(ProbabilityLayout layout, double[] v, double[] w, bool q1, double mix) =>
        PositiveDataRepair.nearestWithin(layout.Form, v, w, q1 ? [ProbabilityRepair.QuantumSet(layout, Q1)] : [], 0, mix, CancellationToken.None);

    [Fact]
    public void Q1_is_infeasible_after_the_positive_repair_and_solves_after_the_Q1_repair()
    {
        var (layout, _) = ModelData();
        var table = Counts(layout);
        var w = Weights(table);
        var positive = Repair(layout, table.Values, w, q1: false, mix: ProbabilityRepair.InteriorMixingDistance);
        var quantum = Repair(layout, table.Values, w, q1: true, mix: ProbabilityRepair.InteriorMixingDistance);
        var onPositive = Solve(layout.Form, positive.Values, q1: true);
        Assert.True(onPositive.Status == SdpStatus.DualInfeasible, $"Q1 on the positive repair: {onPositive.Status}");
        var onQuantum = Solve(layout.Form, quantum.Values, q1: true);
        Assert.True(onQuantum.Status is SdpStatus.Optimal or SdpStatus.NearOptimal, $"Q1 on the Q1 repair: {onQuantum.Status}");
        // NS ⊇ Q1: on the same data the NS bound on P_g is at least Q1's (H^NS ≤ H^Q1).
        var ns = Solve(layout.Form, quantum.Values, q1: false);
        Assert.True(ns.Pg >= onQuantum.Pg - 1e-6, $"NS P_g {ns.Pg} < Q1 P_g {onQuantum.Pg}");
        // Projecting onto the smaller set Q1 ∩ positive moves the data at least as far as onto the positive set.
        Assert.True(Distance(quantum.Projected, table.Values, w) >= Distance(positive.Projected, table.Values, w) - 1e-6,
            $"Q1 repair {Distance(quantum.Projected, table.Values, w)} < positive repair {Distance(positive.Projected, table.Values, w)}");
    }

    [Fact]
    public void Data_already_in_Q1_do_not_move()
    {
        var (layout, exact) = ModelData();
        var ones = exact.Select(_ => 1.0).ToArray();
        var repaired = Repair(layout, exact, ones, q1: true, mix: 0);
        var moved = repaired.Projected.Select((q, i) => Math.Abs(q - exact[i])).Max();
        Assert.True(moved <= 1e-7, $"exact W-like data moved by {moved}");
    }

    /// <summary>P_g is concave in the data and 1 at the maximally mixed data, so along (1 − λ) p + λ m it never decreases:
    /// a larger mix can only lower H (the formulation's argument; this checks it on the relaxations' values).</summary>
    [Fact]
    public void A_larger_final_mix_never_raises_H()
    {
        var (layout, _) = ModelData();
        var table = Counts(layout);
        var w = Weights(table);
        var pg = new[] { 0.25, 1, 4 }.Select(kappa => Solve(layout.Form, Repair(layout, table.Values, w, q1: true, mix: kappa).Values, q1: false).Pg).ToArray();
        Assert.All(pg, p => Assert.True(double.IsFinite(p)));
        Assert.True(pg[0] <= pg[1] + 1e-7 && pg[1] <= pg[2] + 1e-7, $"P_g along the mix: {string.Join(", ", pg)}");
        Assert.True(pg[2] > pg[0] + 1e-4, "the mixes should differ visibly at N = 10³");
    }
}
