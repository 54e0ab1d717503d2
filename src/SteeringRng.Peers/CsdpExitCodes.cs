using System.Text.RegularExpressions;

namespace SteeringRng.Peers;

/// <summary>
/// CSDP's exit codes (CSDP user's guide, "return codes") and its log. 0 success; 1 primal infeasible;
/// 2 dual infeasible; 3 partial success (full accuracy not reached, but within a factor 1000 of the tolerances);
/// 4 maximum iterations; 5 stuck at the edge of primal feasibility; 6 stuck at the edge of dual feasibility;
/// 7 lack of progress; 8 X, Z or O singular; 9 NaN or Inf detected; 10 stopped by a signal. Other codes mean
/// CSDP could not read its input or crashed.
/// </summary>
public static partial class CsdpExitCodes
{
    public static PeerVerdict Interpret(int exitCode, string stdout)
    {
        var iterations = LastIteration(stdout);
        var (claim, message) = exitCode switch
        {
            0 => (PeerClaim.Solved, "csdp: success, SDP solved"),
            1 => (PeerClaim.PrimalInfeasible, "csdp: the problem is primal infeasible"),
            2 => (PeerClaim.DualInfeasible, "csdp: the problem is dual infeasible"),
            3 => (PeerClaim.Solved, "csdp: partial success, full accuracy was not reached"),
            4 => (PeerClaim.IterationLimit, "csdp: maximum number of iterations reached"),
            5 => (PeerClaim.Failed, "csdp: stuck at the edge of primal feasibility (exit 5)"),
            6 => (PeerClaim.Failed, "csdp: stuck at the edge of dual feasibility (exit 6)"),
            7 => (PeerClaim.Failed, "csdp: lack of progress (exit 7)"),
            8 => (PeerClaim.Failed, "csdp: X, Z or O was singular (exit 8)"),
            9 => (PeerClaim.Failed, "csdp: detected NaN or Inf values (exit 9)"),
            10 => (PeerClaim.Failed, "csdp: stopped by a signal (exit 10)"),
            _ => (PeerClaim.Failed, $"csdp: exited with code {exitCode}: {LastLine(stdout)}"),
        };
        return new PeerVerdict(claim, message, iterations);
    }

    /// <summary>The number of the last "Iter: N" line of CSDP's log (0 when there is none).</summary>
    public static int LastIteration(string stdout)
    {
        var last = 0;
        foreach (Match match in IterationLine().Matches(stdout)) last = int.Parse(match.Groups[1].Value);
        return last;
    }

    private static string LastLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "(no output)";

    [GeneratedRegex(@"^Iter:\s*(\d+)", RegexOptions.Multiline)]
    private static partial Regex IterationLine();
}
