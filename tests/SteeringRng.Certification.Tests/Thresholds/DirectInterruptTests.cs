using SteeringRng.Certification.Results;
using SteeringRng.Certification.Thresholds;

namespace SteeringRng.Certification.Tests.Thresholds;

/// <summary>
/// Ctrl-C during the direct method's solve at the pure end: the row comes back skipped (the run was interrupted during
/// it), and the search must say interrupted, not failed (it used to print "failed" next to an interrupted NS search).
/// </summary>
public class DirectInterruptTests
{
    [Fact]
    public void A_pure_end_solve_cut_short_by_cancellation_is_interrupted_not_failed()
    {
        using var cancellation = new CancellationTokenSource();
        ThresholdEvidence Evaluate(double at)
        {
            cancellation.Cancel(); // Ctrl-C arrives while this point is being solved
            return new ThresholdEvidence(at, null, RowStatus.Skipped, false, "the run was interrupted during this row", null, 1);
        }
        var course = DirectSteeringThreshold.Run(0, 1, 1e-5, 1.0, Evaluate, cancellation.Token);
        Assert.Equal(ThresholdOutcome.Interrupted, course.Outcome);
    }

    [Fact]
    public void A_pure_end_that_fails_without_cancellation_is_still_failed()
    {
        var course = DirectSteeringThreshold.Run(0, 1, 1e-5, 1.0,
            at => new ThresholdEvidence(at, null, RowStatus.NumericalFailure, false, "no progress", 50, 1), CancellationToken.None);
        Assert.Equal(ThresholdOutcome.Failed, course.Outcome);
    }
}
