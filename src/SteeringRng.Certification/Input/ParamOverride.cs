using SteeringRng.Scenario;

namespace SteeringRng.Certification.Input;

/// <summary>
/// One <c>--set name=value</c> from the command line: the value is text of the scenario language, as it would
/// stand after <c>param name =</c> (<c>0.5</c>, <c>0.3 .. 1 step 0.05</c>, <c>[0.5, 0.51]</c>). It is spliced into
/// the scenario text in place of the declared value, so the checker sees (and reports on) exactly what ran.
/// </summary>
public sealed record ParamOverride(string Name, string ValueText)
{
    /// <exception cref="ScenarioInputException">Not of the form name=value.</exception>
    public static ParamOverride Parse(string text)
    {
        var eq = text.IndexOf('=');
        if (eq <= 0 || eq == text.Length - 1)
            throw new ScenarioInputException($"--set needs name=value (e.g. --set mu=0.5 or --set \"mu=0.5 .. 0.6 step 0.05\"), got '{text}'.", isUsage: true);
        var name = text[..eq].Trim();
        if (name.Length == 0 || !name.All(c => char.IsLetterOrDigit(c) || c == '_') || char.IsDigit(name[0]))
            throw new ScenarioInputException($"--set: '{name}' is not a parameter name.", isUsage: true);
        return new ParamOverride(name, text[(eq + 1)..].Trim());
    }

    /// <summary>
    /// The text with every <c>param NAME = …</c> value of the main file replaced. Parameters declared in included
    /// files cannot be overridden (the message says so).
    /// </summary>
    /// <exception cref="ScenarioInputException">A parameter is not declared in the file.</exception>
    public static string Apply(string fileName, string text, IReadOnlyList<ParamOverride> overrides)
    {
        if (overrides.Count == 0) return text;
        var parsed = ScenarioLanguage.Parse(fileName, text);
        var declared = parsed.Syntax.Scenarios
            .SelectMany(s => s.Statements)
            .Select(s => s.IsParam ? ((SynStatement.Param)s).Item : null)
            .OfType<SynParam>()
            .ToList();
        var splices = new List<(int Start, int End, string Text)>();
        foreach (var o in overrides)
        {
            var matches = declared.Where(p => p.Name.Name == o.Name).ToList();
            if (matches.Count == 0)
            {
                var names = declared.Select(p => p.Name.Name).Distinct().ToList();
                throw new ScenarioInputException($"--set {o.Name}: the scenario declares no parameter '{o.Name}'" +
                    (names.Count == 0 ? "." : $"; its parameters are {string.Join(", ", names)}."), isUsage: true);
            }
            foreach (var p in matches)
            {
                var range = p.Value.Range;
                if (range.File != fileName)
                    throw new ScenarioInputException($"--set {o.Name}: the parameter is declared in the included file '{range.File}'; edit it there.", isUsage: true);
                // A single value for a swept parameter stays a (one-point) sweep: rows keep the parameter, and
                // statements that need a swept parameter (plot) still hold.
                var single = !o.ValueText.Contains("..", StringComparison.Ordinal) && !o.ValueText.TrimStart().StartsWith('[');
                var spliced = single && !p.Value.IsSingle ? $"[{o.ValueText}]" : o.ValueText;
                splices.Add((range.StartIndex, range.EndIndex, spliced));
            }
        }
        // Shared statements appear once per scenario with the same range: splice each place once, last first.
        var result = text;
        foreach (var (start, end, value) in splices.DistinctBy(s => s.Start).OrderByDescending(s => s.Start))
            result = result[..start] + value + result[end..];
        return result;
    }
}
