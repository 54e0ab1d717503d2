using SteeringRng.Certification.Bounds;
using SteeringRng.Certification.Results;
using SteeringRng.Certification.Run;

namespace SteeringRng.Certification.Tests.Run;

public class OrderingCheckTests
{
    private static readonly ParameterSet P = ParameterSet.Of(("mu", 0.8));

    private static (BoundRank?, ResultRow) Row(BoundRank rank, string bound, double pg, string status = RowStatus.Optimal) =>
        (rank, ResultRow.FromGuessingProbability(P, "joint", bound, pg, status));

    /// <summary>Glo ≥ NS ≥ Q1 ≥ Q2 ≥ Dim in P_g: a consistent chain.</summary>
    private static (BoundRank?, ResultRow)[] Chain() =>
    [
        Row(BoundRank.Global, "global", 0.9), Row(BoundRank.NoSignalling, "ns", 0.5), Row(BoundRank.Npa(1, []), "npa 1", 0.45),
        Row(BoundRank.Npa(2, []), "npa 2", 0.44), Row(BoundRank.Dimension, "seesaw dim 2", 0.43),
    ];

    [Fact]
    public void AConsistentChain_Passes_Unchanged() =>
        Assert.All(OrderingCheck.Apply(Chain()), r => Assert.Equal(RowStatus.Optimal, r.Status));

    [Fact]
    public void APlantedViolation_TurnsBothRowsIntoErrors_AndWithdrawsTheNumbers()
    {
        var rows = Chain();
        rows[2] = Row(BoundRank.Npa(1, []), "npa 1", 0.6); // Q1 allowing Eve more than NS: impossible
        var checkedRows = OrderingCheck.Apply(rows);
        Assert.Equal(RowStatus.Error, checkedRows[1].Status);
        Assert.Equal(RowStatus.Error, checkedRows[2].Status);
        Assert.Null(checkedRows[2].Pguess);
        Assert.Null(checkedRows[2].Hmin);
        Assert.Contains("ordering violated: H^[ns] <= H^[npa 1]", checkedRows[2].Message);
        Assert.Equal(RowStatus.Optimal, checkedRows[0].Status);
    }

    [Fact]
    public void ASeesawAboveARelaxation_IsAnError()
    {
        var rows = Chain();
        rows[4] = Row(BoundRank.Dimension, "seesaw dim 2", 0.55); // an explicit attack beating the NS upper bound on P_g
        var checkedRows = OrderingCheck.Apply(rows);
        Assert.Equal(RowStatus.Error, checkedRows[4].Status);
        Assert.Contains("H^[ns] <= H^[seesaw dim 2]", checkedRows[4].Message);
    }

    [Fact]
    public void DifferencesWithinTheTolerance_AreNotViolations()
    {
        var rows = Chain();
        rows[3] = Row(BoundRank.Npa(2, []), "npa 2", 0.45 + 1e-8);
        Assert.All(OrderingCheck.Apply(rows, tolerance: 1e-6), r => Assert.Equal(RowStatus.Optimal, r.Status));
        Assert.Equal(RowStatus.Error, OrderingCheck.Apply(rows, tolerance: 1e-9)[3].Status);
    }

    [Fact]
    public void RowsWithoutAValue_TakeNoPart()
    {
        var rows = Chain();
        rows[1] = (BoundRank.NoSignalling, ResultRow.Failed(P, "joint", "ns", RowStatus.NumericalFailure, "no progress"));
        rows[2] = Row(BoundRank.Npa(1, []), "npa 1", 0.95, RowStatus.IterationLimit);
        var checkedRows = OrderingCheck.Apply(rows);
        Assert.Equal(RowStatus.NumericalFailure, checkedRows[1].Status);
        Assert.Equal(RowStatus.IterationLimit, checkedRows[2].Status);
        Assert.Equal(RowStatus.Optimal, checkedRows[0].Status);
    }

    [Fact]
    public void RowsOfDifferentObjectives_AreNotCompared()
    {
        var a = (BoundRank.NoSignalling, ResultRow.FromGuessingProbability(P, "joint", "ns", 0.5, RowStatus.Optimal));
        var b = (BoundRank.Npa(1, []), ResultRow.FromGuessingProbability(P, "bob", "npa 1", 0.9, RowStatus.Optimal));
        Assert.All(OrderingCheck.Apply([a, b]), r => Assert.Equal(RowStatus.Optimal, r.Status));
    }
}
