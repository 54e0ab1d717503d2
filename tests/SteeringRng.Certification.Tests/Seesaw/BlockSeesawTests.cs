using SteeringRng.Certification.Bounds;
using SteeringRng.Certification.Results;
using SteeringRng.Certification.Seesaw;
using SteeringRng.Certification.Seesaw.Internal;
using SteeringRng.Certification.Tests.Support;
using Xunit.Abstractions;

namespace SteeringRng.Certification.Tests.Seesaw;

/// <summary>
/// The block-diagonal seesaw: attacks on C^d = ⊕_i C^{d_i} with block-diagonal POVMs. Its attacks must be genuine
/// d-dimensional attacks (checked on the full matrices by the independent <see cref="AttackCheck"/>), and it must
/// reach the true optimum where the NPA hierarchy pins it down: P_g^Dim ≤ P_g ≤ P_g^{Q2}, so meeting Q2 from
/// below proves both the attack optimal and Q2 tight.
/// </summary>
public class BlockSeesawTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(0.8, 2)]
    [InlineData(0.6, 1)]
    public void RandomBlockAttack_WrittenInFull_ReproducesTheDataAndKeepsItsGuessingProbability(double mu, int blockSize)
    {
        var ghz = Ghz.Create(mu);
        var options = SeesawOptions.Default with { Dimension = 5, BlockSize = blockSize };
        var blocks = options.BlocksFor([5, 5], ghz.Realisation.PartyDimensions);
        var attack = StartingPoints.Random(ghz.Realisation, blocks, GuessTarget.Joint(0, 0), new Random(3));
        var full = attack.ToFull();
        Assert.Equal([5, 5], full.PartyDimensions);
        var check = AttackCheck.Of(full, ghz.Data, 1e-9);
        Assert.True(check.Passes(1e-9), check.ToString());
        Assert.Equal(attack.GuessingProbability, check.GuessingProbability, 1e-12);
    }

    // Bob guessed at X; Charlie not guessed, so one pinned start per setting of Charlie; every start is feasible.
    [Fact]
    public void PinnedCopies_TryEverySettingOfAPartyNotGuessed_AndReproduceTheData()
    {
        var ghz = Ghz.Create(0.8);
        var blocks = SeesawOptions.Default.BlocksFor([6, 6], ghz.Realisation.PartyDimensions);
        var starts = StartingPoints.PinnedCopies(ghz.Realisation, blocks, GuessTarget.Single(0, 0)).ToArray();
        Assert.Equal(["party 1 setting 0", "party 1 setting 1", "party 1 setting 2"],
            starts.Select(s => s.Label[(s.Label.IndexOf(", ") + 2)..^1]));
        Assert.All(starts, s =>
        {
            Assert.Contains("party 0 setting 0", s.Label);
            var check = AttackCheck.Of(s.Attack.ToFull(), ghz.Data, 1e-9);
            Assert.True(check.Passes(1e-9), check.ToString());
            // Bob's block 1 always answers X with outcome 0, block 2 with outcome 1.
            Assert.Equal(1.0, s.Attack.Povms[0][1][0][0].Trace().Real / 2, 12);
            Assert.Equal(1.0, s.Attack.Povms[0][2][0][1].Trace().Real / 2, 12);
        });
        Assert.Single(StartingPoints.PinnedCopies(ghz.Realisation, blocks, GuessTarget.Joint(0, 0)));
    }

    // The paper's W-like state is pure, so every assemblage block is rank 1 and the feasible attacks sit on the boundary
    // of the PSD cone: a solver's attack that misses the data by δ ≈ 1e-8 gained 2e-4 over every feasible one (√δ),
    // and the seesaw reported P_g^Dim = 0.41734 > P_g^NS = 0.41714. No attack may exceed the NS bound.
    [Fact]
    public void PureWState_SeesawNeverExceedsTheNoSignallingBound()
    {
        var state = Quantum.States.WLike(new(0.575, 0), new(0.582, 0), new(0.576, 0)).State;
        Quantum.Povm[] paulis = [Quantum.Measurements.PauliX, Quantum.Measurements.PauliY, Quantum.Measurements.PauliZ];
        var measurements = new[] { paulis, paulis };
        var data = Quantum.AssemblageBuilder.Build(state, [0], measurements);
        var rows = CertificationEngine.Certify(data, GuessTarget.Joint(0, 0),
            [new BoundSpec.NoSignalling(), new BoundSpec.Dimension(SeesawOptions.Default with { Dimension = 4, RandomStarts = 2, MaxRounds = 10 })],
            TestSolvers.Builtin(), QuantumRealisation.From(state, measurements));
        var (ns, dim) = (rows[0], rows[1]);
        output.WriteLine($"NS {ns.Pguess:R} / Dim {dim.Pguess:R}: {dim.Message}");
        Assert.All(rows, r => Assert.True(r.Status == RowStatus.Optimal, $"{r.Bound}: {r.Status} {r.Message}"));
        Assert.True(dim.Pguess <= ns.Pguess + 1e-7, $"{dim.Pguess} > {ns.Pguess}");
    }

    [Fact]
    public void BlockSizes_HoldTheRealisationFirst_ThenCutTheRest()
    {
        Assert.Equal([[2, 2, 2, 2, 2], [2, 2, 2, 2, 2]], SeesawOptions.Default.BlocksFor([10, 10], [2, 2]));
        Assert.Equal([[2, 2, 1]], SeesawOptions.Default.BlocksFor([5], [2]));
        Assert.Equal([[3, 3]], SeesawOptions.Default.BlocksFor([6], [3]));
        Assert.Equal([[2, 1, 1, 1]], (SeesawOptions.Default with { BlockSize = 1 }).BlocksFor([5], [2]));
        Assert.Equal([[3, 3, 1]], (SeesawOptions.Default with { BlockSize = 3 }).BlocksFor([7], [2]));
        // b ≥ d: one block, the unstructured seesaw.
        Assert.Equal([[6]], (SeesawOptions.Default with { BlockSize = 6 }).BlocksFor([6], [2]));
    }

    // Noisy GHZ, Bob and Charlie measure X and Y, joint guess X, X: the block seesaw at d = 6 (blocks 2 + 2 + 2, so
    // a copy of the true measurements with X pinned to each outcome fits) must meet Q2 from below.
    [Theory]
    [InlineData(0.8)]
    [InlineData(0.65)]
    public void PinnedCopies_MeetQ2_OnNoisyGhz(double mu)
    {
        var ghz = Ghz.Create(mu, settings: 2);
        var rows = CertificationEngine.Certify(ghz.Data, GuessTarget.Joint(0, 0),
            [new BoundSpec.Npa(2, []), new BoundSpec.Dimension(SeesawOptions.Default with { Dimension = 6, RandomStarts = 0, MaxRounds = 10 })],
            TestSolvers.Builtin(), ghz.Realisation);
        var (q2, dim) = (rows[0], rows[1]);
        output.WriteLine($"mu = {mu}: Q2 {q2.Pguess:R} / Dim {dim.Pguess:R}");
        Assert.All(rows, r => Assert.True(r.Status == RowStatus.Optimal, $"{r.Bound}: {r.Status} {r.Message}"));
        Assert.True(dim.Pguess <= q2.Pguess + 1e-6);
        Assert.Equal(q2.Pguess!.Value, dim.Pguess!.Value, 1e-5);
    }
}
