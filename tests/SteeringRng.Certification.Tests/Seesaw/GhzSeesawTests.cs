using SteeringRng.Certification.Results;
using SteeringRng.Certification.Seesaw;
using SteeringRng.Certification.Tests.Support;
using Xunit.Abstractions;

namespace SteeringRng.Certification.Tests.Seesaw;

/// <summary>
/// Seesaw runs on the paper's 3-qubit GHZ example (Alice trusted; Bob and Charlie measure X, Y, Z), each done
/// once and shared by the tests below. Small local dimensions keep them fast; the paper's d = 10 is a benchmark.
/// </summary>
public sealed class GhzSeesawRuns
{
    private readonly Dictionary<string, Lazy<(Ghz Ghz, SeesawResult Result)>> _runs = new();

    public GhzSeesawRuns()
    {
        Add("pure joint d2", 1.0, GuessTarget.Joint(0, 0), 2, randomStarts: 0);
        Add("pure bob d2", 1.0, GuessTarget.Single(0, 0), 2, randomStarts: 0);
        Add("unsteerable joint d2", 0.4, GuessTarget.Joint(0, 0), 2, randomStarts: 0);
        Add("noisy joint d2", 0.7, GuessTarget.Joint(0, 0), 2, randomStarts: 0);
        Add("bipartite d2", 1.0, GuessTarget.Single(0, 0), 2, randomStarts: 0, qubits: 2, settings: 2);
        Add("bipartite d3", 1.0, GuessTarget.Single(0, 0), 3, randomStarts: 0, qubits: 2, settings: 2);
        Add("unsteerable pair d6", 0.5, GuessTarget.Single(0, 0), 6, randomStarts: 0, qubits: 2, settings: 2);
        Add("four qubits, middle party d2", 1.0, GuessTarget.Single(1, 0), 2, randomStarts: 0, qubits: 4, settings: 2, csdp: true);
    }

    private void Add(string name, double mu, GuessTarget guess, int dimension, int randomStarts, int qubits = 3, int settings = 3,
        bool csdp = false) =>
        _runs[name] = new(() =>
        {
            var ghz = Ghz.Create(mu, qubits, settings);
            var options = SeesawOptions.Default with { Dimension = dimension, RandomStarts = randomStarts, MaxRounds = 10 };
            var solver = csdp ? TestSolvers.Csdp() : TestSolvers.Builtin();
            return (ghz, new SeesawOptimizer(solver, options).Run(ghz.Data, guess, ghz.Realisation));
        });

    public (Ghz Ghz, SeesawResult Result) this[string name] => _runs[name].Value;
}

public class GhzSeesawTests(GhzSeesawRuns runs, ITestOutputHelper output) : IClassFixture<GhzSeesawRuns>
{
    private SeesawResult Result(string name)
    {
        var result = runs[name].Result;
        output.WriteLine($"{name}: {result.Status}, P_g = {result.GuessingProbability:R}, {result.Message}; {result.Statistics}");
        foreach (var start in result.Starts) output.WriteLine($"  {start}");
        return result;
    }

    // At μ = 1 the NS bound is 1/4 (H = 2 bits, docs/formulations/bound-ordering.md) and the true realisation reaches it, so every
    // dimension must give exactly 1/4: more would contradict the NS upper bound on P_g, less the trivial attack.
    [Fact]
    public void PureGhz_JointGuessXX_IsExactlyTwoBits_InDimension2()
    {
        var result = Result("pure joint d2");
        Assert.True(result.IsBound, result.Message);
        Assert.Equal(0.25, result.GuessingProbability, 1e-7);
        Assert.Equal(2.0, MinEntropy.Bits(result.GuessingProbability), 1e-6);
    }

    // Embedding in a larger local dimension must not let Eve beat the exact value (maximally entangled pair,
    // Bob measuring X and Z: P_g = 1/2 in every dimension, the bipartite NS value).
    [Fact]
    public void PureState_EmbeddedInDimension3_StaysAtOneBit()
    {
        var result = Result("bipartite d3");
        Assert.True(result.IsBound, result.Message);
        Assert.Equal(0.5, result.GuessingProbability, 1e-7);
    }

    // Bob alone on a pure GHZ: ρ_ABC is pure, so Eve is uncorrelated and Bob's X outcome is uniform: P_g = 1/2.
    [Fact]
    public void PureGhz_BobOnlyGuessX_IsOneBit()
    {
        var result = Result("pure bob d2");
        Assert.True(result.IsBound, result.Message);
        Assert.Equal(0.5, result.GuessingProbability, 1e-7);
    }

    // Any number k ≥ 1 of untrusted parties: one (a maximally entangled pair, Bob measuring X, Z) and three
    // (4-qubit GHZ, guessing only the middle party's X). The state is pure, so Eve is uncorrelated and the
    // guessed X outcome is uniform: P_g = 1/2.
    [Fact]
    public void PureState_OneUntrustedParty_IsOneBit()
    {
        var result = Result("bipartite d2");
        Assert.True(result.IsBound, result.Message);
        Assert.Equal(0.5, result.GuessingProbability, 1e-7);
    }

    // Through CSDP: the built-in solver needs about a minute for these SDPs on a loaded CI machine.
    [CsdpFact]
    public void PureState_ThreeUntrustedParties_IsOneBit()
    {
        var result = Result("four qubits, middle party d2");
        Assert.True(result.IsBound, result.Message);
        Assert.Equal(0.5, result.GuessingProbability, 1e-7);
    }

    // A noisy maximally entangled pair at μ = 1/2 with Bob measuring X and Y (two MUBs) is unsteerable (the
    // threshold is 1/√2), so it has an LHS model and the true P_g is 1. With d = 2 + 2² the four deterministic
    // strategies fit in the padding levels, σ = Σ_λ σ_λ ⊗ |λ⟩⟨λ| is feasible and Eve knows λ: P_g = 1 exactly.
    [Fact]
    public void UnsteerablePair_WithRoomForEveryStrategy_ReachesCertainty()
    {
        var result = Result("unsteerable pair d6");
        Assert.True(result.IsBound, result.Message);
        Assert.Equal(1.0, result.GuessingProbability, 1e-6);
    }

    // μ = 0.4 is unsteerable (fLHS threshold 0.428 with X, Y, Z), so the true P_g is 1. An explicit attack in
    // dimension 2 already gives 0.7: Eve knows (b, c) exactly on the noise part, written as
    // (1 − μ) I/8 = (1 − μ) Σ_{bc} I_A/2 ⊗ |b_X⟩⟨b_X| ⊗ |c_X⟩⟨c_X| / 4, and guesses at 1/4 on the GHZ part:
    // P_g ≥ (1 − μ) + μ/4 = 0.7. The seesaw must find at least that, and never more than 1.
    [Fact]
    public void UnsteerableGhz_FindsAtLeastTheAnalyticAttack()
    {
        const double mu = 0.4;
        var result = Result("unsteerable joint d2");
        Assert.True(result.IsBound, result.Message);
        Assert.True(result.GuessingProbability >= (1 - mu) + mu / 4 - 1e-9, $"P_g = {result.GuessingProbability}");
        Assert.True(result.GuessingProbability <= 1 + 1e-9, $"P_g = {result.GuessingProbability}");
    }

    // The embedded true realisation with Eve holding nothing is itself an attack: P_g ≥ max_e p(e|x*) = 1/4
    // (the X, X outcomes of a noisy GHZ are uniform), and the seesaw never ends below its start.
    [Fact]
    public void NoisyGhz_IsAtLeastTheTrueRealisation()
    {
        var result = Result("noisy joint d2");
        Assert.True(result.IsBound, result.Message);
        Assert.Equal(0.25, result.Starts[0].InitialGuessingProbability, 1e-12);
        Assert.True(result.GuessingProbability >= 0.25 - 1e-12);
        Assert.All(result.Starts, s => Assert.True(s.FinalGuessingProbability >= s.InitialGuessingProbability));
    }

    // Every reported attack must reproduce the data; recompute its assemblage here by hand, entry by entry.
    [Theory]
    [InlineData("noisy joint d2")]
    [InlineData("unsteerable joint d2")]
    [InlineData("pure bob d2")]
    public void ReportedAttack_ReproducesTheData_ByIndependentRecomputation(string name)
    {
        var (ghz, result) = runs[name];
        Assert.True(result.IsBound, result.Message);
        var attack = result.Attack!;
        var byHand = HandComputed.MaxDeviation(attack, ghz.Data);
        Assert.True(byHand <= SeesawOptions.Default.FeasibilityTolerance);
        // The exact bound is a bound on the floating recomputations (up to their own rounding), and is in the message.
        var proven = result.Check!.ProvenMaxDeviation!.Value;
        Assert.InRange(byHand, 0, proven + 1e-15);
        Assert.InRange(proven, 0, byHand + 1e-14);
        Assert.Contains($"proven ≤ {ExactDeviation.RoundedUp(proven)}", result.Message);
        Assert.Equal(HandComputed.GuessingProbability(attack), result.GuessingProbability, 1e-10);
        Assert.All(attack.SubStates, s => Assert.True(HandComputed.MinEigenvalue(s) >= -1e-9));
    }

    // The same exact value through the CSDP peer (the seesaw takes any ISdpSolver), embedded in dimension 3
    // (too slow for the built-in solver in CI).
    [CsdpFact]
    public void PureGhz_JointGuessXX_StaysAtTwoBits_InDimension3_ThroughCsdp()
    {
        var ghz = Ghz.Create(1.0);
        var options = SeesawOptions.Default with { Dimension = 3, RandomStarts = 1, MaxRounds = 5 };
        var result = new SeesawOptimizer(TestSolvers.Csdp(), options).Run(ghz.Data, GuessTarget.Joint(0, 0), ghz.Realisation);
        Assert.True(result.IsBound, result.Message);
        Assert.Equal("csdp", result.Statistics.Solver);
        Assert.Equal(2, result.Starts.Count); // the embedded realisation and one random start
        Assert.Equal(0.25, result.GuessingProbability, 1e-7);
    }

    [Fact]
    public void AVerifiedAttack_CarriesItsNumberAndItsCost()
    {
        var result = Result("pure joint d2");
        Assert.True(result.IsBound);
        Assert.Equal(0.25, result.GuessingProbability, 1e-7);
        Assert.True(result.Statistics.SdpCount > 0 && result.Statistics.Iterations > 0);
    }
}
