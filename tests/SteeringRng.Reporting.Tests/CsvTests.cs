using SteeringRng.Certification.Input;

namespace SteeringRng.Reporting.Tests;

public class CsvTests
{
    [Fact]
    public void Header_HasParametersThenTheFixedColumns()
    {
        var report = new RunReport("s", [
            ResultRow.FromGuessingProbability(ParameterSet.Of(("mu", 0.8)), "joint", "ns", 0.3, RowStatus.Optimal),
            ResultRow.FromGuessingProbability(ParameterSet.Of(("mu", 0.8), ("d", 3)), "joint", "ns", 0.3, RowStatus.Optimal),
        ]);
        var csv = ReportCsvWriter.ToCsv(report);
        Assert.StartsWith("mu,d,objective,bound,pguess,hmin,status,iterations,seconds,message\r\n", csv);
    }

    [Fact]
    public void Rows_AreWrittenWithRoundTripNumbersAndCrlf()
    {
        var report = new RunReport("s", [
            ResultRow.FromGuessingProbability(ParameterSet.Of(("mu", 0.8)), "joint", "npa 2", 0.25, RowStatus.Optimal, 31, 1.5),
            ResultRow.Failed(ParameterSet.Of(("mu", 0.9)), "B", "ns", RowStatus.Error, "bad"),
        ]);
        using var _ = new CultureScope();
        Assert.Equal(
            "mu,objective,bound,pguess,hmin,status,iterations,seconds,message\r\n" +
            "0.8,joint,npa 2,0.25,2,optimal,31,1.5,\r\n" +
            "0.9,B,ns,,,error,,,bad\r\n",
            ReportCsvWriter.ToCsv(report));
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a, b", "\"a, b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("line 1\nline 2", "\"line 1\nline 2\"")]
    [InlineData("cr\r\nlf", "\"cr\r\nlf\"")]
    [InlineData("", "")]
    public void Quote_FollowsRfc4180(string field, string quoted) =>
        Assert.Equal(quoted + ",x\r\n", CsvRecords.Write([[field, "x"]]));

    [Fact]
    public void Messages_WithCommasQuotesAndNewlines_SurviveARoundTrip()
    {
        string[] messages = ["stalled, step 1e-9", "solver said \"dual infeasible\"", "first line\r\nsecond line\nthird", "\"", ",", ""];
        var rows = messages.Select((m, i) => ResultRow.Failed(ParameterSet.Of(("mu", i)), "joint", "bound, \"odd\"", RowStatus.Error, m)).ToList();
        var report = new RunReport("s", rows);
        var csv = ReportCsvWriter.ToCsv(report);
        var records = CsvRecords.Read(csv, (_, m) => new ReportFormatException(m));
        Assert.Equal(messages.Length + 1, records.Count);
        Assert.All(records, r => Assert.Equal(9, r.Fields.Count));
        Assert.Equal(messages, records.Skip(1).Select(r => r.Fields[8]));
        Assert.Equal(report.Rows, ReportCsvReader.Parse(csv, "s").Rows);
    }

    [Fact]
    public void RoundTrip_KeepsEveryBitOfTheNumbers()
    {
        double[] values = [0.1, 1.0 / 3.0, 0.30000000000000004, Math.PI, double.Epsilon, double.MaxValue, 1e-300];
        var rows = values.Select(v => new ResultRow
        {
            Parameters = ParameterSet.Of(("mu", v)), Objective = "joint", Bound = "ns",
            Pguess = v, Hmin = -v, Status = RowStatus.Optimal, Iterations = 7, Seconds = v,
        }).ToList();
        using var _ = new CultureScope();
        var back = ReportCsvReader.Parse(ReportCsvWriter.ToCsv(new RunReport("s", rows)), "s");
        Assert.Equal(rows, back.Rows);
    }

    [Fact]
    public void NaN_IsAnEmptyFieldAndTheMessageSaysSo()
    {
        var row = ResultRow.FromGuessingProbability(ParameterSet.Of(("mu", 0.5)), "joint", "ns", double.NaN, RowStatus.NumericalFailure);
        var csv = ReportCsvWriter.ToCsv(new RunReport("s", [row]));
        Assert.EndsWith("\r\n0.5,joint,ns,,,numerical-failure,,,pguess was NaN (written as null); hmin was NaN (written as null)\r\n", csv);
    }

    [Fact]
    public void SteeringRows_AddAVisibilityColumn()
    {
        var report = new RunReport("s", [
            ResultRow.FromCriticalVisibility(ParameterSet.Empty, "steering", "steering", 0.4285714285714286, RowStatus.Optimal, 9, 0.25),
        ]);
        var csv = ReportCsvWriter.ToCsv(report);
        Assert.Equal(
            "objective,bound,pguess,hmin,visibility,status,iterations,seconds,message\r\n" +
            "steering,steering,,,0.4285714285714286,optimal,9,0.25,\r\n", csv);
        Assert.Equal(report.Rows, ReportCsvReader.Parse(csv, "s").Rows);
    }

    [Theory]
    [InlineData("a,\"b\nc", "CSV line 1: a quoted field is never closed.")]
    [InlineData("a,b\"c\r\n", "CSV line 1: a double quote inside an unquoted field.")]
    [InlineData("a\r\n\"b\"x\r\n", "CSV line 2: text after the closing quote of a field.")]
    [InlineData("h\r\n\"a\nb\"c\r\n", "CSV line 3: text after the closing quote of a field.")]
    [InlineData("h,i\n\"never\n\nclosed", "CSV line 2: a quoted field is never closed.")]
    [InlineData("h,i\n\"ok\",x\"y\",z\n", "CSV line 2: a double quote inside an unquoted field.")]
    public void Parse_ReportsMalformedCsvWithItsLine(string text, string expected)
    {
        var error = Assert.Throws<ReportFormatException>(() => ReportCsvReader.Parse(text, "s"));
        Assert.Equal(expected, error.Message);
    }

    [Fact]
    public void A_record_longer_than_the_library_reads_is_refused_at_its_line()
    {
        var text = Header + "\r\n0.5,\"" + new string('x', CsvRecords.MaxRecordCharacters + 10) + "\r\n";
        var error = Assert.Throws<ReportFormatException>(() => ReportCsvReader.Parse(text, "s"));
        Assert.Equal($"CSV line 2: a record longer than {CsvRecords.MaxRecordCharacters} characters (is a quoted field never closed?).", error.Message);
    }

    private const string Header = "mu,objective,bound,pguess,hmin,status,iterations,seconds,message";

    [Fact]
    public void A_ragged_record_is_refused_with_its_number()
    {
        var csv = Header + "\r\n0.5,j,ns,0.5,1,optimal,3,0.1,\r\n0.6,j,ns\r\n";
        var error = Assert.Throws<ReportFormatException>(() => ReportCsvReader.Parse(csv, "s"));
        Assert.Equal("CSV record 3: 3 fields, the header has 9.", error.Message);
    }

    [Theory]
    [InlineData("\r\n")]
    [InlineData("\n")]
    [InlineData("\r")]
    public void Any_line_end_and_a_byte_order_mark_read_the_same(string end)
    {
        var report = new RunReport("s", [
            ResultRow.FromGuessingProbability(ParameterSet.Of(("mu", 0.8)), "joint", "npa 2", 0.25, RowStatus.Optimal, 31, 1.5),
            ResultRow.Failed(ParameterSet.Of(("mu", 0.9)), "B", "ns", RowStatus.Error, "two\r\nlines, quoted"),
        ]);
        // The record separators change; the line break inside the quoted message is data and stays CR LF.
        string[] records = [Header, "0.8,joint,npa 2,0.25,2,optimal,31,1.5,", "0.9,B,ns,,,error,,,\"two\r\nlines, quoted\""];
        Assert.Equal(ReportCsvWriter.ToCsv(report), string.Join("\r\n", records) + "\r\n");
        var csv = "\uFEFF" + string.Join(end, records) + end;
        Assert.Equal(report.Rows, ReportCsvReader.Parse(csv, "s").Rows);
    }

    [Fact]
    public void A_quoted_field_keeps_its_line_breaks_and_the_next_record_its_line()
    {
        var records = CsvRecords.Read("a,\"x\r\ny\nz\"\r\nb,c\r\n\r\nd,e", (_, m) => new ReportFormatException(m));
        Assert.Equal([1, 4, 5, 6], records.Select(r => r.Line));
        Assert.Equal("x\r\ny\nz", records[0].Fields[1]);
        Assert.Equal([""], records[2].Fields);
        Assert.Equal(["d", "e"], records[3].Fields);
    }

    [Fact]
    public void Reader_NamesTheRecordAndColumnOfABadNumber()
    {
        const string csv = "mu,objective,bound,pguess,hmin,status,iterations,seconds,message\r\n0.5,j,ns,half,,optimal,,,\r\n";
        var error = Assert.Throws<ReportFormatException>(() => ReportCsvReader.Parse(csv, "s"));
        Assert.Equal("CSV record 2, column pguess: \"half\" is not a finite number.", error.Message);
    }

    [Fact]
    public void BellRows_AddAValueColumnAfterVisibility()
    {
        var report = new RunReport("s", [
            ResultRow.FromCriticalVisibility(ParameterSet.Empty, "steering", "steering", 0.5, RowStatus.Optimal, 9, 0.25),
            ResultRow.FromBellValue(ParameterSet.Empty, "chsh", "ns", 4, RowStatus.Optimal, 7, 0.125, "Bell value"),
        ]);
        var csv = ReportCsvWriter.ToCsv(report);
        Assert.Equal(
            "objective,bound,pguess,hmin,visibility,value,status,iterations,seconds,message\r\n" +
            "steering,steering,,,0.5,,optimal,9,0.25,\r\n" +
            "chsh,ns,,,,4,optimal,7,0.125,Bell value\r\n", csv);
        Assert.Equal(report.Rows, ReportCsvReader.Parse(csv, "s").Rows);
    }

    [Fact]
    public void NoBellRow_NoValueColumn()
    {
        var report = new RunReport("s", [ResultRow.FromGuessingProbability(ParameterSet.Empty, "joint", "ns", 0.5, RowStatus.Optimal)]);
        Assert.DoesNotContain("value", ReportCsvWriter.Columns(report));
    }
}
