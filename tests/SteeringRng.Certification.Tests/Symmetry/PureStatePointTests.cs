using SteeringRng.Certification.Results;
using SteeringRng.Certification.Tests.Support;
using SteeringRng.Sdp;

namespace SteeringRng.Certification.Tests.Symmetry;

/// <summary>
/// The μ = 1 point of samples/fig2-benchmark.scn for Bob's guess at npa 1, symmetry-reduced and facially reduced: the
/// pure GHZ state gives Eve nothing, P_g = 1/2 exactly (1 bit; Fig. 2(b) of the paper at μ = 1). The reduced moment form
/// has b = 0 (its objective is constant on the feasible set) and its Γ block keeps a 6-dimensional face the reduction
/// does not remove, so the path's primal steps used to collapse at DIMACS 1.1e-8 (near-optimal, and the benchmark exited 1).
/// </summary>
public class PureStatePointTests
{
    [Fact]
    public void BobNpa1AtMu1_SymmetryReduced_IsOptimal_WithPgOneHalf_Certified()
    {
        var run = Scenarios.Plan("""
            node Alice trusted dim 2
            node Bob, Charlie untrusted dim 2
            param mu = 1
            state = mu * ghz(Alice, Bob, Charlie) + (1 - mu) * white
            measure Bob, Charlie: X Y Z
            objective bob = guess Bob.X
            bounds npa 1
            """);
        // The problem solved is the symmetry-reduced one (the problem's own description says so).
        Assert.Contains("symmetry: 8 relabellings", run.Jobs.Single().ProblemAt(run.Points.Single()).Meaning);
        var row = Assert.Single(run.Execute(new InteriorPointSolver()).Rows);
        Assert.Equal(RowStatus.Optimal, row.Status);
        Assert.InRange(row.Pguess!.Value, 0.5 - 1e-9, 0.5 + 1e-9);
        Assert.True(row.Certificate!.IsCertified, row.Certificate.Reason);
        Assert.InRange(row.Certificate.Pguess!.Value, 0.5 - 1e-12, 0.5 + 1e-9);
    }

    /// <summary>
    /// The joint guess at Q2, μ = 1 (symmetry-reduced): exact P_g = 1/4 (2 bits). Its moment form has b = 0 as well, so
    /// X̂ = 0 certifies P_g ≤ offset exactly (LowerSide); this row was uncertified before ("6 of the 220 coupled
    /// constraints are (numerically) dependent", docs/formulations/certificates.md).
    /// </summary>
    [Fact]
    public void JointNpa2AtMu1_SymmetryReduced_IsOptimal_AndCertified()
    {
        var row = Assert.Single(Scenarios.Plan("""
            node Alice trusted dim 2
            node Bob, Charlie untrusted dim 2
            param mu = 1
            state = mu * ghz(Alice, Bob, Charlie) + (1 - mu) * white
            measure Bob, Charlie: X Y Z
            objective joint = guess Bob.X, Charlie.X
            bounds npa 2
            """).Execute(new InteriorPointSolver()).Rows);
        Assert.Equal(RowStatus.Optimal, row.Status);
        Assert.True(row.Certificate!.IsCertified, row.Certificate.Reason);
        // The data are doubles: the solved SDP's exact value may sit 1e-16 below 1/4 (certificates.md, "Limit of the claim").
        Assert.InRange(row.Certificate.Pguess!.Value, 0.25 - 1e-15, 0.25 + 1e-9);
    }
}
