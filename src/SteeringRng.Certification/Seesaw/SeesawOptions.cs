using SteeringRng.Sdp;

namespace SteeringRng.Certification.Seesaw;

/// <summary>Settings of the seesaw search for H^Dim. Immutable; use <c>with</c> to change a field.</summary>
public sealed record SeesawOptions
{
    public static readonly SeesawOptions Default = new();

    /// <summary>Local dimension of every untrusted party unless <see cref="PartyDimensions"/> is given (the paper uses 10).</summary>
    public int Dimension { get; init; } = 10;

    /// <summary>One dimension per untrusted party (overrides <see cref="Dimension"/>).</summary>
    public IReadOnlyList<int>? PartyDimensions { get; init; }

    /// <summary>
    /// Block-diagonal attacks (see the seesaw's BlockAttack): every POVM is kept block-diagonal, with block 0 holding
    /// the realisation (its dimension, or b if larger) and the remaining levels cut into blocks of size b (the last
    /// one smaller). Eve then knows which block the devices are in; the attack is still one in dimension d, found by
    /// SDPs that split into small blocks (d = 10, b = 2: a 200×200 sub-state becomes 25 blocks of 8×8). Null (the
    /// default) takes b = the realisation's local dimension; b ≥ d searches all POVMs on C^d (one block); b = 1 is
    /// the realisation plus deterministic strategies on every extra level.
    /// </summary>
    public int? BlockSize { get; init; }

    /// <summary>
    /// Also start, for a single guessed party, from Eve's optimal decomposition of that party's steering of everything
    /// else with the other parties' true devices kept (Internal/OneSidedDecompositionStart, continuous-variables.md §9.7):
    /// one extra SDP, and a start that is not rigid where the embedded realisation is (pure data, tomographically complete
    /// POVMs). Off by default (the qudit scenarios' starts are unchanged); the CV runner turns it on. It needs one block of
    /// size ≥ d_A·Π_{others} d_R per guess (<see cref="BlockSize"/>).
    /// </summary>
    public bool OneSidedDecomposition { get; init; }

    /// <summary>
    /// Split attacks (Internal/JointSplitStart, seesaw.md "Split attacks"): when set, Eve's attack is a direct sum over her
    /// guesses, started from nested one-sided decompositions of the guessed parties with blocks of this size (≥ the rank of
    /// each part; 2 for the Fock model of Fig. 4, K = 1), each component locked to its guess. The usual starts and
    /// <see cref="Dimension"/>, <see cref="BlockSize"/> are then not used: the local dimensions follow from the guesses
    /// (n·b for the first guessed party, n²·b for the second, …). Null (the default): the usual seesaw.
    /// </summary>
    public int? SplitBlockSize { get; init; }

    /// <summary>
    /// Try first the attack in which every guessed party is classical (Internal/ClassicalGuessAttack, seesaw.md "Classical
    /// guessed parties"): one feasibility SDP on the data; when the data decompose so, Eve guesses with P_g = 1 and the
    /// search ends there (optimal). Needs at most one non-guessed untrusted party. Off by default (the qudit scenarios'
    /// results are unchanged); the CV runner turns it on.
    /// </summary>
    public bool ClassicalGuess { get; init; }

    /// <summary>Random feasible starts tried after the embedded true realisation.</summary>
    public int RandomStarts { get; init; } = 2;

    /// <summary>Seed of the random starts (the search is reproducible).</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Rounds (one state SDP plus one POVM SDP per party) per start, at most.</summary>
    public int MaxRounds { get; init; } = 30;

    /// <summary>A start stops when one round raises P_g by less than this.</summary>
    public double GainTolerance { get; init; } = 1e-7;

    /// <summary>
    /// Largest entry-wise deviation |σ^attack_{a|x} − σ^obs_{a|x}| an iterate may have; iterates beyond it are
    /// rejected, and a final attack beyond it is not a bound.
    /// </summary>
    public double FeasibilityTolerance { get; init; } = 1e-6;

    /// <summary>
    /// A proven UPPER bound on Eve's optimal P_g for these data (e.g. the conservative, primal-side value of a
    /// relaxation solved to optimality, which bounds P_g by weak duality), or null. Once an accepted (data-checked)
    /// iterate reaches Target − <see cref="TargetTolerance"/>, no attack can do materially better, so the remaining
    /// steps and starts are skipped and the result is <see cref="SeesawStatus.Optimal"/>. With a target the
    /// pinned-copy starts run before the embedded realisation (they usually reach the optimum in one state SDP).
    /// A target that is not a bound only makes the seesaw stop early at a lower value; the attack is still verified.
    /// </summary>
    public double? Target { get; init; }

    /// <summary>How close (absolute, in P_g) to <see cref="Target"/> an iterate must come to stop the search.</summary>
    public double TargetTolerance { get; init; } = 1e-7;

    /// <summary>Called once per step with a one-line log row (start, round, step, solver status, gain, deviation, verdict).</summary>
    public Action<string>? Log { get; init; }

    /// <summary>Settings passed to the SDP solver for each step.</summary>
    public SdpSettings Sdp { get; init; } = SdpSettings.Default;

    /// <summary>The local dimensions for k parties.</summary>
    public int[] DimensionsFor(int partyCount)
    {
        if (PartyDimensions is null) return Enumerable.Repeat(Dimension, partyCount).ToArray();
        if (PartyDimensions.Count != partyCount)
            throw new ArgumentException($"PartyDimensions has {PartyDimensions.Count} entries for {partyCount} untrusted parties.");
        return PartyDimensions.ToArray();
    }

    /// <summary>The block sizes per party for these local dimensions and a realisation of the given dimensions.</summary>
    public int[][] BlocksFor(IReadOnlyList<int> dimensions, IReadOnlyList<int> realisationDimensions) =>
        dimensions.Select((d, j) =>
        {
            int b = BlockSize ?? realisationDimensions[j];
            var blocks = new List<int> { Math.Min(d, Math.Max(b, realisationDimensions[j])) };
            for (int rest = d - blocks[0]; rest > 0; rest -= b) blocks.Add(Math.Min(b, rest));
            return blocks.ToArray();
        }).ToArray();

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid field.</summary>
    public void Validate()
    {
        if (Dimension < 1) throw new ArgumentException($"Dimension must be positive, got {Dimension}.");
        if (PartyDimensions is not null && PartyDimensions.Any(d => d < 1))
            throw new ArgumentException("Every entry of PartyDimensions must be positive.");
        if (BlockSize is < 1) throw new ArgumentException($"BlockSize must be positive, got {BlockSize}.");
        if (SplitBlockSize is < 1) throw new ArgumentException($"SplitBlockSize must be positive, got {SplitBlockSize}.");
        if (RandomStarts < 0) throw new ArgumentException($"RandomStarts must be non-negative, got {RandomStarts}.");
        if (MaxRounds < 1) throw new ArgumentException($"MaxRounds must be positive, got {MaxRounds}.");
        if (!(GainTolerance > 0)) throw new ArgumentException($"GainTolerance must be positive, got {GainTolerance}.");
        if (Target is { } target && !(double.IsFinite(target) && target > 0))
            throw new ArgumentException($"Target must be a finite positive upper bound on P_g, got {target}.");
        if (!(TargetTolerance >= 0)) throw new ArgumentException($"TargetTolerance must be non-negative, got {TargetTolerance}.");
        if (!(FeasibilityTolerance > 0)) throw new ArgumentException($"FeasibilityTolerance must be positive, got {FeasibilityTolerance}.");
        Sdp.Validate();
    }
}
