using SteeringRng.Certification.Results;
using SteeringRng.Certification.Tests.Support;
using SteeringRng.Sdp;

namespace SteeringRng.Certification.Tests.Jobs;

/// <summary>The seesaw's rows in a scenario run: a verified attack, and an earlier optimal relaxation row as its target.</summary>
public class SeesawJobTests
{
    [Fact]
    public void The_seesaw_row_is_a_verified_attack_above_the_ns_bound()
    {
        var report = Scenarios.Plan("""
            node Alice trusted dim 2
            node Bob, Charlie untrusted dim 2
            param mu = [0.8]
            state = mu * ghz + (1 - mu) * white
            measure Bob, Charlie: X Y Z
            objective joint = guess Bob.X, Charlie.X
            bounds ns, seesaw dim 2 restarts 1 seed 1
            """).Execute(new InteriorPointSolver());
        var ns = report.Rows.Single(r => r.Bound == "ns");
        var dim = report.Rows.Single(r => r.Bound == "seesaw dim 2");
        Assert.Equal(RowStatus.Optimal, ns.Status);
        // Optimal only when the attack meets the NS bound (its target); otherwise a verified attack that names the gap.
        var meets = ns.Pguess!.Value - dim.Pguess!.Value <= 1e-7;
        Assert.True(dim.Status == (meets ? RowStatus.Optimal : RowStatus.VerifiedAttack), $"{dim.Status}: {dim.Message}");
        Assert.Equal(meets, !dim.Message.Contains("not proven optimal: ns proves", StringComparison.Ordinal));
        // H^NS ≤ H^Dim (docs/formulations/bound-ordering.md): an explicit attack cannot beat the relaxation.
        Assert.True(ns.Hmin <= dim.Hmin + 1e-6, $"H^NS = {ns.Hmin}, H^Dim = {dim.Hmin}");
        // At least the true realisation's own guessing probability of the joint X outcomes (1/4 at μ = 1, more with noise).
        Assert.True(dim.Pguess >= 0.25);
    }

    // At μ = 1 the NS bound is exactly 1/4 (docs/formulations/bound-ordering.md) and the true realisation already reaches it. With NS listed
    // before the seesaw, its optimal row is the seesaw's target, so the seesaw stops at its first start without an SDP
    // and says the attack is optimal; without it, the same seesaw runs its steps.
    [Theory]
    [InlineData("ns, seesaw dim 2 restarts 0", true)]
    [InlineData("seesaw dim 2 restarts 0", false)]
    public void An_earlier_optimal_relaxation_row_is_the_seesaws_target(string bounds, bool targeted)
    {
        var report = Scenarios.Plan($"""
            node Alice trusted dim 2
            node Bob, Charlie untrusted dim 2
            param mu = [1]
            state = mu * ghz + (1 - mu) * white
            measure Bob, Charlie: X Y Z
            objective joint = guess Bob.X, Charlie.X
            bounds {bounds}
            """).Execute(new InteriorPointSolver());
        var dim = report.Rows.Single(r => r.Bound == "seesaw dim 2");
        // Without a target nothing proves the attack optimal: it is a verified attack, not "optimal".
        Assert.True(dim.Status == (targeted ? RowStatus.Optimal : RowStatus.VerifiedAttack), $"{dim.Status}: {dim.Message}");
        Assert.Equal(0.25, dim.Pguess!.Value, 1e-7);
        Assert.Equal(targeted, dim.Message.Contains("meets the proven bound", StringComparison.Ordinal));
        Assert.Equal(targeted, dim.Iterations == 0);
    }

    // |000>: Bob's X outcome is uniformly random but classical (the state is a product), so an attack with P_g = 1
    // exists in dimension 2 (Bob's device a classical bit that Eve copies) and NPA level 1 proves P_g <= 1. The seesaw
    // used to stop at 0.5 and call it optimal; it now finds the attack, which meets the proven bound.
    [Fact]
    public void The_seesaw_finds_the_classical_attack_on_a_product_state()
    {
        var report = Scenarios.Plan("""
            node Alice trusted dim 2
            node Bob, Charlie untrusted dim 2
            state = |000>
            measure Bob, Charlie: X Y Z
            objective bob = guess Bob.X
            bounds npa 1, seesaw dim 2 restarts 1 seed 1
            """).Execute(new InteriorPointSolver());
        var npa = report.Rows.Single(r => r.Bound == "npa 1");
        var dim = report.Rows.Single(r => r.Bound == "seesaw dim 2");
        Assert.Equal(RowStatus.Optimal, npa.Status);
        Assert.Equal(1.0, npa.Pguess!.Value, 1e-6);
        Assert.True(dim.Status == RowStatus.Optimal, $"{dim.Status}: {dim.Message}");
        Assert.Equal(1.0, dim.Pguess!.Value, 1e-7);
    }

    // A relaxation row of the same point proves P_g <= 1 while the attack reaches 1/4 (pure GHZ, joint guess): the
    // seesaw row is a verified attack, and its message names the bound and the gap.
    [Fact]
    public void A_seesaw_attack_below_a_proven_bound_is_a_verified_attack_with_the_gap()
    {
        var run = Scenarios.Plan("""
            node Alice trusted dim 2
            node Bob, Charlie untrusted dim 2
            param mu = [1]
            state = mu * ghz + (1 - mu) * white
            measure Bob, Charlie: X Y Z
            objective joint = guess Bob.X, Charlie.X
            bounds npa 1, seesaw dim 2 restarts 0
            """);
        var point = run.Points[0];
        var seesaw = run.Jobs.Single(j => j.Bound == "seesaw dim 2");
        var loose = ResultRow.FromGuessingProbability(point.Parameters, "joint", "npa 1", 1.0, RowStatus.Optimal, 10, 0.1, "");
        var row = seesaw.Run(point, [(SteeringRng.Certification.Bounds.BoundRank.Npa(1, []), loose)], new InteriorPointSolver(),
            SdpSettings.Default, CancellationToken.None);
        Assert.Equal(RowStatus.VerifiedAttack, row.Status);
        Assert.Equal(0.25, row.Pguess!.Value, 1e-6);
        Assert.StartsWith("not proven optimal: npa 1 proves P_g <= 1, 0.75", row.Message, StringComparison.Ordinal);
    }
}
