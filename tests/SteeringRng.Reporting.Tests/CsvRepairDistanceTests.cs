namespace SteeringRng.Reporting.Tests;

/// <summary>
/// The CSV carries <c>repair_distance</c> as the JSON does (JSON-CONTRACT.md): a column only when some row was computed
/// from repaired data, empty in the other rows; files without the column (older files, no repair) still read.
/// </summary>
public class CsvRepairDistanceTests
{
    private static ResultRow Repaired(double mu, double distance) =>
        ResultRow.FromGuessingProbability(ParameterSet.Of(("mu", mu)), "joint", "ns", 0.25, RowStatus.Optimal, 7, 0.5) with { RepairDistance = distance };

    [Fact]
    public void RepairedRows_AddARepairDistanceColumn_EmptyInRowsWithout()
    {
        var report = new RunReport("s", [
            Repaired(0.9, 0.0079312),
            ResultRow.FromGuessingProbability(ParameterSet.Of(("mu", 0.8)), "joint", "ns", 0.5, RowStatus.Optimal, 3, 0.25),
        ]);
        using var _ = new CultureScope();
        Assert.Equal(
            "mu,objective,bound,pguess,hmin,repair_distance,status,iterations,seconds,message\r\n" +
            "0.9,joint,ns,0.25,2,0.0079312,optimal,7,0.5,\r\n" +
            "0.8,joint,ns,0.5,1,,optimal,3,0.25,\r\n",
            ReportCsvWriter.ToCsv(report));
    }

    [Fact]
    public void RepairDistance_SurvivesARoundTripBitForBit()
    {
        var rows = new[] { Repaired(0.9, 1.0 / 3.0), Repaired(0.95, 0.30000000000000004) };
        var back = ReportCsvReader.Parse(ReportCsvWriter.ToCsv(new RunReport("s", rows)), "s");
        Assert.Equal(rows, back.Rows);
        Assert.Equal(1.0 / 3.0, back.Rows[0].RepairDistance);
    }

    [Fact]
    public void ColumnAfterVisibilityAndValue_BeforeStatus()
    {
        var report = new RunReport("s", [
            ResultRow.FromCriticalVisibility(ParameterSet.Empty, "steering", "steering", 0.5, RowStatus.Optimal, 9, 0.25),
            ResultRow.FromBellValue(ParameterSet.Empty, "chsh", "ns", 4, RowStatus.Optimal, 7, 0.125, "Bell value") with { RepairDistance = 0.5 },
        ]);
        Assert.Equal(["objective", "bound", "pguess", "hmin", "visibility", "value", "repair_distance", "status", "iterations", "seconds", "message"],
            ReportCsvWriter.Columns(report));
    }

    [Fact]
    public void NonFiniteDistance_IsNotWritten_AsInTheJson()
    {
        var report = new RunReport("s", [Repaired(0.9, double.NaN)]);
        Assert.DoesNotContain("repair_distance", ReportCsvWriter.Columns(report));
    }

    [Fact]
    public void OldCsvWithoutTheColumn_ReadsWithNoDistance()
    {
        // A file as written before the column existed (and as written today without repair).
        const string csv = "mu,objective,bound,pguess,hmin,status,iterations,seconds,message\r\n0.9,joint,ns,0.25,2,optimal,7,0.5,\r\n";
        var row = ReportCsvReader.Parse(csv, "s").Rows.Single();
        Assert.Null(row.RepairDistance);
        Assert.Equal(0.25, row.Pguess);
    }

    [Fact]
    public void BadRepairDistance_IsLocated()
    {
        const string csv = "objective,bound,pguess,hmin,repair_distance,status,iterations,seconds,message\r\njoint,ns,0.25,2,far,optimal,7,0.5,\r\n";
        var error = Assert.Throws<ReportFormatException>(() => ReportCsvReader.Parse(csv, "s"));
        Assert.Equal("CSV record 2, column repair_distance: \"far\" is not a finite number.", error.Message);
    }
}
