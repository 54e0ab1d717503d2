using SteeringRng.Certification.Jobs;

namespace SteeringRng.Certification.Estimates;

/// <summary>
/// Sizes the program cannot represent at all, whatever the memory: a .NET array holds at most
/// <see cref="Array.MaxLength"/> elements. The moment matrix's word
/// layout keeps its n(n+1)/2 upper-triangle entries in one array (n = |S|: four qubit parties with X, Y, Z at NPA level 7
/// have n = 73 696, 2.7·10⁹ entries). Only exact sizes are judged (n is exact; the variable and nonzero counts are
/// estimates, and a problem that large is refused for its memory anyway). Unlike the memory refusal
/// (<see cref="MemoryBudget"/>), --force cannot override this: the build would end in an overflow, not a result.
/// </summary>
public static class Representability
{
    /// <summary>The refusal for the first job whose relaxation cannot be represented, or null when every one can.</summary>
    public static string? Refusal(IEnumerable<BoundJob> jobs)
    {
        foreach (var job in jobs)
        {
            if (job.Estimate is not { } e) continue;
            var reason = ReasonOf(e);
            if (reason is null) continue;
            return $"objective '{job.Objective}', bound '{job.Bound}': the relaxation cannot be represented ({reason}; {e.Describe()}). " +
                   "Lower the NPA level (e.g. level 1 plus chosen products such as \"1+BC\"), or the number of settings, parties or " +
                   "guessed parties. --force does not help: these are limits of the program, not of the machine.";
        }
        return null;
    }

    /// <summary>What is too large, or null.</summary>
    public static string? ReasonOf(RelaxationEstimate e)
    {
        var n = e.GeneratingSetSize;
        var entries = n * (n + 1) / 2; // exact in a double up to 2^53
        if (entries > Array.MaxLength)
            return FormattableString.Invariant(
                $"its moment matrix of {n:0} words has {entries:0} upper-triangle entries, more than one array holds ({Array.MaxLength})");
        return null;
    }
}
