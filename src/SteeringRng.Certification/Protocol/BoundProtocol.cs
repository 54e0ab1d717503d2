using SteeringRng.Certification.Bounds;
using SteeringRng.Certification.Data;
using SteeringRng.Certification.Input;
using SteeringRng.Certification.Run;
using Checked = SteeringRng.Scenario.Checked;

namespace SteeringRng.Certification.Protocol;

/// <summary>A test statistic resolved against the scenario: the setting index of every node, in declaration order.</summary>
public sealed record ResolvedStatistic(TestStatistic Statistic, int[] Settings);

/// <summary>
/// A declared protocol bound to its scenario: the scenario loaded and checked (one scenario, one point: the model the
/// protocol expects), the guessed objective, the statistics resolved to setting tuples, the raw bits per round
/// (⌈log2 d_O⌉, every round's recorded outcomes), and the canonical form with its hash.
/// </summary>
public sealed class BoundProtocol
{
    private BoundProtocol(DeclaredProtocol declared, ScenarioFile.Loaded loaded, ScenarioRun run, Checked.Objective objective,
        IReadOnlyList<ResolvedStatistic> statistics, int outcomesPerRound, string scenarioSha256)
    {
        ExpectedProbabilities = run.Model.MeasuredData!.Layout!.Form.Observe(run.Model.AssemblageAt(0));
        Spec = declared.Bound switch
        {
            "ns" => new BoundSpec.NoSignalling(),
            "global" => new BoundSpec.Global(),
            var npa => new BoundSpec.Npa(int.Parse(npa[4..], System.Globalization.CultureInfo.InvariantCulture), []),
        };
        Guess = run.Model.GuessOf(((Checked.ObjectiveKind.Guess)objective.Kind).targets);
        Declared = declared;
        Loaded = loaded;
        Run = run;
        Objective = objective;
        Statistics = statistics;
        OutcomesPerRound = outcomesPerRound;
        BitsPerRound = outcomesPerRound <= 1 ? 0 : System.Numerics.BitOperations.Log2((ulong)(outcomesPerRound - 1)) + 1;
        ScenarioSha256 = scenarioSha256;
        Canonical = ProtocolCommitment.Canonical(declared, scenarioSha256);
        Hash = ProtocolCommitment.Hash(Canonical);
    }

    public DeclaredProtocol Declared { get; }
    public ScenarioFile.Loaded Loaded { get; }
    public ScenarioRun Run { get; }
    public Checked.Objective Objective { get; }
    public IReadOnlyList<ResolvedStatistic> Statistics { get; }

    /// <summary>
    /// d_O: the values one round's output register A_i takes — the most outcome tuples of any test setting tuple (every
    /// node's outcome, the trusted node's included) or the guessed outcomes of a generation round, whichever is larger
    /// (the EAT's d_O, finite-size.md §5.2; <see cref="FiniteSize.TestStatistics.OutcomesPerRound"/>).
    /// </summary>
    public int OutcomesPerRound { get; }

    /// <summary>⌈log2 d_O⌉: the raw bits one round writes (finite-protocol.md §2: every round, test and generation).</summary>
    public int BitsPerRound { get; }

    public string ScenarioSha256 { get; }
    public string Canonical { get; }
    public string Hash { get; }
    /// <summary>The model's p(o | s) at its point, in the layout's row order: the expected statistics of the acceptance box.</summary>
    public double[] ExpectedProbabilities { get; }

    /// <summary>The relaxation the analyses read their dual from.</summary>
    public BoundSpec Spec { get; }

    /// <summary>Whose outcomes the generation rounds produce (the guessed objective).</summary>
    public Seesaw.GuessTarget Guess { get; }

    public ProbabilityLayout Layout => Run.Model.MeasuredData!.Layout!;

    /// <exception cref="ScenarioInputException">The scenario has errors or does not fit the protocol (located).</exception>
    public static BoundProtocol Bind(DeclaredProtocol p)
    {
        var file = p.File;
        if (!File.Exists(p.ScenarioPath))
            throw ProtocolDiagnostics.In(file, ProtocolDiagnostics.BadValue, $"scenario '{p.Scenario}' not found (looked for {p.ScenarioPath}).");
        var loaded = CertificationEngine.Load(p.ScenarioPath);
        var runs = CertificationEngine.Plan(loaded);
        if (runs.Count != 1 || runs[0].Points.Count != 1)
            throw ProtocolDiagnostics.In(file, ProtocolDiagnostics.BadValue,
                $"scenario '{p.Scenario}' must hold one scenario at one point (the model the protocol expects); it has {runs.Count} scenario(s), the first with {runs[0].Points.Count} point(s).");
        var run = runs[0];
        var scenario = run.Model.Scenario;
        if (run.Model.MeasuredData?.Layout is null)
            throw ProtocolDiagnostics.In(file, ProtocolDiagnostics.BadValue,
                $"scenario '{p.Scenario}' must certify from the trusted node's statistics (a 'measure' line for the trusted node and 'data = probabilities'), which the test rounds estimate.");
        var objective = scenario.Objectives.FirstOrDefault(o => o.Name == p.Objective)
            ?? throw ProtocolDiagnostics.In(file, ProtocolDiagnostics.BadValue,
                $"objective '{p.Objective}' is not in scenario '{p.Scenario}'; its objectives are {string.Join(", ", scenario.Objectives.Select(o => o.Name))}.");
        if (objective.Kind is not Checked.ObjectiveKind.Guess guess)
            throw ProtocolDiagnostics.In(file, ProtocolDiagnostics.BadValue, $"objective '{p.Objective}' is not a guess objective; the generation rounds record the guessed outcomes.");
        var guessed = guess.targets.Aggregate(1L, (d, t) => d * scenario.Nodes[t.Node].Settings[t.Setting].Outcomes);
        var tested = run.Model.MeasuredData.Layout.Events().GroupBy(e => string.Join(",", e.Settings)).Max(g => (long)g.Count());
        var outcomes = Math.Max(guessed, tested);
        if (outcomes > int.MaxValue)
            throw ProtocolDiagnostics.In(file, ProtocolDiagnostics.BadValue, $"a round records d_O = {outcomes} outcome values; at most {int.MaxValue} are supported.");
        var statistics = p.Statistics.Select(s => Resolve(file, scenario, s)).ToList();
        return new BoundProtocol(p, loaded, run, objective, statistics, (int)outcomes, ScenarioFingerprint.Of(loaded, []).Sha256);
    }

    private static ResolvedStatistic Resolve(string file, Checked.Scenario scenario, TestStatistic s)
    {
        var nodes = scenario.Nodes;
        var names = string.Join(" ", nodes.Select(n => $"{n.Name}.{n.Settings.FirstOrDefault()?.Label ?? "?"}"));
        if (s.Factors.Count != nodes.Length)
            throw ProtocolDiagnostics.In(file, ProtocolDiagnostics.BadStatistic,
                $"statistic '{s.Name}' names {s.Factors.Count} factor(s); a test statistic is a full correlator with one setting of every node in declaration order, e.g. '{names}'.");
        var settings = new int[nodes.Length];
        for (var k = 0; k < nodes.Length; k++)
        {
            var f = s.Factors[k];
            var node = nodes[k];
            if (f.Node != node.Name)
                throw ProtocolDiagnostics.In(file, ProtocolDiagnostics.BadStatistic,
                    $"statistic '{s.Name}': factor {k + 1} is '{f}', but factor {k + 1} must be a setting of '{node.Name}' (one per node in declaration order: {string.Join(", ", nodes.Select(n => n.Name))}).");
            var setting = node.Settings.FirstOrDefault(x => x.Label == f.Setting)
                ?? throw ProtocolDiagnostics.In(file, ProtocolDiagnostics.BadStatistic,
                    $"statistic '{s.Name}': '{node.Name}' has no setting '{f.Setting}'; its settings are {string.Join(", ", node.Settings.Select(x => x.Label))}.");
            if (setting.Outcomes != 2)
                throw ProtocolDiagnostics.In(file, ProtocolDiagnostics.BadStatistic,
                    $"statistic '{s.Name}': {f} has {setting.Outcomes} outcomes; a correlator needs two-outcome (±1) settings.");
            settings[k] = setting.Index;
        }
        return new ResolvedStatistic(s, settings);
    }
}
