using System.Numerics;
using MathNet.Numerics.LinearAlgebra;
using SteeringRng.Certification.Seesaw;
using SteeringRng.Certification.Tests.Support;
using SteeringRng.Sdp;

namespace SteeringRng.Certification.Tests.Seesaw;

/// <summary>Bad inputs and failing solvers: clear errors or failed results, never a number presented as a bound.</summary>
public class SeesawInputTests
{
    private static readonly SeesawOptions Small = SeesawOptions.Default with { Dimension = 2, RandomStarts = 1, MaxRounds = 3 };

    [Fact]
    public void WhenEveryStepFails_TheExactStartIsStillAValidAttack()
    {
        var ghz = Ghz.Create(0.8);
        var result = new SeesawOptimizer(new FailingSolver(), Small).Run(ghz.Data, GuessTarget.Joint(0, 0), ghz.Realisation);
        Assert.True(result.IsBound, result.Message);
        Assert.Equal(0.25, result.GuessingProbability, 1e-12);
        Assert.Equal(2 * 3, result.Statistics.SdpCount); // two starts, one round each, three SDPs per round
        Assert.All(result.Starts, s => Assert.Equal(3, s.RejectedSteps));
    }

    [Fact]
    public void ARealisationThatDoesNotReproduceTheData_Fails_WithoutANumber()
    {
        var data = Ghz.Create(1.0).Data;
        var other = Ghz.Create(0.5).Realisation;
        var result = new SeesawOptimizer(new FailingSolver(), Small).Run(data, GuessTarget.Joint(0, 0), other);
        Assert.Equal(SeesawStatus.Failed, result.Status);
        Assert.False(result.IsBound);
        Assert.True(double.IsNaN(result.GuessingProbability));
        Assert.Contains("does not reproduce the data", result.Message);
    }

    [Fact]
    public void ADimensionBelowTheRealisation_Fails_WithAReason()
    {
        var ghz = Ghz.Create(1.0);
        var options = Small with { Dimension = 1 };
        var result = new SeesawOptimizer(new FailingSolver(), options).Run(ghz.Data, GuessTarget.Joint(0, 0), ghz.Realisation);
        Assert.Equal(SeesawStatus.Failed, result.Status);
        Assert.Contains("party 0 has dimension 1", result.Message);
    }

    [Fact]
    public void GuessingANonexistentPartyOrSetting_IsAnArgumentError()
    {
        var ghz = Ghz.Create(1.0);
        var seesaw = new SeesawOptimizer(new FailingSolver(), Small);
        var party = Assert.Throws<ArgumentException>(() => seesaw.Run(ghz.Data, GuessTarget.Single(2, 0), ghz.Realisation));
        Assert.Contains("party 2 does not exist", party.Message);
        var setting = Assert.Throws<ArgumentException>(() => seesaw.Run(ghz.Data, GuessTarget.Joint(0, 3), ghz.Realisation));
        Assert.Contains("setting 3 does not exist", setting.Message);
    }

    [Fact]
    public void InvalidOptions_AreRejected_NamingTheField()
    {
        var error = Assert.Throws<ArgumentException>(() => new SeesawOptimizer(new FailingSolver(), Small with { MaxRounds = 0 }));
        Assert.Contains("MaxRounds", error.Message);
        Assert.Throws<ArgumentNullException>(() => new SeesawOptimizer(null!, Small));
    }

    [Fact]
    public void GuessTarget_RejectsUnsortedOrMismatchedParties()
    {
        Assert.Throws<ArgumentException>(() => new GuessTarget([1, 0], [0, 0]));
        Assert.Throws<ArgumentException>(() => new GuessTarget([0], [0, 1]));
        Assert.Throws<ArgumentException>(() => new GuessTarget([], []));
    }

    [Fact]
    public void AttackCheck_RejectsAnAttackThatMissesTheData()
    {
        var ghz = Ghz.Create(1.0);
        var povms = ghz.Realisation.Povms;
        var sub = new[] { ghz.Realisation.State, Zero(8), Zero(8), Zero(8) };
        var exact = new SeesawAttack(2, [2, 2], GuessTarget.Joint(0, 0), sub, povms);
        Assert.True(AttackCheck.Of(exact, ghz.Data, 1e-6).Passes(1e-6));
        // Dephase the state: still a valid state, but Y and X correlations are gone.
        var dephased = Matrix<Complex>.Build.Dense(8, 8, (i, j) => i == j ? ghz.Realisation.State[i, j] : 0);
        var wrong = new SeesawAttack(2, [2, 2], GuessTarget.Joint(0, 0), [dephased, Zero(8), Zero(8), Zero(8)], povms);
        var check = AttackCheck.Of(wrong, ghz.Data, 1e-6);
        Assert.False(check.Passes(1e-6));
        // Lost coherence: σ_{bc|xx}[0,1] = ½ ⟨11|M_b ⊗ M_c|00⟩ = ½ · (±½)(±½) = ±1/8 for X or Y effects.
        Assert.Equal(0.125, check.MaxDeviation, 1e-12);
    }

    private static Matrix<Complex> Zero(int n) => Matrix<Complex>.Build.Dense(n, n);
}
