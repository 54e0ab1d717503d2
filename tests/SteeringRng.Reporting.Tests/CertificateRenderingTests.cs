namespace SteeringRng.Reporting.Tests;

/// <summary>
/// Certified values in the table (certified by default, rounded down, uncertified rows marked and never shown as
/// certified) and the JSON certificate object (written, read back; an uncertified one never carries numbers).
/// </summary>
public class CertificateRenderingTests
{
    private static ResultRow Row(double mu, string bound, double pguess, RowCertificate certificate) =>
        ResultRow.FromGuessingProbability(SampleReports.Mu(mu), "joint", bound, pguess, RowStatus.Optimal) with { Certificate = certificate };

    // Raw H = −log2 0.9 = 0.15200309…; a certified 0.1519999999 must print as 0.1519 (down), never 0.1520.
    private static readonly RunReport Report = new("GHZ", [
        Row(0.6, "ns", 0.9, new RowCertificate { Status = RowCertificate.CertifiedStatus, Pguess = 0.9000000, Hmin = 0.15199999999, Slack = 0, Method = "m" }),
        Row(0.6, "npa 1", 0.8, RowCertificate.Uncertified("X̂ not proven PSD")),
    ]);

    private static string Render(RunReport report, TableOptions? options = null)
    {
        var writer = new StringWriter();
        ReportTable.Write(report, writer, options);
        return writer.ToString().ReplaceLineEndings("\n");
    }

    [Fact]
    public void Pivot_ShowsCertifiedValueRoundedDown_AndMarksUncertifiedRows()
    {
        var text = Render(Report, new TableOptions(TableLayout.Pivot, 4));
        Assert.Contains("0.1519", text);
        Assert.DoesNotContain("0.1520", text);
        // The uncertified cell shows the raw H = −log2 0.8 = 0.3219… with the mark, and the notes say why.
        Assert.Contains("0.3219?", text);
        Assert.Contains("not certified (X̂ not proven PSD)", text);
    }

    [Fact]
    public void FixedDown_NeverRoundsUp() 
    {
        Assert.Equal("0.9999", TableCells.FixedDown(0.99999999, 4));
        Assert.Equal("2.0000", TableCells.FixedDown(2.0, 4));
        Assert.Equal("0.1234", TableCells.FixedDown(0.12345, 4));
        Assert.Equal("0.1000", TableCells.FixedDown(0.1, 4)); // the double 0.1 is slightly above 1/10
        Assert.Equal("0.0999", TableCells.FixedDown(0.09999999999999999, 4));
        Assert.Equal("-0.1235", TableCells.FixedDown(-0.12345, 4));
        Assert.Equal("1999", TableCells.FixedDown(1999.9, 0));
    }

    [Fact]
    public void Json_WritesAndReadsTheCertificate()
    {
        var stream = new MemoryStream();
        ReportJsonWriter.Write(Report, stream);
        var json = System.Text.Encoding.UTF8.GetString(stream.ToArray());
        Assert.Contains("\"certificate\"", json);
        var back = ReportJsonReader.Read(new MemoryStream(stream.ToArray()));
        var certified = back.Rows[0].Certificate!;
        Assert.True(certified.IsCertified);
        Assert.Equal(0.15199999999, certified.Hmin);
        Assert.Equal(0.9, back.Rows[0].Pguess); // the raw value is kept beside it
        var uncertified = back.Rows[1].Certificate!;
        Assert.False(uncertified.IsCertified);
        Assert.Null(uncertified.Hmin);
        Assert.Equal("X̂ not proven PSD", uncertified.Reason);
    }

    [Fact]
    public void Json_UncertifiedCertificateWithNumbers_IsReadWithoutThem()
    {
        var json = """
            {"scenario": "s", "interrupted": false, "rows": [{"parameters": {}, "objective": "o", "bound": "ns", "pguess": 0.5,
             "hmin": 1, "status": "optimal", "certificate": {"status": "uncertified", "hmin": 7, "reason": "r"},
             "iterations": 1, "seconds": 0}]}
            """;
        var row = ReportJsonReader.Read(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json))).Rows[0];
        Assert.Null(row.Certificate!.Hmin);
    }
}
