using System.Globalization;
using System.Text;
using SteeringRng.Certification.Jobs;
using SteeringRng.Certification.Run;
using SteeringRng.Cli.Commands;
using SteeringRng.Sdp.Sdpa;

namespace SteeringRng.Cli.Output;

/// <summary>
/// Writes one SDPA file (.dat-s) per relaxation the engine plans (objective × bound × sweep point), named readably
/// ("joint_ns_mu=0.75.dat-s"), each starting with comment lines (<see cref="SdpaHeader"/>) that name the scenario,
/// objective, bound and parameters, the offset and sign that give the value from the optimum, and what it means, so
/// that it can be solved by any SDPA-reading solver and traced back.
/// </summary>
public static class SdpaExport
{
    public sealed record Skipped(string Objective, string Bound, string Reason);

    /// <returns>The files written.</returns>
    public static IReadOnlyList<string> Write(ScenarioRun run, string folder, string source, ICollection<Skipped>? skipped = null)
    {
        try { Directory.CreateDirectory(folder); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"cannot create the folder '{folder}': {e.Message}");
        }
        var written = new List<string>();
        var reported = new HashSet<(string, string)>();
        foreach (var (job, point, problem, meaning) in run.Problems())
        {
            if (problem is null)
            {
                if (reported.Add((job.Objective, job.Bound))) skipped?.Add(new Skipped(job.Objective, job.Bound, meaning));
                continue;
            }
            var path = Path.Combine(folder, FileName(job, point));
            var comments = SdpaHeader.Lines(run, source, job, point, meaning);
            try { AtomicFile.Write(path, temporary => SdpaWriter.WriteFile(problem, temporary, comments)); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new InputException($"cannot write '{path}': {e.Message}");
            }
            written.Add(path);
        }
        return written;
    }

    /// <summary>"joint_npa-1+BC_mu=0.75.dat-s": objective, bound, parameters; characters unsafe in file names become '-'.</summary>
    public static string FileName(BoundJob job, PointInput point)
    {
        var parts = new List<string> { job.Objective, job.Bound };
        parts.AddRange(point.Parameters.Select(p => p.Key + "=" + p.Value.ToString("R", CultureInfo.InvariantCulture)));
        return Safe(string.Join("_", parts)) + ".dat-s";
    }

    private static string Safe(string text)
    {
        var invalid = Path.GetInvalidFileNameChars();
        var sb = new StringBuilder();
        foreach (var c in text) sb.Append(char.IsWhiteSpace(c) || invalid.Contains(c) || c is '"' or '*' or '?' or ':' or '\\' or '/' or '|' or '<' or '>' ? '-' : c);
        return sb.ToString();
    }
}
