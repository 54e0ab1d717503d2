using System.Text.Json;

namespace SteeringRng.Reporting.Tests;

public class JsonContractTests
{
    private static RunReport Example() => new("GHZ N=3", [
        ResultRow.FromGuessingProbability(ParameterSet.Of(("mu", 0.8), ("d", 2)), "joint", "ns", 0.3, RowStatus.Optimal, 25, 1.25),
        ResultRow.Failed(ParameterSet.Of(("mu", 0.8), ("d", 2)), "joint", "npa 2", RowStatus.IterationLimit, "stopped, \"slow\"\nsecond line", 200, 9.5),
        ResultRow.FromCriticalVisibility(ParameterSet.Of(("mu", 0.8), ("d", 2)), "steering", "steering", 0.5, RowStatus.Optimal, 10, 0.01),
    ], Interrupted: true);

    [Fact]
    public void TopLevelKeys_AreScenarioInterruptedRows()
    {
        using var json = JsonDocument.Parse(ReportJsonWriter.ToJson(Example()));
        Assert.Equal(["scenario", "interrupted", "rows"], json.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal("GHZ N=3", json.RootElement.GetProperty("scenario").GetString());
        Assert.True(json.RootElement.GetProperty("interrupted").GetBoolean());
    }

    [Fact]
    public void RowKeys_AreExactlyTheContractsInItsOrder()
    {
        using var json = JsonDocument.Parse(ReportJsonWriter.ToJson(Example()));
        var rows = json.RootElement.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(["parameters", "objective", "bound", "pguess", "hmin", "status", "iterations", "seconds"],
            rows[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(["parameters", "objective", "bound", "pguess", "hmin", "status", "iterations", "seconds", "message"],
            rows[1].EnumerateObject().Select(p => p.Name));
        Assert.Equal(["parameters", "objective", "bound", "pguess", "hmin", "visibility", "status", "iterations", "seconds"],
            rows[2].EnumerateObject().Select(p => p.Name));
        Assert.Equal(["mu", "d"], rows[0].GetProperty("parameters").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void RowValues_HaveTheContractsTypes()
    {
        using var json = JsonDocument.Parse(ReportJsonWriter.ToJson(Example()));
        var row = json.RootElement.GetProperty("rows")[0];
        Assert.Equal(0.8, row.GetProperty("parameters").GetProperty("mu").GetDouble());
        Assert.Equal("joint", row.GetProperty("objective").GetString());
        Assert.Equal("ns", row.GetProperty("bound").GetString());
        Assert.Equal(0.3, row.GetProperty("pguess").GetDouble());
        Assert.Equal(-Math.Log2(0.3), row.GetProperty("hmin").GetDouble());
        Assert.Equal("optimal", row.GetProperty("status").GetString());
        Assert.Equal(25, row.GetProperty("iterations").GetInt32());
        Assert.Equal(1.25, row.GetProperty("seconds").GetDouble());
        var failed = json.RootElement.GetProperty("rows")[1];
        Assert.Equal(JsonValueKind.Null, failed.GetProperty("pguess").ValueKind);
        Assert.Equal(JsonValueKind.Null, failed.GetProperty("hmin").ValueKind);
    }

    [Fact]
    public void RoundTrip_GivesBackEqualRows()
    {
        var report = Example();
        var back = ReportJsonReader.Parse(ReportJsonWriter.ToJson(report));
        Assert.Equal(report.Scenario, back.Scenario);
        Assert.Equal(report.Interrupted, back.Interrupted);
        Assert.Equal(report.Rows, back.Rows);
    }

    [Fact]
    public void ASteeringRowOfAWhiteNoiseFamily_CarriesTheCriticalParameter_AfterTheVisibility()
    {
        // GHZ, N = 4, X Y at μ = 0.5: v* = 1/√2 relative to the point's state, the family's threshold μ* = μ v* = √2/4.
        var row = ResultRow.FromCriticalVisibility(ParameterSet.Of(("mu", 0.5)), "steering test", "steering", Math.Sqrt(0.5), RowStatus.Optimal, 10, 0.01)
            with { Critical = ParameterSet.Of(("mu", Math.Sqrt(2) / 4)) };
        var text = ReportJsonWriter.ToJson(new RunReport("s", [row]));
        using var json = JsonDocument.Parse(text);
        var written = json.RootElement.GetProperty("rows")[0];
        Assert.Equal(["parameters", "objective", "bound", "pguess", "hmin", "visibility", "critical", "status", "iterations", "seconds"],
            written.EnumerateObject().Select(p => p.Name));
        Assert.Equal(Math.Sqrt(2) / 4, written.GetProperty("critical").GetProperty("mu").GetDouble());
        var back = ReportJsonReader.Parse(text).Rows.Single();
        Assert.Equal(row, back);
        Assert.Equal(Math.Sqrt(2) / 4, back.Critical!.Single().Value);
    }

    [Theory]
    [InlineData(0.1)]
    [InlineData(1.0 / 3.0)]
    [InlineData(0.30000000000000004)]
    [InlineData(Math.PI)]
    [InlineData(double.Epsilon)]
    [InlineData(double.MaxValue)]
    [InlineData(2.2250738585072014E-308)]
    [InlineData(0.7071067811865476)]
    public void RoundTrip_KeepsEveryBitOfADouble(double value)
    {
        var row = new ResultRow
        {
            Parameters = ParameterSet.Of(("x", value)), Objective = "joint", Bound = "ns",
            Pguess = value, Hmin = value, Status = RowStatus.Optimal, Seconds = value,
        };
        using var _ = new CultureScope();
        var back = ReportJsonReader.Parse(ReportJsonWriter.ToJson(new RunReport("s", [row]))).Rows.Single();
        Assert.Equal(BitConverter.DoubleToInt64Bits(value), BitConverter.DoubleToInt64Bits(back.Pguess!.Value));
        Assert.Equal(BitConverter.DoubleToInt64Bits(value), BitConverter.DoubleToInt64Bits(back.Hmin!.Value));
        Assert.Equal(BitConverter.DoubleToInt64Bits(value), BitConverter.DoubleToInt64Bits(back.Parameters[0].Value));
    }

    [Fact]
    public void Numbers_IgnoreACommaDecimalCulture()
    {
        using var _ = new CultureScope();
        var json = ReportJsonWriter.ToJson(new RunReport("s", [SampleReports.Optimal(0.75, "joint", "ns", 0.5)]));
        Assert.Contains("\"mu\": 0.75", json);
        Assert.Contains("\"pguess\": 0.5", json);
    }

    [Fact]
    public void NaNAndInfinity_AreWrittenAsNullWithAMessage()
    {
        // P_guess = 0 gives H_min = +∞; a solver may also hand back NaN.
        var rows = new[]
        {
            ResultRow.FromGuessingProbability(ParameterSet.Of(("mu", 0.5)), "joint", "ns", 0.0, RowStatus.Optimal),
            ResultRow.FromGuessingProbability(ParameterSet.Of(("mu", 0.6)), "joint", "ns", double.NaN, RowStatus.NumericalFailure, message: "breakdown"),
        };
        var json = ReportJsonWriter.ToJson(new RunReport("s", rows));
        using var document = JsonDocument.Parse(json);
        var first = document.RootElement.GetProperty("rows")[0];
        Assert.Equal(0.0, first.GetProperty("pguess").GetDouble());
        Assert.Equal(JsonValueKind.Null, first.GetProperty("hmin").ValueKind);
        Assert.Equal("hmin was Infinity (written as null)", first.GetProperty("message").GetString());
        var second = document.RootElement.GetProperty("rows")[1];
        Assert.Equal(JsonValueKind.Null, second.GetProperty("pguess").ValueKind);
        Assert.Equal("breakdown; pguess was NaN (written as null); hmin was NaN (written as null)", second.GetProperty("message").GetString());

        var back = ReportJsonReader.Parse(json);
        Assert.Null(back.Rows[0].Hmin);
        Assert.Null(back.Rows[1].Pguess);
    }

    [Fact]
    public void NonFiniteParameter_IsNullAndReadBackAsNaN()
    {
        var row = SampleReports.Optimal(double.PositiveInfinity, "joint", "ns", 0.5);
        var json = ReportJsonWriter.ToJson(new RunReport("s", [row]));
        Assert.Contains("\"mu\": null", json);
        Assert.Contains("parameter mu was Infinity", json);
        Assert.True(double.IsNaN(ReportJsonReader.Parse(json).Rows[0].Parameters[0].Value));
    }

    [Fact]
    public void Reader_IgnoresUnknownKeys_AndDefaultsOptionalOnes()
    {
        var report = ReportJsonReader.Parse("""
            {"scenario": "s", "future": [1, 2], "rows": [
              {"parameters": {}, "objective": "joint", "bound": "ns", "status": "error", "extra": true}
            ]}
            """);
        var row = Assert.Single(report.Rows);
        Assert.False(report.Interrupted);
        Assert.Null(row.Pguess);
        Assert.Null(row.Iterations);
        Assert.Equal("", row.Message);
    }

    [Theory]
    [InlineData("""{"rows": []}""", "scenario: required key \"scenario\" is missing.")]
    [InlineData("""{"scenario": "s", "rows": [{"parameters": {}, "bound": "ns", "status": "optimal"}]}""", "rows[0].objective: required key")]
    [InlineData("""{"scenario": "s", "rows": [{"parameters": {}, "objective": "j", "bound": "ns", "pguess": "0.5", "status": "optimal"}]}""", "rows[0].pguess: expected a finite number, found string \"0.5\"")]
    [InlineData("""{"scenario": "s", "rows": [{"parameters": {"mu": true}, "objective": "j", "bound": "ns", "status": "optimal"}]}""", "rows[0].parameters.mu: expected a finite number")]
    [InlineData("""{"scenario": "s", "rows": [{"parameters": {}, "objective": "j", "bound": "ns", "status": "optimal", "iterations": 2.5}]}""", "rows[0].iterations: expected an integer or null")]
    [InlineData("""{"scenario": "s", "rows": {}}""", "rows: expected an array")]
    [InlineData("""[1]""", "the top level: expected an object")]
    [InlineData("""{"scenario": "s", """, "Not valid JSON (line 1")]
    public void Reader_NamesWhereTheInputIsWrong(string json, string expected)
    {
        var error = Assert.Throws<ReportFormatException>(() => ReportJsonReader.Parse(json));
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void TheContractsExample_IsExactlyWhatTheWriterWrites()
    {
        var document = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "JSON-CONTRACT.md"));
        var start = document.IndexOf("```json\n", StringComparison.Ordinal) + "```json\n".Length;
        var example = document[start..document.IndexOf("\n```", start, StringComparison.Ordinal)];
        var report = ReportJsonReader.Parse(example);
        Assert.Equal(2.0, report.Rows[0].Hmin);
        Assert.Equal(MinEntropy.Bits(report.Rows[0].Pguess!.Value), report.Rows[0].Hmin);
        Assert.Equal(example, ReportJsonWriter.ToJson(report).ReplaceLineEndings("\n"));
    }

    [Fact]
    public void BellRow_HasAValueKeyAndNullRandomness_AndRoundTrips()
    {
        var report = new RunReport("CHSH", [
            ResultRow.FromBellValue(ParameterSet.Empty, "chsh", "npa 1", 2.8284271247461903, RowStatus.Optimal, 12, 0.5, "Bell value"),
            ResultRow.FromBellValue(ParameterSet.Empty, "chsh", "ns", double.PositiveInfinity, RowStatus.Optimal),
        ]);
        var text = ReportJsonWriter.ToJson(report);
        using var json = JsonDocument.Parse(text);
        var row = json.RootElement.GetProperty("rows")[0];
        Assert.Equal(["parameters", "objective", "bound", "pguess", "hmin", "value", "status", "iterations", "seconds", "message"],
            row.EnumerateObject().Select(p => p.Name));
        Assert.Equal(2.8284271247461903, row.GetProperty("value").GetDouble());
        Assert.Equal(JsonValueKind.Null, row.GetProperty("pguess").ValueKind);
        Assert.Equal(JsonValueKind.Null, row.GetProperty("hmin").ValueKind);
        var infinite = json.RootElement.GetProperty("rows")[1];
        Assert.False(infinite.TryGetProperty("value", out _));
        Assert.Equal("value was Infinity (written as null)", infinite.GetProperty("message").GetString());
        var back = ReportJsonReader.Parse(text);
        Assert.Equal(report.Rows[0], back.Rows[0]);
        Assert.Null(back.Rows[1].Value);
    }
}
