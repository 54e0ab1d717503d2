using System.Text.RegularExpressions;

namespace SteeringRng.Peers;

/// <summary>
/// DSDP5's verdict, read from its log (its exit code is 0 whatever happened). DSDP names the problems the other
/// way round: its "dual" is the SDPA problem min bᵀy, our (D), and its "primal" is our (P). So
/// "Dual Unbounded, Primal Infeasible" is our PrimalInfeasible and "Primal Unbounded, Dual Infeasible" our
/// DualInfeasible (checked on the fixtures primal-infeasible.dat-s and dual-infeasible.dat-s).
/// </summary>
public static partial class DsdpLog
{
    public static PeerVerdict Interpret(int exitCode, string stdout)
    {
        var iterations = LastIteration(stdout);
        if (exitCode != 0)
            return new PeerVerdict(PeerClaim.Failed, $"dsdp5: exited with code {exitCode}", iterations);
        (PeerClaim, string) verdict =
            stdout.Contains("Dual Unbounded, Primal Infeasible") ? (PeerClaim.PrimalInfeasible, "dsdp5: the problem is primal infeasible")
            : stdout.Contains("Primal Unbounded, Dual Infeasible") ? (PeerClaim.DualInfeasible, "dsdp5: the problem is dual infeasible")
            : stdout.Contains("DSDP Converged") ? (PeerClaim.Solved, "dsdp5: converged")
            : stdout.Contains("Maximum Number of Iterations") ? (PeerClaim.IterationLimit, "dsdp5: maximum number of iterations reached")
            : stdout.Contains("DSDP Terminated") ? (PeerClaim.Failed, "dsdp5: " + TerminationLine(stdout))
            : (PeerClaim.Failed, "dsdp5: no verdict in its output");
        return new PeerVerdict(verdict.Item1, verdict.Item2, iterations);
    }

    /// <summary>
    /// The last iteration number of DSDP's table (printed with -print 1): rows of nine fields
    /// "k  pobj  dobj  pinf  dinf  nu  stepP  stepD  pnrm" with k an integer.
    /// </summary>
    public static int LastIteration(string stdout)
    {
        var last = 0;
        foreach (Match match in IterationRow().Matches(stdout)) last = int.Parse(match.Groups[1].Value);
        return last;
    }

    private static string TerminationLine(string stdout) =>
        stdout.Split('\n').Select(l => l.Trim()).First(l => l.StartsWith("DSDP Terminated", StringComparison.Ordinal));

    [GeneratedRegex(@"^\s*(\d+)(\s+[-+0-9.eE]+){8}\s*$", RegexOptions.Multiline)]
    private static partial Regex IterationRow();
}
