using SteeringRng.Certification.Bounds;
using SteeringRng.Certification.Results;
using SteeringRng.Certification.Seesaw;
using SteeringRng.Certification.Tests.Support;

namespace SteeringRng.Certification.Tests.Run;

/// <summary>The engine's entry point for data without a scenario file: an assemblage, a guess and bounds in, rows out.</summary>
public class CertifyDataTests
{
    private static readonly BoundSpec Seesaw2 = new BoundSpec.Dimension(SeesawOptions.Default with { Dimension = 2, RandomStarts = 0, MaxRounds = 1 });

    // μ = 1: P_g^NS = 1/4 (H = 2 bits) and the true realisation reaches it, so NS, Q1 and Dim meet exactly; Glo
    // (global measurements) can only allow Eve more. All pass the ordering check.
    [Fact]
    public void PureGhz_AllBoundsMeetAtTwoBits_AndTheOrderingHolds()
    {
        var ghz = Ghz.Create(1.0);
        var rows = CertificationEngine.Certify(ghz.Data, GuessTarget.Joint(0, 0),
            [new BoundSpec.Global(), new BoundSpec.NoSignalling(), new BoundSpec.Npa(1, []), Seesaw2], TestSolvers.Builtin(), ghz.Realisation);
        Assert.All(rows, r => Assert.True(r.Status == RowStatus.Optimal, $"{r.Bound}: {r.Status} {r.Message}"));
        Assert.Equal(0.25, rows.Single(r => r.Bound == "ns").Pguess!.Value, 1e-6);
        Assert.Equal(0.25, rows.Single(r => r.Bound == "npa 1").Pguess!.Value, 1e-6);
        Assert.Equal(0.25, rows.Single(r => r.Bound == "seesaw dim 2").Pguess!.Value, 1e-7);
        Assert.Equal(2.0, rows.Single(r => r.Bound == "ns").Hmin!.Value, 1e-5);
        Assert.True(rows.Single(r => r.Bound == "global").Pguess >= 0.25 - 1e-6);
    }

    // μ = 0.45 ≤ 1/2 has no joint randomness (docs/formulations/bound-ordering.md: H^NS > 0 exactly for μ > 0.5),
    // so P_g^NS = 1 there; the row is capped at 1, H = 0.
    [Fact]
    public void BelowTheNsThreshold_PgIsOne_AndHIsZero()
    {
        var row = CertificationEngine.Certify(Ghz.Create(0.45).Data, GuessTarget.Joint(0, 0), [new BoundSpec.NoSignalling()], TestSolvers.Builtin()).Single();
        Assert.Equal(RowStatus.Optimal, row.Status);
        Assert.Equal(1.0, row.Pguess!.Value, 1e-6);
        Assert.True(row.Pguess <= 1.0);
        Assert.Equal(0.0, row.Hmin!.Value, 1e-6);
    }

    [Fact]
    public void GlobalBound_ForASinglePartyGuess_IsNotApplicable_WithTheReason()
    {
        var row = CertificationEngine.Certify(Ghz.Create(1.0).Data, GuessTarget.Single(0, 0), [new BoundSpec.Global()], new FailingSolver()).Single();
        Assert.Equal(RowStatus.NotApplicable, row.Status);
        Assert.Null(row.Pguess);
        Assert.Contains("joint guess of every untrusted node", row.Message);
    }

    [Fact]
    public void AFailedSolve_GivesAFailedRow_NotANumber()
    {
        var row = CertificationEngine.Certify(Ghz.Create(1.0).Data, GuessTarget.Joint(0, 0), [new BoundSpec.NoSignalling()], new FailingSolver()).Single();
        Assert.Equal(RowStatus.NumericalFailure, row.Status);
        Assert.Null(row.Pguess);
        Assert.Null(row.Hmin);
    }

    [Fact]
    public void TheSeesawWithoutARealisation_IsNotApplicable_NotANumber()
    {
        var row = CertificationEngine.Certify(Ghz.Create(1.0).Data, GuessTarget.Joint(0, 0), [Seesaw2], new FailingSolver()).Single();
        Assert.Equal(RowStatus.NotApplicable, row.Status);
        Assert.Null(row.Pguess);
        Assert.Contains("model of the data", row.Message);
    }

    // With a solver that never succeeds, the seesaw keeps its exact start: the true realisation with Eve holding
    // nothing, P_g = max_e p(e|X,X) = 1/4 for every noisy GHZ.
    [Fact]
    public void TheSeesawKeepsItsVerifiedStart_WhenEverySolveFails()
    {
        foreach (var mu in new[] { 1.0, 0.8, 0.6 })
        {
            var ghz = Ghz.Create(mu);
            var row = CertificationEngine.Certify(ghz.Data, GuessTarget.Joint(0, 0), [Seesaw2], new FailingSolver(), ghz.Realisation).Single();
            // No relaxation in the run proves it optimal: a verified attack (a lower bound on P_g), not "optimal".
            Assert.Equal(RowStatus.VerifiedAttack, row.Status);
            Assert.Equal(0.25, row.Pguess!.Value, 1e-12);
        }
    }
}
