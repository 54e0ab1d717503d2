using SteeringRng.Reporting;
using SteeringRng.Sdp;

namespace SteeringRng.Cli.Scenarios;

/// <summary>Maps solver outcomes to the status words of the JSON contract.</summary>
public static class SolveRows
{
    public const string TimeLimit = "time-limit";
    public const string NotApplicable = "not-applicable";

    public static string StatusWord(SdpStatus status, CancellationToken cancellation) => status switch
    {
        SdpStatus.Optimal => RowStatus.Optimal,
        SdpStatus.NearOptimal => RowStatus.NearOptimal,
        SdpStatus.PrimalInfeasible or SdpStatus.DualInfeasible => RowStatus.Infeasible,
        SdpStatus.IterationLimit => RowStatus.IterationLimit,
        SdpStatus.TimeLimit => cancellation.IsCancellationRequested ? RowStatus.Skipped : TimeLimit,
        _ => RowStatus.NumericalFailure,
    };

    /// <summary>Whether the solve produced a number that may be shown (optimal or near-optimal).</summary>
    public static bool HasValue(SdpStatus status) => status is SdpStatus.Optimal or SdpStatus.NearOptimal;
}
