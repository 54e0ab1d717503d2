using SteeringRng.Certification.Data;
using SteeringRng.Certification.Input;
using SteeringRng.Scenario;

namespace SteeringRng.Certification.Tests.Data;

/// <summary>
/// The CSV layer under the probabilities reader (Input/CsvRecords on Sep): line ends, a byte-order mark, quoted fields
/// across lines, and misplaced quotes, each refused at the line of the fault (what <c>steer check</c> prints as file:line).
/// </summary>
public class ProbabilitiesCsvFormatTests
{
    // Alice and Bob measure Z on |00> + |11>: 50 counts each of 00 and 11.
    private const string Good = "Alice.setting,Alice.outcome,Bob.setting,Bob.outcome,count\r\n" +
                                "Z,0,Z,0,50\r\nZ,0,Z,1,0\r\nZ,1,Z,0,0\r\nZ,1,Z,1,50\r\n";

    private static ProbabilityLayout Layout()
    {
        const string text = """
            node Alice trusted dim 2
            node Bob untrusted dim 2
            measure Alice: Z
            measure Bob: Z
            objective g = guess Bob.Z
            state = ghz
            data = probabilities
            bounds ns
            """;
        var result = ScenarioLanguage.Check("t.scn", text);
        Assert.True(result.Succeeded, result.RenderDiagnostics());
        return Certification.Run.ScenarioRun.Plan(result.Scenarios[0]).Model.MeasuredData!.Layout!;
    }

    private static ScenarioInputException Refused(string csv) =>
        Assert.Throws<ScenarioInputException>(() => ProbabilitiesCsv.Read("d.csv", csv, Layout()));

    [Theory]
    [InlineData("\r\n")]
    [InlineData("\n")]
    [InlineData("\r")]
    public void Line_ends_and_a_byte_order_mark_do_not_change_the_table(string end)
    {
        var layout = Layout();
        var expected = ProbabilitiesCsv.Read("d.csv", Good, layout);
        var edited = ProbabilitiesCsv.Read("d.csv", "\uFEFF" + Good.Replace("\r\n", end), layout);
        Assert.Equal(expected.Values, edited.Values);
        Assert.Equal(expected.Totals, edited.Totals);
        // |00> + |11>: outcomes equal with probability 1/2 each (counts 50 of 100).
        Assert.Equal(new[] { 0.5, 0.0, 0.0, 0.5 }, edited.Values);
    }

    [Theory]
    [InlineData("Z,0,Z,1,0\r\n", "Z,0,Z\"x\",1,0\r\n", 3, "CSV line 3: a double quote inside an unquoted field.")]
    [InlineData("Z,0,Z,1,0\r\n", "Z,0,\"Z\"x,1,0\r\n", 3, "CSV line 3: text after the closing quote of a field.")]
    [InlineData("Z,1,Z,1,50\r\n", "Z,1,Z,1,\"50\r\n", 5, "CSV line 5: a quoted field is never closed.")]
    [InlineData("Z,0,Z,1,0\r\n", "Z,0,\"Z\r\n\"y,1,0\r\n", 4, "CSV line 4: text after the closing quote of a field.")]
    public void A_misplaced_quote_is_refused_at_its_line(string good, string bad, int line, string expected)
    {
        var e = Refused(Good.Replace(good, bad));
        Assert.Equal($"d.csv: malformed CSV: {expected}", e.Message);
        Assert.Equal(line, e.DataLine);
    }

    [Fact]
    public void A_ragged_row_after_a_multi_line_field_is_located_at_its_first_line()
    {
        // Row 2's count spans two lines ("50" and a line break, trimmed): row 3 starts on line 4, with 4 fields of 5.
        var csv = Good.Replace("Z,0,Z,0,50\r\n", "Z,0,Z,0,\"50\r\n\"\r\n").Replace("Z,0,Z,1,0\r\n", "Z,0,Z,1\r\n");
        var e = Refused(csv);
        Assert.Equal("d.csv: row 3: 4 fields, but the header has 5", e.Message);
        Assert.Equal(4, e.DataLine);
    }

    [Fact]
    public void Quoted_fields_are_unquoted_and_written_quotes_only_where_needed()
    {
        var layout = Layout();
        var quoted = Good.Replace("Z,1,Z,1,50", "\"Z\",\"1\",Z,1,\"50\"");
        Assert.Equal(ProbabilitiesCsv.Read("d.csv", Good, layout).Values, ProbabilitiesCsv.Read("d.csv", quoted, layout).Values);
        Assert.Equal(Good, ProbabilitiesCsv.Write(layout, [50, 0, 0, 50], counts: true));
    }
}
