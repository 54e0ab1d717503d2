namespace SteeringRng.Cli.Tests;

/// <summary>
/// <c>steer check</c> reads the probabilities CSV a scenario names, with the reader <c>steer run</c> uses, and points
/// into it: <c>data.csv:LINE: error SR1170: …</c> and the line (before, a bad CSV passed check and failed run).
/// </summary>
public sealed class DataFileCheckTests : IDisposable
{
    private readonly ScenarioFolder _folder = new("steer-datacheck-");

    public void Dispose() => _folder.Dispose();

    private const string Scenario = """
        node Alice trusted dim 2
        node Bob untrusted dim 2
        measure Alice: Z
        measure Bob: Z
        objective g = guess Bob.Z
        probabilities = file("d.csv")
        bounds ns

        """;

    // Alice and Bob measure Z on |00> + |11>: perfectly correlated, no-signalling (one setting each).
    private const string Good = "Alice.setting,Alice.outcome,Bob.setting,Bob.outcome,count\n" +
                                "Z,0,Z,0,50\nZ,0,Z,1,0\nZ,1,Z,0,0\nZ,1,Z,1,50\n";

    private CliRunner.Result Check(string csv, string scenario = Scenario)
    {
        File.WriteAllText(Path.Combine(_folder.Path, "d.csv"), csv);
        return CliRunner.Run("check", _folder.Write("s.scn", scenario));
    }

    private string CsvPath => Path.Combine(_folder.Path, "d.csv");

    [Fact]
    public void A_good_file_passes()
    {
        var r = Check(Good);
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Contains("ok (1 scenario(s), 0 warning(s))", r.Stdout);
    }

    [Theory]
    [InlineData("Z,1,Z,0,0\n", "Z,1,Z,0,-3\n", 4, "row 4: column 'count': negative count -3")]
    [InlineData("Z,1,Z,0,0\n", "Z,1,Z,7,0\n", 4, "row 4: column 'Bob.outcome': '7' is not an outcome of Bob.Z (0..1)")]
    [InlineData("Z,0,Z,1,0\n", "Z,0,W,1,0\n", 3, "row 3: column 'Bob.setting': 'W' is not a setting of Bob; its settings are Z")]
    [InlineData("Z,1,Z,1,50\n", "Z,0,Z,0,5\n", 5, "row 5: duplicate row: the event Alice=Z:0 Bob=Z:0 is already given in row 2")]
    [InlineData("count\n", "cnt\n", 1, "row 1 (header), column 5: unknown column 'cnt'")]
    [InlineData("Z,0,Z,1,0\n", "Z,0,\"Z\"x,1,0\n", 3, "malformed CSV: CSV line 3: text after the closing quote of a field.")]
    public void A_bad_row_is_an_error_at_its_line(string good, string bad, int line, string expected)
    {
        var r = Check(Good.Replace(good, bad));
        Assert.Equal(3, r.ExitCode);
        Assert.Contains($"{CsvPath}:{line}: error SR1170: {expected}", r.Stderr);
        // The offending line is shown under the message.
        Assert.Contains("\n  " + Good.Replace(good, bad).Split('\n')[line - 1].TrimEnd('\n'), r.Stderr.ReplaceLineEndings("\n"));
        Assert.DoesNotContain("   at ", r.Stderr);
        Assert.Contains("1 error(s)", r.Stderr);
    }

    [Fact]
    public void A_quoted_field_with_a_line_break_moves_the_line_not_the_row()
    {
        // The header's last field spans two lines, so row 4 starts on line 5 (rows are records, docs).
        var csv = "Alice.setting,Alice.outcome,Bob.setting,Bob.outcome,\"count\"\n" +
                  "Z,0,Z,0,50\nZ,0,Z,1,\"0\n\"\nZ,1,Z,0,-3\nZ,1,Z,1,50\n";
        var r = Check(csv);
        Assert.Equal(3, r.ExitCode);
        Assert.Contains($"{CsvPath}:5: error SR1170: row 4: column 'count'", r.Stderr);
    }

    [Fact]
    public void Lines_ended_by_CR_alone_are_counted_and_shown_as_lines()
    {
        var csv = Good.Replace("Z,1,Z,0,0\n", "Z,1,Z,0,-3\n").Replace('\n', '\r');
        var r = Check(csv);
        Assert.Equal(3, r.ExitCode);
        Assert.Contains($"{CsvPath}:4: error SR1170: row 4: column 'count': negative count -3", r.Stderr);
        Assert.Contains("\n  Z,1,Z,0,-3\n", r.Stderr.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void A_missing_row_is_an_error_at_the_file()
    {
        var r = Check(Good.Replace("Z,1,Z,0,0\n", ""));
        Assert.Equal(3, r.ExitCode);
        Assert.Contains($"{CsvPath}: error SR1170: missing row: no row for the event Alice=Z:1 Bob=Z:0", r.Stderr);
    }

    [Fact]
    public void Signalling_data_are_refused_by_check_and_repaired_with_a_warning()
    {
        // Alice's X marginal depends on Bob's setting: signalling.
        const string scenario = """
            node Alice trusted dim 2
            node Bob untrusted dim 2
            measure Alice: Z
            measure Bob: X Z
            objective g = guess Bob.Z
            probabilities = file("d.csv")
            bounds ns

            """;
        const string csv = "Alice.setting,Alice.outcome,Bob.setting,Bob.outcome,count\n" +
                           "Z,0,Z,0,50\nZ,0,Z,1,0\nZ,1,Z,0,0\nZ,1,Z,1,50\n" +
                           "Z,0,X,0,45\nZ,0,X,1,45\nZ,1,X,0,5\nZ,1,X,1,5\n";
        var refused = Check(csv, scenario);
        Assert.Equal(3, refused.ExitCode);
        Assert.Contains($"{CsvPath}: error SR1170: the data are not no-signalling", refused.Stderr);
        var repaired = Check(csv, scenario.Replace("bounds ns", "repair = nearest\nbounds ns"));
        Assert.True(repaired.ExitCode == 0, repaired.Stderr);
        Assert.Contains($"{CsvPath}: warning SR1171: ", repaired.Stderr);
        Assert.Contains("1 warning(s)", repaired.Stdout);
    }

    [Fact]
    public void Run_rejects_what_check_rejects()
    {
        File.WriteAllText(CsvPath, Good.Replace("Z,1,Z,0,0\n", "Z,1,Z,0,-3\n"));
        var r = CliRunner.Run("run", _folder.Write("s.scn", Scenario));
        Assert.Equal(3, r.ExitCode);
        Assert.Contains("row 4: column 'count': negative count -3", r.Stderr);
    }

    /// <summary>The repair onto Q_k builds the level's relaxation while the model loads: a level that cannot fit is refused
    /// then, in seconds, with the estimate (the shipped W-like counts at N = 10³ signal, so they need the repair).</summary>
    [Fact]
    public void A_counts_repair_onto_a_level_that_cannot_fit_is_refused_before_it_starts()
    {
        var sample = File.ReadAllText(Path.Combine(CliRunner.Root, "samples", "w-table1-counts.scn"));
        var first = sample[sample.IndexOf("scenario ", StringComparison.Ordinal)..];
        first = first[..first.IndexOf("\nscenario ", 1, StringComparison.Ordinal)];
        var data = Path.Combine(CliRunner.Root, "samples", "data", "w-table1-counts-1e3.csv").Replace("\\", "/");
        var scenario = first.Replace("file(\"data/w-table1-counts-1e3.csv\")", $"file(\"{data}\")")
            .Replace("bounds ns, npa 1, global", "bounds ns, npa 8");
        Assert.Contains("npa 8", scenario);
        var r = CliRunner.Run("run", _folder.Write("big.scn", scenario));
        Assert.Equal(3, r.ExitCode);
        Assert.Contains("repair = nearest would project the counts onto Q(npa 8)", r.Stderr);
        Assert.Contains("declare a lower npa level", r.Stderr);
        Assert.DoesNotContain("   at ", r.Stderr);
    }
}
