using SteeringRng.Peers;

namespace SteeringRng.Sdp.Tests;

/// <summary>How a peer's claimed success is graded and explained, on points with known DIMACS errors.</summary>
public class PeerSolutionJudgeTests
{
    /// <summary>max x s.t. x = 1, x ⪰ 0 (1×1): optimum 1, y = 1, Z = 0.</summary>
    private static readonly SdpProblem One = new([SdpBlock.Psd(1)], new SdpMatrix([new SdpEntry(0, 0, 0, 1)]),
        [new SdpMatrix([new SdpEntry(0, 0, 0, 1)])], [1]);

    private static SdpSolution Judge(double x, double y)
    {
        var point = new PeerPoint([y], [new SdpBlockValue(SdpBlock.Psd(1), [y - 1])], [new SdpBlockValue(SdpBlock.Psd(1), [x])]);
        return PeerSolutionJudge.Judge(One, point, new PeerVerdict(PeerClaim.Solved, "csdp: success, SDP solved", 10),
            SdpSettings.Default, "csdp", 0);
    }

    [Fact]
    public void Near_optimal_message_names_the_errors_above_the_tolerance_with_their_values()
    {
        // x = 1 + 4e-8: error 1 = 4e-8/(1 + |b|) = 2e-8 and error 5 = 4e-8/(1 + 1 + 4e-8 + 1) ≈ 1.33e-8, both above 1e-8.
        var s = Judge(1 + 4e-8, 1);
        Assert.Equal(SdpStatus.NearOptimal, s.Status);
        Assert.StartsWith("csdp: success, SDP solved, but not to the tolerance: ", s.Message);
        Assert.Contains("DIMACS error 1 (primal infeasibility ‖A(X) − b‖) = 2E-08 > 1E-08", s.Message);
        Assert.Contains("DIMACS error 5 (duality gap ⟨C, X⟩ − bᵀy) = 1.33E-08 > 1E-08", s.Message);
        Assert.DoesNotContain("DIMACS error 3", s.Message);
        Assert.True(s.Message.IndexOf("error 1 ", StringComparison.Ordinal) < s.Message.IndexOf("error 5 ", StringComparison.Ordinal),
            "worst first: " + s.Message);
        Assert.EndsWith("(all within the near-optimal tolerance 1E-06)", s.Message);
    }

    [Fact]
    public void Failure_message_keeps_the_largest_error_and_names_it()
    {
        var s = Judge(1 + 1e-4, 1);
        Assert.Equal(SdpStatus.NumericalFailure, s.Status);
        Assert.Contains("but its largest DIMACS error is 5E-05, above the near-optimal tolerance 1E-06", s.Message);
        Assert.Contains("DIMACS error 1 (primal infeasibility ‖A(X) − b‖) = 5E-05 > 1E-06", s.Message);
    }

    [Fact]
    public void Optimal_point_keeps_the_peers_words()
    {
        var s = Judge(1, 1);
        Assert.Equal(SdpStatus.Optimal, s.Status);
        Assert.Equal("csdp: success, SDP solved", s.Message);
    }

    [Fact]
    public void Shortfall_of_a_point_within_the_tolerance_is_empty()
    {
        Assert.Equal("", DimacsShortfall.Describe([0, 0, 1e-9, 0, -1e-9, 0], 1e-8));
        Assert.Equal("DIMACS error 5 (duality gap ⟨C, X⟩ − bᵀy) = -3E-08 < -1E-08", DimacsShortfall.Describe([0, 0, 1e-9, 0, -3e-8, 0], 1e-8));
    }
}
