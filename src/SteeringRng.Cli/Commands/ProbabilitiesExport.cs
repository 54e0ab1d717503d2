using System.Globalization;
using SteeringRng.Certification.Data;
using SteeringRng.Certification.Input;
using SteeringRng.Certification.Run;
using SteeringRng.Cli.Output;
using Checked = SteeringRng.Scenario.Checked;

namespace SteeringRng.Cli.Commands;

/// <summary>
/// <c>steer export FILE --probabilities OUT.csv</c>: the trusted node's statistics p(a b c | x y z) a scenario certifies
/// from, at its one sweep point (chosen as for <c>--assemblage</c>), as the tidy CSV <c>probabilities = file(...)</c>
/// reads (docs/formulations/measured-probabilities.md), so that model → file → certification can be checked to give the
/// same bounds. With <c>--counts N</c>, N seeded multinomial draws per setting tuple (<see cref="CountSimulation"/>)
/// instead: realistic, slightly signalling data for trying the repair.
/// </summary>
public static class ProbabilitiesExport
{
    /// <summary>Round-off a computed probability may carry (Tr[M σ] of exact data); larger excursions are refused.</summary>
    private const double RoundOff = 1e-9;

    /// <exception cref="UsageException">Several scenarios or several sweep points.</exception>
    /// <exception cref="ScenarioInputException">The scenario has no trusted measurements, or its data are not probabilities a CSV can hold.</exception>
    /// <exception cref="InputException">The output would overwrite an input or cannot be written.</exception>
    public static int Write(ScenarioFile.Loaded loaded, IReadOnlyList<Checked.Scenario> scenarios, string path, string file,
        long? counts, ulong seed, TextWriter stdout)
    {
        var (scenario, run) = SinglePointExport.Plan(scenarios, file, "--probabilities");
        // The layout exists exactly when the scenario certifies from the trusted node's statistics: the checker allows a
        // trusted measure line only then (SR1133), so without one there is nothing the trusted node measures to export.
        var layout = run.Model.MeasuredData?.Layout ?? throw new ScenarioInputException(NoMeasurements(scenario));
        OutputCheck.Check([new OutputTarget.DataFile("--probabilities", path)], loaded.Inputs);
        var probabilities = Clean(layout, layout.Form.Observe(run.Points[0].Assemblage));
        var values = counts is { } n ? CountSimulation.Sample(layout, probabilities, n, seed) : probabilities;
        var text = ProbabilitiesCsv.Write(layout, values, counts: counts is not null);
        AtomicFile.Write(path, temporary => File.WriteAllText(temporary, text));
        var what = counts is { } m
            ? string.Create(CultureInfo.InvariantCulture, $"{m} simulated events per setting tuple (seed {seed})")
            : "the probabilities";
        stdout.WriteLine($"{scenario.Title}: wrote {what} ({layout.Rows} rows) to {path}");
        return ExitCodes.Optimal;
    }

    private static string NoMeasurements(Checked.Scenario scenario)
    {
        var trusted = scenario.Nodes.Where(n => n.Role.IsTrusted).Select(n => n.Name).ToArray();
        var name = trusted.FirstOrDefault() ?? "Alice";
        var because = scenario.Data.Source is Checked.DataSource.SteeringInequality
            ? "it certifies from one inequality value"
            : $"the trusted node '{name}' has no measure line";
        return $"{scenario.Range}: scenario '{scenario.Title}': --probabilities writes what the trusted node measures, but {because}; " +
               $"add e.g. 'measure {name}: X Z' and 'data = probabilities' (or export the assemblage with --assemblage).";
    }

    /// <summary>
    /// Computed probabilities carry round-off (−1e-17, 1 + 2e-16) that the reader, which takes [0, 1], would refuse:
    /// clipped. A value further out is not round-off (repaired file data need not be positive) and is refused, naming it.
    /// </summary>
    private static double[] Clean(ProbabilityLayout layout, IReadOnlyList<double> p)
    {
        var clean = new double[p.Count];
        foreach (var (settings, outcomes, row) in layout.Events())
        {
            var v = p[row];
            if (!double.IsFinite(v) || v < -RoundOff || v > 1 + RoundOff)
                throw new ScenarioInputException(string.Create(CultureInfo.InvariantCulture,
                    $"--probabilities: p = {v:R} for the event {layout.DescribeEvent(settings, outcomes)} is not a probability (the data as used, e.g. after a repair, are not positive); nothing was written."));
            clean[row] = Math.Clamp(v, 0, 1);
        }
        return clean;
    }
}
