using SteeringRng.Sdp;

namespace SteeringRng.Certification.Results;

/// <summary>
/// The one mapping from the solver's vocabulary (<see cref="SdpStatus"/>) to the status words of result rows
/// (<see cref="RowStatus"/>, the words of the JSON contract). Nothing else translates solver outcomes.
/// </summary>
public static class SolveStatus
{
    /// <summary>The row status of a solve; a time limit caused by Ctrl-C is "skipped", not a limit.</summary>
    public static string RowStatusOf(SdpStatus status, CancellationToken cancellation) => status switch
    {
        SdpStatus.Optimal => RowStatus.Optimal,
        SdpStatus.NearOptimal => RowStatus.NearOptimal,
        SdpStatus.PrimalInfeasible or SdpStatus.DualInfeasible => RowStatus.Infeasible,
        SdpStatus.IterationLimit => RowStatus.IterationLimit,
        SdpStatus.TimeLimit => cancellation.IsCancellationRequested ? RowStatus.Skipped : RowStatus.TimeLimit,
        _ => RowStatus.NumericalFailure,
    };

    /// <summary>Whether the solve produced a number that may be shown (optimal or near-optimal).</summary>
    public static bool HasValue(SdpStatus status) => status is SdpStatus.Optimal or SdpStatus.NearOptimal;
}
