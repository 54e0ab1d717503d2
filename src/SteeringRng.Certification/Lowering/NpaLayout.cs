using System.Globalization;
using System.Text;
using SteeringRng.Algebra;
using SteeringRng.Certification.Bounds;
using SteeringRng.Certification.Input;
using SteeringRng.Relaxation;
using Checked = SteeringRng.Scenario.Checked;

namespace SteeringRng.Certification.Lowering;

/// <summary>
/// The generating set (numbered words) and the moment-matrix word layout of an NPA level of a scenario, as text, for
/// people designing new levels (<c>steer show</c>). Parties are printed with one letter each (B, C, … for a guess
/// objective, A, B, … for a Bell objective); B0|1 is Bob's projector for outcome 0 of setting 1.
/// </summary>
public static class NpaLayout
{
    /// <param name="objectiveName">Which objective (null: the first); it fixes the party letters.</param>
    /// <param name="level">A level in the printed letters ("1+BC"); null: the scenario's first npa bound, else 1.</param>
    /// <param name="refuse">Given |S| before the moment matrix is laid out: why it must not be (then ScenarioInputException), or null.</param>
    /// <exception cref="ScenarioInputException">No such objective, or a level that does not parse (usage errors); a refused size.</exception>
    public static string Describe(ScenarioModel model, string? objectiveName, string? level, Func<int, string?>? refuse = null)
    {
        var scenario = model.Scenario;
        var objective = objectiveName is null
            ? scenario.Objectives.FirstOrDefault()
            : scenario.Objectives.FirstOrDefault(o => o.Name == objectiveName)
              ?? throw new ScenarioInputException($"--objective: scenario '{scenario.Title}' has no objective '{objectiveName}'; its objectives are {string.Join(", ", scenario.Objectives.Select(o => o.Name))}.", isUsage: true);
        var bell = objective?.Kind.IsBell ?? !model.HasTrustedNode;
        var names = BellScenarios.PartyLetters(model.Untrusted.Count, bell ? 'A' : 'B');
        var algebra = new SteeringRng.Algebra.Scenario(model.Untrusted.Select((n, j) => new Party(names[j], n.Settings.Select(x => x.Outcomes).ToArray())));
        var first = scenario.Bounds.OfType<Checked.Bound.Npa>().FirstOrDefault();
        Word[] words;
        string levelText;
        try
        {
            (words, levelText) = level is not null ? (GeneratingSet.parse(algebra, level), level)
                : first is not null ? (GeneratingSet.build(algebra, NpaGeneratingSet.Of((BoundSpec.Npa)BoundSpecs.Of(model, first))), first.level.Text)
                : (GeneratingSet.level(algebra, 1), "1");
        }
        catch (ArgumentException e) { throw new ScenarioInputException($"--level '{level}': {e.Message}", isUsage: true); }
        if (refuse?.Invoke(words.Length) is { } refusal) throw new ScenarioInputException($"level {levelText}: {refusal}");
        var moments = MomentMatrix.Build(words);

        var text = new StringBuilder();
        text.AppendLine($"Scenario: {scenario.Title}");
        text.AppendLine($"Objective: {objective?.Name ?? "(none)"} ({(bell ? "Bell: scalar moments" : $"guess: {scenario.TrustedNodes.Aggregate(1, (p, n) => p * n.Dim)}-dimensional trusted blocks")})");
        text.AppendLine("Parties: " + string.Join(", ", model.Untrusted.Select((n, j) =>
            $"{names[j]} = {n.Name} ({string.Join(", ", n.Settings.Select((x, k) => $"{k}:{x.Label}/{x.Outcomes}"))})")));
        text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"Level {levelText}: {words.Length} words, moment matrix {moments.Size} x {moments.Size}"));
        text.AppendLine();
        text.AppendLine("Generating set:");
        text.AppendLine(Layout.monomials(algebra, words));
        text.AppendLine();
        text.AppendLine("Moment matrix (entry = u^dagger v):");
        text.Append(Layout.momentMatrix(algebra, moments));
        return text.ToString();
    }
}
