using System.Diagnostics;
using System.Globalization;
using SteeringRng.Certification.Seesaw.Internal;
using SteeringRng.Quantum;
using SteeringRng.Sdp;

namespace SteeringRng.Certification.Seesaw;

/// <summary>
/// The fixed-dimension seesaw for H^Dim (docs/formulations/seesaw.md). Eve's attack is a cq-state Σ_e |e⟩⟨e| ⊗ σ^e with
/// σ^e on C^{d_A} ⊗ C^{d_1} ⊗ … ⊗ C^{d_k}, plus POVMs for each untrusted party; she maximises
/// <code>
///   P_g = Σ_e Tr[(I_A ⊗ G_e) σ^e]   s.t.   Σ_e Tr_U[(I_A ⊗ M^1_{a_1|x_1} ⊗ … ⊗ M^k_{a_k|x_k}) σ^e] = σ^obs_{a|x}.
/// </code>
/// The problem is linear in the sub-states, and in each party's POVM, when the rest is fixed; the seesaw
/// alternates these SDPs (states, then each party) until a round gains less than the tolerance; a step whose inputs
/// (the other parts of the attack) have not changed since it was last solved is not solved again. The POVMs are kept
/// block-diagonal (<see cref="SeesawOptions.BlockSize"/>, Internal/BlockAttack), so each SDP splits into small
/// blocks. Starts, all reproducing the data exactly: the true realisation in block 0 with deterministic strategies
/// elsewhere, the same with copies of the true measurements whose guessed (or another) setting is pinned to one
/// outcome (these reach Q2 on the paper's GHZ example), and random feasible variants. Every accepted iterate is
/// re-checked against the data, and the best attack is verified in full dimension by <see cref="AttackCheck"/>, so
/// it is an explicit attack: P_g^Dim ≤ optimal P_g, an UPPER bound on the certifiable H_min. Given a proven upper
/// bound on P_g (<see cref="SeesawOptions.Target"/>, e.g. Q2's conservative value at the same point, which
/// Certify.Certifier passes on), the search stops as soon as an accepted iterate meets it: P_g^Dim is then optimal
/// (<see cref="SeesawStatus.Optimal"/>), and the pinned-copy starts, which usually get there first, run first.
/// </summary>
public sealed class SeesawOptimizer
{
    /// <summary>A step that cannot change P_g (a non-guessed party's POVMs) may lose this much to rounding.</summary>
    private const double AcceptanceSlack = 1e-12;

    /// <summary>
    /// A step that raises P_g is taken only if the gain exceeds this many times √δ, δ its data deviation.
    /// Why: when the data are (nearly) pure, the feasible attacks sit on the boundary of the PSD cone and an
    /// attack that misses the data by δ can beat every feasible one by O(√δ) (cross terms with a near-kernel).
    /// A gain that the infeasibility could explain is not trusted, so P_g^Dim does not creep above the true optimum.
    /// </summary>
    private const double InfeasibilityGainFactor = 10;

    private readonly ISdpSolver _solver;
    private readonly SeesawOptions _options;

    public SeesawOptimizer(ISdpSolver solver, SeesawOptions? options = null)
    {
        _solver = solver ?? throw new ArgumentNullException(nameof(solver));
        _options = options ?? SeesawOptions.Default;
        _options.Validate();
    }

    /// <param name="data">The observed assemblage σ^obs_{a|x}.</param>
    /// <param name="guess">Which outcomes Eve guesses.</param>
    /// <param name="realisation">A state and measurements that produce the data; its embedding is the first start.</param>
    public SeesawResult Run(Assemblage data, GuessTarget guess, QuantumRealisation realisation, CancellationToken cancellation = default)
    {
        var clock = Stopwatch.StartNew();
        Validate(data, guess, realisation);
        var tally = new Tally(_solver.Name);
        var classical = _options.ClassicalGuess ? ClassicalGuess(data, guess, realisation, tally, cancellation) : null;
        if (classical is { } early && (early.Check.GuessingProbability >= 1 - AcceptanceSlack || MeetsTarget(early.Check.GuessingProbability)))
            return Classical(early.Attack, early.Check, tally, clock);
        var observed = new ObservedData(data);
        List<(string Label, BlockAttack Attack)> starts;
        if (_options.SplitBlockSize is { } splitBlock)
        {
            var (split, reason) = SplitStarts(realisation, guess, observed, splitBlock, cancellation);
            if (split.Count == 0) return Failure(tally, clock, $"no split attack reproduces the data ({reason}); no feasible start");
            starts = split;
        }
        else
        {
            var (usual, reason) = UsualStarts(data, guess, realisation, observed, cancellation);
            if (usual is null) return Failure(tally, clock, reason);
            starts = usual;
        }

        var finals = new List<BlockAttack>();
        var reports = new List<SeesawStartReport>();
        foreach (var (label, start) in starts)
        {
            var (attack, report) = Climb(label, start, observed, tally, cancellation);
            reports.Add(report);
            finals.Add(attack);
            if (MeetsTarget(attack.GuessingProbability))
            {
                _options.Log?.Invoke(Invariant($"{label}: P_g {attack.GuessingProbability:F9} meets the target {_options.Target:F9}; the remaining starts are skipped"));
                break;
            }
        }

        // The best attack that passes the independent check (on the full d-dimensional attack); if none does, the
        // best one, reported as unverified. Only as many attacks are written in full as it takes to find one.
        var ranked = finals.OrderByDescending(a => a.GuessingProbability).ToArray();
        var best = ranked[0].ToFull();
        var check = AttackCheck.Of(best, data, _options.FeasibilityTolerance);
        for (int r = 1; r < ranked.Length && !check.Passes(_options.FeasibilityTolerance); r++)
        {
            var candidate = ranked[r].ToFull();
            var candidateCheck = AttackCheck.Of(candidate, data, _options.FeasibilityTolerance);
            if (candidateCheck.Passes(_options.FeasibilityTolerance)) (best, check) = (candidate, candidateCheck);
        }
        bool verified = check.Passes(_options.FeasibilityTolerance);
        if (verified) check = check with { ProvenMaxDeviation = ExactDeviation.UpperBound(best, data, cancellation) };
        bool optimal = verified && MeetsTarget(check.GuessingProbability);
        var status = !verified ? SeesawStatus.Unverified
            : optimal ? SeesawStatus.Optimal
            : reports.All(r => r.Converged) ? SeesawStatus.Converged : SeesawStatus.RoundLimit;
        string proven = check.ProvenMaxDeviation is { } p
            ? Invariant($" (proven ≤ {ExactDeviation.RoundedUp(p)} in exact arithmetic)")
            : " (too large for the exact check)";
        string reproduces = Invariant($"attack reproduces the data to {check.MaxDeviation:E2}{proven}");
        string message = !verified
            ? Invariant($"the best attack does not reproduce the data (deviation {check.MaxDeviation:E2}, min state eigenvalue {check.MinStateEigenvalue:E2}, min effect eigenvalue {check.MinEffectEigenvalue:E2}, completeness error {check.CompletenessError:E2}{(check.Problem.Length > 0 ? "; " + check.Problem : "")}; tolerance {_options.FeasibilityTolerance:E1}): not a bound")
            : optimal
                ? Invariant($"meets the proven bound P_g ≤ {_options.Target:F6} (P_g gap {_options.Target - check.GuessingProbability:E1}): optimal; {reports.Count} of {starts.Count} start(s) run; {reproduces}")
                : Invariant($"best of {reports.Count} start(s); {reproduces}");
        if (classical is { } mixed && (!verified || mixed.Check.GuessingProbability > check.GuessingProbability))
            return Classical(mixed.Attack, mixed.Check, tally, clock);
        return new SeesawResult
        {
            Status = status, Attack = best, Check = check, Starts = reports,
            Statistics = tally.Finish(clock), Message = message,
        };
    }

    /// <summary>
    /// The attack with classical guessed parties (Internal/ClassicalGuessAttack), with the realisation's device of the other
    /// party kept in its second part, when it passes the attack check and does not exceed a proven bound on P_g (an attack
    /// above it can only be one that misses the data by more than it seems). Null otherwise (logged).
    /// </summary>
    private (SeesawAttack Attack, AttackCheck Check)? ClassicalGuess(Assemblage data, GuessTarget guess, QuantumRealisation realisation,
        Tally tally, CancellationToken cancellation)
    {
        // First with the kept part on the support of the true steering (well posed for pure data), then unrestricted (a
        // kept part exists only for a single guessed party).
        foreach (bool restrict in guess.Parties.Count == 1 ? new[] { true, false } : [false])
        {
            var (attacks, reason) = ClassicalGuessAttack.TryBuild(data, guess, realisation, _options.Target, restrict, _solver, _options.Sdp, tally.Add, cancellation);
            if (attacks.Count == 0) _options.Log?.Invoke($"classical guessed parties: no attack ({reason})");
            if (FirstPassing(attacks, data, cancellation) is { } found) return found;
        }
        return null;
    }

    /// <summary>The first of the candidate attacks that passes the attack check and does not exceed the target.</summary>
    private (SeesawAttack Attack, AttackCheck Check)? FirstPassing(IReadOnlyList<SeesawAttack> attacks, Assemblage data, CancellationToken cancellation)
    {
        foreach (var attack in attacks)
        {
            var check = AttackCheck.Of(attack, data, _options.FeasibilityTolerance);
            _options.Log?.Invoke(Invariant($"classical guessed parties: P_g {check.GuessingProbability:F9}, deviation {check.MaxDeviation:E2}{(check.Problem.Length > 0 ? "; " + check.Problem : "")}"));
            if (!check.Passes(_options.FeasibilityTolerance)) continue;
            if (_options.Target is { } target && check.GuessingProbability > target + _options.TargetTolerance)
            {
                _options.Log?.Invoke(Invariant($"classical guessed parties: P_g {check.GuessingProbability:F9} > the proven bound {target:F9}; refused"));
                continue;
            }
            return (attack, check with { ProvenMaxDeviation = ExactDeviation.UpperBound(attack, data, cancellation) });
        }
        return null;
    }

    /// <summary>The classical-guess attack as the result: optimal when P_g = 1 or it meets the target.</summary>
    private SeesawResult Classical(SeesawAttack attack, AttackCheck check, Tally tally, Stopwatch clock)
    {
        string proven = check.ProvenMaxDeviation is { } p
            ? Invariant($" (proven ≤ {ExactDeviation.RoundedUp(p)} in exact arithmetic)")
            : " (too large for the exact check)";
        string dims = string.Join(" × ", attack.PartyDimensions);
        double pg = check.GuessingProbability;
        bool optimal = pg >= 1 - AcceptanceSlack || MeetsTarget(pg);
        string verdict = pg >= 1 - AcceptanceSlack ? "P_g = 1, the largest possible: optimal"
            : optimal ? Invariant($"meets the proven bound P_g ≤ {_options.Target:F6}: optimal")
            : "the best attack found";
        return new SeesawResult
        {
            Status = optimal ? SeesawStatus.Optimal : SeesawStatus.Converged, Attack = attack, Check = check, Starts = [],
            Statistics = tally.Finish(clock),
            Message = Invariant($"guessed parties classical, mixed with the other party's true device (untrusted dimensions {dims}): {verdict}; attack reproduces the data to {check.MaxDeviation:E2}{proven}"),
        };
    }

    /// <summary>The starts of the unsplit seesaw (seesaw.md "Starts"), or null with the reason none is feasible.</summary>
    private (List<(string Label, BlockAttack Attack)>? Starts, string Reason) UsualStarts(Assemblage data, GuessTarget guess,
        QuantumRealisation realisation, ObservedData observed, CancellationToken cancellation)
    {
        var dimensions = _options.DimensionsFor(data.PartyCount);
        for (int j = 0; j < dimensions.Length; j++)
            if (dimensions[j] < realisation.PartyDimensions[j])
                return (null, $"party {j} has dimension {dimensions[j]} in the seesaw, but the realisation needs {realisation.PartyDimensions[j]}; no feasible start");
        var blocks = _options.BlocksFor(dimensions, realisation.PartyDimensions);
        var embedded = ("embedded realisation", StartingPoints.Embedded(realisation, blocks, guess));
        double startDeviation = observed.MaxDeviation(embedded.Item2.Assemblage());
        if (startDeviation > _options.FeasibilityTolerance)
            return (null, Invariant($"the given realisation does not reproduce the data (max deviation {startDeviation:E2} > {_options.FeasibilityTolerance:E1}); no feasible start"));
        // With a target, the pinned copies go first: they usually reach the optimum in their first state SDP, and
        // then nothing else runs. Without one, the embedded realisation keeps its place as the first start.
        var starts = new List<(string Label, BlockAttack Attack)>();
        if (_options.Target is null) starts.Add(embedded);
        // A product state lets Eve hold a classical copy of the guessed outcomes (P_g = 1 at once): cheap, so tried early.
        if (ClassicalCopyStart.TryBuild(realisation, blocks, guess) is { } copy) starts.Add(("classical copy of the guessed outcomes", copy));
        for (int side = 0; _options.OneSidedDecomposition && side < guess.Parties.Count; side++)
            if (OneSidedDecompositionStart.TryBuild(realisation, blocks, guess, side, _solver, _options.Sdp, cancellation) is { } decomposed)
            {
                double deviation = observed.MaxDeviation(decomposed.Assemblage());
                var label = $"one-sided decomposition of party {guess.Parties[side]}";
                _options.Log?.Invoke(Invariant($"{label}: P_g {decomposed.GuessingProbability:F9}, deviation {deviation:E2}"));
                if (deviation <= _options.FeasibilityTolerance) starts.Add((label, decomposed));
            }
        starts.AddRange(StartingPoints.PinnedCopies(realisation, blocks, guess));
        if (_options.Target is not null) starts.Add(embedded);
        for (int s = 1; s <= _options.RandomStarts; s++)
            starts.Add(($"random start {s}", StartingPoints.Random(realisation, blocks, guess, new Random(_options.Seed * 7919 + s))));

        return (starts, "");
    }

    /// <summary>
    /// The split starts (Internal/JointSplitStart): the guessed parties decomposed in every order (for two, Bob first and
    /// Charlie first), each kept when it reproduces the data to the feasibility tolerance.
    /// </summary>
    private (List<(string Label, BlockAttack Attack)> Starts, string Reason) SplitStarts(QuantumRealisation realisation, GuessTarget guess,
        ObservedData observed, int blockSize, CancellationToken cancellation)
    {
        var starts = new List<(string, BlockAttack)>();
        var reasons = new List<string>();
        var sides = Enumerable.Range(0, guess.Parties.Count).ToArray();
        foreach (var order in sides.Length == 1 ? [sides] : new[] { sides, sides.Reverse().ToArray() })
        {
            var (attack, reason) = JointSplitStart.TryBuild(realisation, guess, order, blockSize, _solver, _options.Sdp, cancellation);
            var label = "split over the guesses of " + string.Join(" then ", order.Select(side => $"party {guess.Parties[side]}"));
            if (attack is null) { reasons.Add($"{label}: {reason}"); continue; }
            double deviation = observed.MaxDeviation(attack.Assemblage());
            _options.Log?.Invoke(Invariant($"{label}: P_g {attack.GuessingProbability:F9}, deviation {deviation:E2}"));
            if (deviation <= _options.FeasibilityTolerance) starts.Add((label, attack));
            else reasons.Add(Invariant($"{label}: deviation {deviation:E2} > {_options.FeasibilityTolerance:E1}"));
        }
        return (starts, string.Join("; ", reasons));
    }

    /// <summary>Whether P_g reaches the proven upper bound <see cref="SeesawOptions.Target"/> within its tolerance.</summary>
    private bool MeetsTarget(double guessingProbability) =>
        _options.Target is { } target && guessingProbability >= target - _options.TargetTolerance;

    /// <summary>
    /// Alternates the step SDPs from one feasible start; returns the best verified iterate. A step reads every part
    /// of the attack but its own (the state step: all POVMs; party j's step: the sub-states and the other parties'
    /// POVMs), so when none of those has changed since it was last solved it would solve the same SDP again and is
    /// skipped; a round with nothing left to solve, or one that gains less than the tolerance, ends the start.
    /// </summary>
    private (BlockAttack Best, SeesawStartReport Report) Climb(string label, BlockAttack start, ObservedData observed,
        Tally tally, CancellationToken cancellation)
    {
        var current = start;
        double value = start.GuessingProbability, initial = value;
        int rounds = 0, rejected = 0;
        bool converged = false;
        // Part 0: the sub-states; part j + 1: party j's POVMs. Stamps count the accepted changes.
        int parts = observed.PartyCount + 1, stamp = 0;
        var changedAt = new int[parts];
        var solvedAt = Enumerable.Repeat(-1, parts).ToArray();
        if (MeetsTarget(value)) return (current, new SeesawStartReport(label, initial, value, 0, true, 0));
        bool Stale(int step) => Enumerable.Range(0, parts).Where(p => p != step).Any(p => changedAt[p] > solvedAt[step]);
        while (rounds < _options.MaxRounds)
        {
            if (!Enumerable.Range(0, parts).Any(Stale)) { converged = true; break; }
            rounds++;
            double before = value;
            for (int step = 0; step < parts; step++)
            {
                cancellation.ThrowIfCancellationRequested();
                if (!Stale(step)) continue;
                solvedAt[step] = stamp;
                var problem = step == 0 ? StateStep.Build(observed, current, _options.FeasibilityTolerance) : MeasurementStep.Build(observed, current, step - 1);
                var solution = _solver.Solve(problem.Problem, _options.Sdp, cancellation);
                tally.Add(solution);
                var candidate = TryCandidate(problem, solution);
                if (candidate is null)
                {
                    rejected++;
                    _options.Log?.Invoke(Invariant($"{label} round {rounds} {problem.Name}: {solution.Status}, no usable point"));
                    continue;
                }
                double deviation = observed.MaxDeviation(candidate.Assemblage());
                double gain = candidate.GuessingProbability - value;
                bool neutral = step > 0 && current.Guess.SettingOf(step - 1) < 0;
                bool trusted = neutral ? gain >= -AcceptanceSlack : gain > InfeasibilityGainFactor * Math.Sqrt(deviation);
                bool accepted = deviation <= _options.FeasibilityTolerance && trusted;
                _options.Log?.Invoke(Invariant(
                    $"{label} round {rounds} {problem.Name}: {solution.Status}, gain {gain:E3}, deviation {deviation:E2}, {(accepted ? "taken" : "rejected")}"));
                if (accepted)
                {
                    current = candidate;
                    value = candidate.GuessingProbability;
                    changedAt[step] = ++stamp;
                    if (MeetsTarget(value)) return (current, new SeesawStartReport(label, initial, value, rounds, true, rejected));
                }
                else rejected++;
            }
            if (value - before < _options.GainTolerance) { converged = true; break; }
        }
        return (current, new SeesawStartReport(label, initial, current.GuessingProbability, rounds, converged, rejected));
    }

    /// <summary>The solver's answer as an attack, or null when it gave no usable primal point.</summary>
    private static BlockAttack? TryCandidate(StepProblem problem, SdpSolution solution)
    {
        if (solution.X.Count == 0 || solution.Status is SdpStatus.PrimalInfeasible or SdpStatus.DualInfeasible) return null;
        try { return problem.Candidate(solution); }
        catch (InvalidOperationException) { return null; }
    }

    private void Validate(Assemblage data, GuessTarget guess, QuantumRealisation realisation)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(guess);
        ArgumentNullException.ThrowIfNull(realisation);
        guess.ValidateAgainst(data.Settings);
        if (realisation.TrustedDimension != data.TrustedDimension)
            throw new ArgumentException($"The realisation's trusted dimension is {realisation.TrustedDimension}, the data's is {data.TrustedDimension}.");
        if (realisation.Povms.Count != data.PartyCount)
            throw new ArgumentException($"The realisation has {realisation.Povms.Count} untrusted parties, the data has {data.PartyCount}.");
        for (int j = 0; j < data.PartyCount; j++)
            if (realisation.Povms[j].Count != data.Settings[j] || realisation.Povms[j][0].Count != data.Outcomes[j])
                throw new ArgumentException($"Party {j}: the realisation has {realisation.Povms[j].Count} settings × {realisation.Povms[j][0].Count} outcomes, the data {data.Settings[j]} × {data.Outcomes[j]}.");
    }

    private static SeesawResult Failure(Tally tally, Stopwatch clock, string message) => new()
    {
        Status = SeesawStatus.Failed, Starts = [], Statistics = tally.Finish(clock), Message = message,
    };

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    /// <summary>Running totals of the SDPs solved.</summary>
    private sealed class Tally(string solver)
    {
        private int _count, _iterations;
        private double _seconds;

        public void Add(SdpSolution solution)
        {
            _count++;
            _iterations += solution.Iterations;
            _seconds += solution.Seconds;
        }

        public SolverStatistics Finish(Stopwatch clock) => new(solver, _count, _iterations, _seconds, clock.Elapsed.TotalSeconds);
    }
}
