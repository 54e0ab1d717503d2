using SteeringRng.Certification.Bounds;

namespace SteeringRng.Certification.Tests.Bounds;

public class BoundOrderingTests
{
    private static BoundResult Result(BoundKind kind, double pg, int level = 0, BoundStatus status = BoundStatus.Valid) => new()
    {
        Kind = kind, Level = level, GuessingProbability = pg, Status = status, Statistics = SolverStatistics.None("test"),
    };

    // A consistent chain: P_g^Glo ≥ P_g^NS ≥ P_g^Q1 ≥ P_g^Q2 ≥ P_g^Dim, i.e. H^Glo ≤ … ≤ H^Dim.
    private static BoundResult[] Chain() =>
    [
        Result(BoundKind.Global, 0.9), Result(BoundKind.NoSignalling, 0.5), Result(BoundKind.Npa, 0.45, 1),
        Result(BoundKind.Npa, 0.44, 2), Result(BoundKind.Dimension, 0.43),
    ];

    [Fact]
    public void AConsistentChain_Passes_Unchanged()
    {
        var check = BoundOrdering.Check(Chain());
        Assert.True(check.IsConsistent);
        Assert.All(check.Results, r => Assert.Equal(BoundStatus.Valid, r.Status));
    }

    [Fact]
    public void APlantedViolation_IsAnError_AndBothNumbersAreWithdrawn()
    {
        var results = Chain();
        results[2] = Result(BoundKind.Npa, 0.6, 1); // Q1 looser than NS: impossible
        var check = BoundOrdering.Check(results);
        Assert.False(check.IsConsistent);
        Assert.Contains(check.Errors, e => e.Contains("H^NS ≤ H^Q1"));
        Assert.Equal(BoundStatus.OrderingViolation, check.Results[1].Status);
        Assert.Equal(BoundStatus.OrderingViolation, check.Results[2].Status);
        Assert.Equal(BoundStatus.Valid, check.Results[0].Status);
        Assert.DoesNotContain("0.6", check.Results[2].Describe());
        Assert.StartsWith("H^Q1: error", check.Results[2].Describe());
    }

    [Fact]
    public void ASeesawAboveARelaxation_IsAnError()
    {
        var results = Chain();
        results[4] = Result(BoundKind.Dimension, 0.55); // an explicit attack beating the NS upper bound on P_g
        var check = BoundOrdering.Check(results);
        Assert.Contains(check.Errors, e => e.Contains("H^NS ≤ H^Dim"));
        Assert.Equal(BoundStatus.OrderingViolation, check.Results[4].Status);
    }

    [Fact]
    public void DifferencesWithinTheTolerance_AreNotViolations()
    {
        var results = Chain();
        results[3] = Result(BoundKind.Npa, 0.45 + 1e-8, 2);
        Assert.True(BoundOrdering.Check(results, tolerance: 1e-6).IsConsistent);
        Assert.False(BoundOrdering.Check(results, tolerance: 1e-9).IsConsistent);
    }

    [Fact]
    public void ResultsWithoutANumber_AreLeftOutOfTheComparison()
    {
        var results = Chain();
        results[1] = Result(BoundKind.NoSignalling, double.NaN, status: BoundStatus.Failed);
        results[2] = Result(BoundKind.Npa, 0.95, 1, BoundStatus.Failed);
        Assert.True(BoundOrdering.Check(results).IsConsistent);
    }

    [Fact]
    public void AGuessingProbabilityJustAboveOne_MeansZeroEntropy()
    {
        Assert.Equal(0.0, Result(BoundKind.NoSignalling, 1.0 + 1e-9).MinEntropy);
        Assert.Equal("H^NS = 0.000000 bits (P_g = 1.00000000)", Result(BoundKind.NoSignalling, 1.0 + 1e-9).Describe());
        Assert.True(double.IsNaN(Result(BoundKind.NoSignalling, double.NaN, status: BoundStatus.Failed).MinEntropy));
    }

    [Fact]
    public void Describe_PrintsTheEntropy_ForValidResults()
    {
        var text = Result(BoundKind.Npa, 0.25, 2).Describe();
        Assert.Equal("H^Q2 = 2.000000 bits (P_g = 0.25000000)", text);
    }
}
