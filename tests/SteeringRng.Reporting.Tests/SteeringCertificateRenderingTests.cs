namespace SteeringRng.Reporting.Tests;

/// <summary>
/// Steering-test rows with a checked witness: the table shows the proven upper bound on v* rounded up (never down: the
/// witness proves steering only above it), marks an uncertified row with "?" as for P_g rows, and the JSON certificate
/// keeps visibility, steerable and critical through a write and a read.
/// </summary>
public class SteeringCertificateRenderingTests
{
    private static ResultRow Row(double mu, double v, RowCertificate certificate) =>
        ResultRow.FromCriticalVisibility(SampleReports.Mu(mu), "steering test", "steering", v, RowStatus.Optimal, 10, 0.1, "m")
            with { Certificate = certificate };

    // 3/7 = 0.428571428…: a proven bound 0.42857143 must print as 0.4286 at 4 decimals, and 0.42850001 as 0.4286 (up), not 0.4285.
    private static readonly RunReport Report = new("GHZ", [
        Row(1.0, 0.4285, new RowCertificate
        {
            Status = RowCertificate.CertifiedStatus, Visibility = 0.42850001, Steerable = true,
            Critical = ParameterSet.Of(("mu", 0.42850001)), Slack = 1e-8, Method = "w",
        }),
        Row(0.5, 0.857142857, RowCertificate.Uncertified("no proven bound")),
    ]);

    private static string Render(RunReport report, TableOptions? options = null)
    {
        var writer = new StringWriter();
        ReportTable.Write(report, writer, options);
        return writer.ToString().ReplaceLineEndings("\n");
    }

    [Fact]
    public void Pivot_ShowsTheProvenVisibilityRoundedUp_AndMarksUncertifiedRows()
    {
        var text = Render(Report, new TableOptions(TableLayout.Pivot, 4));
        Assert.Contains("0.4286", text);
        Assert.DoesNotContain("0.4285 ", text);
        Assert.Contains("0.8571?", text);
        Assert.Contains("not certified (no proven bound)", text);
    }

    [Fact]
    public void FixedUp_NeverRoundsDown()
    {
        Assert.Equal("0.4286", TableCells.FixedUp(0.42850001, 4));
        Assert.Equal("0.5000", TableCells.FixedUp(0.5, 4));
        Assert.Equal("0.0000", TableCells.FixedUp(0.0, 4));
        Assert.Equal("0.0001", TableCells.FixedUp(1e-300, 4));
        Assert.Equal("1.0000", TableCells.FixedUp(0.99999999, 4));
    }

    [Fact]
    public void Json_KeepsVisibilitySteerableAndCritical()
    {
        var stream = new MemoryStream();
        ReportJsonWriter.Write(Report, stream);
        var back = ReportJsonReader.Read(new MemoryStream(stream.ToArray()));
        var c = back.Rows[0].Certificate!;
        Assert.True(c.IsCertified);
        Assert.Equal(0.42850001, c.Visibility);
        Assert.True(c.Steerable);
        Assert.True(c.Critical!.TryGetValue("mu", out var mu));
        Assert.Equal(0.42850001, mu);
        Assert.Equal(0.4285, back.Rows[0].CriticalVisibility); // the raw v* is kept beside it
        Assert.False(back.Rows[1].Certificate!.IsCertified);
        Assert.Null(back.Rows[1].Certificate!.Visibility);
    }
}
