using SteeringRng.Certification.Results;
using SteeringRng.Certification.Thresholds;

namespace SteeringRng.Certification.Tests.Thresholds;

/// <summary>The search logic on synthetic evidence (no solver): brackets, solve counts, and refusing non-monotone numbers.</summary>
public class BisectionTests
{
    private static readonly ThresholdCriterion Randomness = new(ThresholdQuantity.Randomness);

    // P_g = 1 up to t, then falling with slope 1: past where P_g <= 1 - 1e-6.
    private static Func<double, ThresholdEvidence> Kink(double t) => mu =>
    {
        var pg = Math.Min(1, 1 - (mu - t));
        return new ThresholdEvidence(mu, pg, RowStatus.Optimal, Randomness.IsPast(pg), "", 10, 0.01);
    };

    [Fact]
    public void Brackets_a_kink_to_the_width_in_two_plus_log2_solves()
    {
        var course = Bisection.Run(0, 1, 1e-5, Kink(1.0 / 3), CancellationToken.None);
        Assert.Equal(ThresholdOutcome.Bracketed, course.Outcome);
        Assert.True(course.AtLo!.At <= 1.0 / 3 && 1.0 / 3 <= course.AtHi!.At);
        Assert.True(course.AtHi.At - course.AtLo.At <= 1e-5);
        Assert.Equal(2 + (int)Math.Ceiling(Math.Log2(1 / 1e-5)), course.Evaluations.Count);
        Assert.Null(MonotonicityCheck.Violation(course.Evaluations, Randomness));
    }

    [Fact]
    public void A_failed_solve_stops_the_search_with_its_reason()
    {
        var course = Bisection.Run(0, 1, 1e-3, mu => mu == 1
            ? new ThresholdEvidence(mu, null, RowStatus.NumericalFailure, false, "no progress", 50, 1)
            : Kink(0.5)(mu), CancellationToken.None);
        Assert.Equal(ThresholdOutcome.Failed, course.Outcome);
        Assert.Contains("no progress", course.Message);
    }

    [Fact]
    public void Values_that_rise_with_the_parameter_are_a_violation()
    {
        ThresholdEvidence At(double mu, double pg) => new(mu, pg, RowStatus.Optimal, Randomness.IsPast(pg), "", 1, 0);
        Assert.NotNull(MonotonicityCheck.Violation([At(0.9, 0.5), At(0.5, 1), At(0.7, 0.9), At(0.8, 0.95)], Randomness));
        // A rise within the tolerance is solver noise, not a violation.
        Assert.Null(MonotonicityCheck.Violation([At(0.5, 1 - 2e-7), At(0.6, 1), At(0.9, 0.5)], Randomness));
    }
}
