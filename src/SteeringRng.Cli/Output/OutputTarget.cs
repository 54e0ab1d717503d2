using SteeringRng.Reporting;
using Checked = SteeringRng.Scenario.Checked;

namespace SteeringRng.Cli.Output;

/// <summary>
/// One output a run will write, known before anything is computed so that every output can be checked first
/// (<see cref="OutputCheck"/>). <see cref="Origin"/> says who asked for it, for messages ("--json", "the scenario's
/// table \"r.csv\"").
/// </summary>
public abstract record OutputTarget(string Origin, string Path)
{
    /// <summary>A table of rows, JSON or CSV (null: by extension).</summary>
    public sealed record Table(string Origin, string Path, Checked.TableFormat? Format) : OutputTarget(Origin, Path);

    /// <summary>An H_min plot over a swept parameter (null: the first one swept); one objective's only in the separate layout.</summary>
    public sealed record Plot(string Origin, string Path, string? Over, string? Objective = null) : OutputTarget(Origin, Path);

    /// <summary>
    /// The plot files one figure request writes: the path itself, or in the separate layout one file per objective
    /// ("fig.svg" → "fig-joint.svg", "fig-B.svg"), each checked before the run like any other output.
    /// </summary>
    public static IEnumerable<Plot> Plots(string origin, string path, string? over, PlotOptions style, IEnumerable<string> objectives) =>
        style.Layout == PlotLayout.Separate
            ? objectives.Distinct().Select(o => new Plot(origin, HminPlot.SeparatePath(path, o), over, o))
            : [new Plot(origin, path, over)];

    /// <summary>A data file (an exported assemblage, .npy or .json).</summary>
    public sealed record DataFile(string Origin, string Path) : OutputTarget(Origin, Path);

    /// <summary>A folder of SDPA files.</summary>
    public sealed record SdpaFolder(string Origin, string Path) : OutputTarget(Origin, Path);
}
