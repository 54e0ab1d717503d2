using System.Text;
using SteeringRng.Certification.Run;

namespace SteeringRng.Certification.Estimates;

/// <summary>The estimates of a planned run as text, one line per objective × bound (for <c>steer check --estimate</c> and <c>steer show</c>).</summary>
public static class EstimateReport
{
    public static string Describe(ScenarioRun run)
    {
        var (limit, source) = run.Settings.MemoryLimit is { } set ? (set, "--memory-limit") : (MemoryBudget.Available, "available memory");
        var concurrent = Math.Min(run.Settings.Parallelism, run.Points.Count);
        var text = new StringBuilder();
        text.AppendLine($"Size estimates (before building; variables are an upper bound for the full problem, memory = build + {concurrent} concurrent solve(s); limit {RelaxationEstimate.Bytes(limit)}, {source}):");
        foreach (var job in run.Jobs)
        {
            if (job.Estimate is not { } e)
            {
                text.AppendLine($"  {job.Objective} / {job.Bound}: no estimate (no single SDP of predictable size)");
                continue;
            }
            var needed = MemoryBudget.Needed(e, concurrent);
            var verdict = Representability.ReasonOf(e) is { } reason
                ? $"CANNOT BE REPRESENTED ({reason}): 'steer run' refuses it, --force or not"
                : needed > limit ? "OVER THE LIMIT: 'steer run' refuses it (--force to run anyway)" : "fits";
            text.AppendLine($"  {job.Objective} / {job.Bound}: {e.What}; {e.Describe()}; needs ~{RelaxationEstimate.Bytes(needed)}: {verdict}");
        }
        return text.ToString().TrimEnd();
    }
}
