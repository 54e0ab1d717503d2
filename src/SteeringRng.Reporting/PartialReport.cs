using SteeringRng.Certification.Input;

namespace SteeringRng.Reporting;

/// <summary>
/// The result of one shard of a sweep (<c>steer run --shard K/N</c>): the rows of its points, which points they are,
/// and what the run computed from, so that <c>steer merge</c> can check that its parts fit together
/// (JSON-CONTRACT.md, "Partial results").
/// </summary>
public sealed record PartialReport(RunReport Report, PartialShard Shard, PartialSource Source);

/// <param name="Index">K of K/N (1-based).</param>
/// <param name="Count">N of K/N.</param>
/// <param name="Points">The point indices this shard was given (0-based, into the whole sweep).</param>
/// <param name="TotalPoints">The number of points of the whole sweep.</param>
/// <param name="RowPoints">The point index of each row, in row order (as long as the rows).</param>
public sealed record PartialShard(int Index, int Count, IReadOnlyList<int> Points, int TotalPoints, IReadOnlyList<int> RowPoints);

/// <param name="File">The scenario file as given on the command line (for the rerun command).</param>
/// <param name="ScenarioIndex">The scenario's place in the file (1 = the first).</param>
/// <param name="ScenarioCount">How many scenarios the file holds.</param>
/// <param name="Scenarios">The scenarios the sharded run covered (file places; all, or the one of --scenario).</param>
/// <param name="Arguments">The run options that decide the rows (--set, --bounds, --solver, --no-symmetry), as given.</param>
/// <param name="Settings">Those options that are not content (solver, bounds, symmetry), as one comparable text.</param>
public sealed record PartialSource(
    string File, int ScenarioIndex, int ScenarioCount, IReadOnlyList<int> Scenarios, ScenarioFingerprint Fingerprint,
    IReadOnlyList<string> Arguments, string Settings);
