using SteeringRng.Certification.Jobs;

namespace SteeringRng.Certification.Estimates;

/// <summary>
/// Whether a run's relaxations fit in memory, judged from their estimates before anything is built: a relaxation that
/// would not fit is refused with a plain message (which objective and bound, the estimate, the limit, what to reduce)
/// instead of running for minutes and ending out of memory.
/// </summary>
public static class MemoryBudget
{
    /// <summary>The memory this process may use: the GC's view of the machine (or container) limit.</summary>
    public static double Available => GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;

    /// <summary>
    /// A job's memory when <paramref name="concurrentSolves"/> sweep points solve at once: its relaxation is built once
    /// and shared, each concurrent solve holds its own Schur complement and block matrices.
    /// </summary>
    public static double Needed(RelaxationEstimate estimate, int concurrentSolves) =>
        estimate.BuildBytes + Math.Max(1, concurrentSolves) * estimate.SolverBytes;

    /// <summary>The refusal message for the first job over the limit, or null when every estimate fits.</summary>
    /// <param name="reduced">A job's estimate with the data's symmetry (<see cref="SymmetricEstimate"/>), asked only when the
    /// full problem's does not fit (it costs a symmetry search); when it fits, it becomes the job's estimate.</param>
    public static string? Refusal(IEnumerable<BoundJob> jobs, double limit, int concurrentSolves, string limitSource,
        Func<BoundJob, RelaxationEstimate?>? reduced = null)
    {
        foreach (var job in jobs)
        {
            if (job.Estimate is not { } e) continue;
            var needed = Needed(e, concurrentSolves);
            if (needed <= limit) continue;
            if (reduced?.Invoke(job) is { } smaller && Needed(smaller, concurrentSolves) <= limit)
            {
                job.Estimate = smaller;
                continue;
            }
            var perPoint = concurrentSolves > 1 ? $" with {concurrentSolves} points solved at once" : "";
            return string.Concat(
                $"objective '{job.Objective}', bound '{job.Bound}': the relaxation needs an estimated {RelaxationEstimate.Bytes(needed)}{perPoint} " +
                $"({e.Describe()}), over the memory limit of {RelaxationEstimate.Bytes(limit)} ({limitSource}). ",
                "Reduce the NPA level (e.g. a lower level, or level 1 plus chosen products such as \"1+BC\"), the number of settings, " +
                "parties or guessed parties, or --parallel; the estimate is for the full problem (symmetry reduction, on unless " +
                "--no-symmetry, can make it smaller). Use --force to run anyway, or --memory-limit to set the limit.");
        }
        return null;
    }
}
