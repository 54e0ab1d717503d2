using SteeringRng.Sdp;

namespace SteeringRng.Cli;

/// <summary>
/// The process exit codes of <c>steer</c>, one table for the code and the help text. Scripts may rely on them:
/// 0 and 1 are answers, 4 and 5 are definite outcomes, 2, 3 and 7 are the caller's to fix; 9 and 10 are
/// for <c>steer run</c> (some rows failed; interrupted). <c>steer check</c> exits 0 (clean) or 3 (errors).
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

    /// <summary>Code and meaning, in order, for the help text.</summary>
    public static readonly IReadOnlyList<(int Code, string Meaning)> Table =
    [
        (Optimal, "solved: all DIMACS errors within the tolerance"),
        (NearOptimal, "solved to the near-optimal tolerance (1e-6) only"),
        (UsageError, "usage error (unknown command or option, bad option value)"),
        (InputError, "input error (file missing or unreadable, malformed file: the line is printed)"),
        (Infeasible, "the problem is primal or dual infeasible (a certificate was found and checked)"),
        (Limit, "iteration or time limit reached"),
        (NumericalFailure, "numerical failure (the solver could not make progress)"),
        (SolverUnavailable, "the requested solver is not available (e.g. csdp/dsdp5 not on PATH)"),
        (InternalError, "internal error (a bug; the message says where)"),
        (RowsFailed, "run: some rows have no certified value (status other than optimal; see the table's notes)"),
        (Interrupted, "run: interrupted (Ctrl-C); the rows computed so far were written, marked interrupted"),
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
