using SteeringRng.Certification.Results;
using SteeringRng.Sdp;

namespace SteeringRng.Cli;

/// <summary>
/// The process exit codes of <c>steer</c>, one table for the code and the help text. Scripts may rely on them:
/// 0 and 1 are answers, 4 and 5 are definite outcomes, 2, 3 and 7 are the caller's to fix; 9 and 10 are
/// for <c>steer run</c> (some rows failed; interrupted). <c>steer check</c> exits 0 (clean) or 3 (errors).
/// <c>steer run</c> combines its rows (RunCommand.ExitCode): 10 if interrupted; else 9 if any row has a status other
/// than optimal, verified-attack, near-optimal or not-applicable; else 1 if any row is near-optimal; else 0 (<see cref="RunRowCodes"/>).
/// So one near-optimal row (e.g. "near-optimal: csdp: success, SDP solved, but not to the tolerance: DIMACS error 5 …")
/// makes the run exit 1: its value is shown but is not certified to the requested tolerance.
/// </summary>
public static class ExitCodes
{
    public const int Optimal = 0;
    public const int NearOptimal = 1;
    public const int UsageError = 2;
    public const int InputError = 3;
    public const int Infeasible = 4;
    public const int Limit = 5;
    public const int NumericalFailure = 6;
    public const int SolverUnavailable = 7;
    public const int InternalError = 8;
    public const int RowsFailed = 9;
    public const int Interrupted = 10;
    public const int NotVerified = 11;

    /// <summary>Code and meaning, in order, for the help text.</summary>
    public static readonly IReadOnlyList<(int Code, string Meaning)> Table =
    [
        (Optimal, "solved: all DIMACS errors within the tolerance"),
        (NearOptimal, "solved to the near-optimal tolerance (1e-6) only (run: no row failed, some are near-optimal)"),
        (UsageError, "usage error (unknown command or option, bad option value)"),
        (InputError, "input error (file missing or unreadable, malformed file: the line is printed)"),
        (Infeasible, "the problem is primal or dual infeasible (a certificate was found and checked)"),
        (Limit, "iteration or time limit reached"),
        (NumericalFailure, "numerical failure (the solver could not make progress)"),
        (SolverUnavailable, "the requested solver is not available (e.g. csdp/dsdp5 not on PATH)"),
        (InternalError, "internal error (a bug; the message says where)"),
        (RowsFailed, "run: some rows have no value (infeasible, a limit, numerical-failure, error or skipped; see the table's notes)"),
        (Interrupted, "run: interrupted (Ctrl-C); the rows computed so far were written, marked interrupted"),
        (NotVerified, "verify: the certificate does not prove a bound (the reason is printed)"),
    ];

    /// <summary>
    /// steer run: the exit code each row status leads to on its own; the run exits with the highest over its rows
    /// (0 &lt; 1 &lt; 9; 10 when interrupted). Not-applicable rows (a bound that does not apply) do not count.
    /// </summary>
    public static readonly IReadOnlyList<(string Status, int Code)> RunRowCodes =
    [
        (RowStatus.Optimal, Optimal),
        (RowStatus.VerifiedAttack, Optimal), // a verified attack (seesaw): an upper bound on H that holds; counted as success
        (RowStatus.NotApplicable, Optimal),
        (RowStatus.NearOptimal, NearOptimal),
        (RowStatus.Infeasible, RowsFailed),
        (RowStatus.IterationLimit, RowsFailed),
        (RowStatus.TimeLimit, RowsFailed),
        (RowStatus.NumericalFailure, RowsFailed),
        (RowStatus.Error, RowsFailed),
        (RowStatus.Skipped, RowsFailed),
    ];

    public static int FromStatus(SdpStatus status) => status switch
    {
        SdpStatus.Optimal => Optimal,
        SdpStatus.NearOptimal => NearOptimal,
        SdpStatus.PrimalInfeasible or SdpStatus.DualInfeasible => Infeasible,
        SdpStatus.IterationLimit or SdpStatus.TimeLimit => Limit,
        _ => NumericalFailure,
    };

    /// <summary>The table as help text lines ("  0  solved: …").</summary>
    public static string Describe() =>
        string.Join(Environment.NewLine, Table.Select(row => $"  {row.Code,2}  {row.Meaning}"));
}
