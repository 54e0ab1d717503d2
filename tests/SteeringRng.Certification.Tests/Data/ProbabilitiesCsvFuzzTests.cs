using System.Diagnostics;
using SteeringRng.Certification.Data;
using SteeringRng.Certification.Input;
using SteeringRng.Scenario;

namespace SteeringRng.Certification.Tests.Data;

/// <summary>
/// Robustness of the probabilities reader, as the scenario parser is fuzzed (tests/SteeringRng.Scenario.Tests/FuzzTests):
/// mutated valid files and random text never throw anything but a located ScenarioInputException, never hang, and what
/// is accepted is a table of frequencies.
/// </summary>
public class ProbabilitiesCsvFuzzTests
{
    private static readonly string[] Fragments =
    [
        ",", "\"", "\"\"", "\r\n", "\n", "\r", "-", "+", "NaN", "Infinity", "1e400", "-0", "0.5", "9999999999999999999", "\u0000", "\u202E",
        "X", "Y", "Z", "W", "2", "count", "probability", "Alice.setting", "Bob.outcome", "Dave.setting", " ", "\t", "é", "#",
    ];

    private static (ProbabilityLayout Layout, string Valid) Fixture()
    {
        const string text = """
            node Alice trusted dim 2
            node Bob, Charlie untrusted dim 2
            measure Alice: X Z
            measure Bob, Charlie: X Y
            objective joint = guess Bob.X, Charlie.X
            param mu = [0.9]
            state = mu * ghz + (1 - mu) * white
            data = probabilities
            bounds ns
            """;
        var result = ScenarioLanguage.Check("t.scn", text);
        Assert.True(result.Succeeded, result.RenderDiagnostics());
        var run = Certification.Run.ScenarioRun.Plan(result.Scenarios[0]);
        var layout = run.Model.MeasuredData!.Layout!;
        var values = layout.Form.Observe(run.Points[0].Assemblage).Select(p => Math.Round(p * 1000)).ToArray();
        return (layout, ProbabilitiesCsv.Write(layout, values, counts: true));
    }

    private static string Mutate(Random rng, string text)
    {
        var edits = rng.Next(1, 7);
        for (var k = 0; k < edits; k++)
        {
            int a = rng.Next(text.Length + 1), b = rng.Next(text.Length + 1);
            int lo = Math.Min(a, b), hi = Math.Max(a, b);
            var piece = Fragments[rng.Next(Fragments.Length)];
            text = rng.Next(5) switch
            {
                0 => text.Remove(lo, Math.Min(hi - lo, 40)),
                1 => text.Insert(lo, piece),
                2 => text.Insert(lo, text.Substring(lo, Math.Min(hi - lo, 200))),
                3 => string.Join("\r\n", text.Split("\r\n").OrderBy(_ => rng.Next())),
                _ => hi > lo ? text.Remove(lo, 1).Insert(hi - 1, text[lo].ToString()) : text,
            };
        }
        return text;
    }

    private static void WellBehaved(ProbabilityLayout layout, string text)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            var table = ProbabilitiesCsv.Read("counts.csv", text, layout);
            Assert.Equal(layout.Rows, table.Values.Length);
            Assert.All(table.Values, v => Assert.True(double.IsFinite(v) && v >= 0 && v <= 1, $"value {v}"));
        }
        catch (ScenarioInputException e)
        {
            Assert.StartsWith("counts.csv: ", e.Message);
            Assert.DoesNotContain("\u0000", e.Message);
            Assert.DoesNotContain("\u202E", e.Message);
        }
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"took {clock.Elapsed} on {text.Length} characters");
    }

    [Fact]
    public void Mutated_files_are_read_or_refused_with_a_located_message()
    {
        var (layout, valid) = Fixture();
        WellBehaved(layout, valid);
        var rng = new Random(20261206);
        for (var i = 0; i < 3000; i++) WellBehaved(layout, Mutate(rng, valid));
    }

    [Fact]
    public void Random_text_is_refused_with_a_located_message()
    {
        var (layout, _) = Fixture();
        var rng = new Random(11);
        for (var i = 0; i < 2000; i++)
            WellBehaved(layout, string.Concat(Enumerable.Range(0, rng.Next(0, 60)).Select(_ => Fragments[rng.Next(Fragments.Length)])));
    }
}
