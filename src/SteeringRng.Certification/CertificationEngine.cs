using SteeringRng.Certification.Bounds;
using SteeringRng.Certification.Input;
using SteeringRng.Certification.Jobs;
using SteeringRng.Certification.Results;
using SteeringRng.Certification.Run;
using SteeringRng.Certification.Seesaw;
using SteeringRng.Certification.Thresholds;
using SteeringRng.Quantum;
using SteeringRng.Sdp;
using Checked = SteeringRng.Scenario.Checked;

namespace SteeringRng.Certification;

/// <summary>
/// The public entry point of the engine, for the CLI, scripts and C#/F# programs alike (docs/architecture.md):
/// a scenario file in, result rows out; or, for data without a scenario file, an assemblage and a guess in.
/// </summary>
public static class CertificationEngine
{
    /// <summary>Reads and checks a scenario file; the diagnostics are in the result (render them with <c>RenderDiagnostics</c>).</summary>
    /// <exception cref="ScenarioInputException">The file cannot be read, or an override names no parameter.</exception>
    /// <param name="repair">Repair measured data that are not a valid assemblage (as the scenario statement <c>repair = nearest</c>).</param>
    public static ScenarioFile.Loaded Load(string path, IReadOnlyList<ParamOverride>? overrides = null, bool repair = false) =>
        ScenarioFile.Load(path, overrides, repair);

    /// <summary>Every checked scenario of a file, planned (see <see cref="ScenarioRun.Execute"/>).</summary>
    /// <exception cref="ScenarioInputException">The file has errors (the message holds the rendered diagnostics).</exception>
    public static IReadOnlyList<ScenarioRun> Plan(ScenarioFile.Loaded loaded, RunSettings? settings = null)
    {
        if (!loaded.Result.Succeeded)
            throw new ScenarioInputException(loaded.Result.HasErrors ? loaded.Result.RenderDiagnostics() : $"{loaded.Path}: the file holds no scenario.");
        return loaded.Result.Scenarios.Select(s => ScenarioRun.Plan(s, settings)).ToArray();
    }

    /// <summary>
    /// The thresholds of one checked scenario in one parameter (docs/formulations/thresholds.md): for every requested
    /// bound and objective, a bracket [lo, hi] of the requested width around the smallest value with randomness
    /// (P_g ≤ 1 − tol) or steering (v* &lt; 1 − tol), with the evidence at both ends and the method used.
    /// </summary>
    /// <exception cref="ScenarioInputException">The request does not fit the scenario (unknown or unswept parameter,
    /// width ≤ 0, a bound or objective it does not have).</exception>
    public static ThresholdReport Thresholds(Checked.Scenario scenario, ThresholdRequest request, ISdpSolver solver,
        RunSettings? settings = null, CancellationToken cancellation = default) =>
        ThresholdSearch.Plan(scenario, request, settings).Execute(solver, cancellation);

    /// <summary>
    /// The bounds on Eve's guess of <paramref name="guess"/> for given data (one point): the relaxations and, with a
    /// realisation of the data, the seesaw, in the order given, then the ordering check. The steering test is not a
    /// guess bound (use a scenario).
    /// </summary>
    public static IReadOnlyList<ResultRow> Certify(Assemblage data, GuessTarget guess, IReadOnlyList<BoundSpec> bounds, ISdpSolver solver,
        QuantumRealisation? realisation = null, RunSettings? settings = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        guess.ValidateAgainst(data.Settings);
        settings ??= RunSettings.Default;
        var jobs = bounds.Select(b => GuessJobs.For("guess", guess, data.PartyCount, b, settings.Symmetry)).ToArray();
        return new SweepRunner(solver, settings.Sdp).RunPoint(PointInput.Of(data, realisation: realisation), jobs, cancellation);
    }
}
