using System.CommandLine;
using System.CommandLine.Parsing;
using SteeringRng.Certification.Input;
using SteeringRng.Cli.Commands;

namespace SteeringRng.Cli.CommandLine;

/// <summary>
/// Building blocks for declaring options whose values are read by steer's own parsers: a parser throws
/// <see cref="UsageException"/> with a message naming the option and the value, which becomes the parse error, so
/// every command says "--tolerance needs a number, got 'small'." the same way.
/// </summary>
public static class Declared
{
    /// <summary>
    /// An option with one value, read by <paramref name="parse"/>; absent: <paramref name="absent"/>. Given twice, the
    /// last one counts (as it always did for steer: a script may append an override to a fixed command line).
    /// </summary>
    public static Option<T> Value<T>(string name, string helpName, string description, Func<string, T> parse, T absent = default!) =>
        new(name)
        {
            HelpName = helpName, Description = description, DefaultValueFactory = _ => absent,
            Arity = LastWins, AllowMultipleArgumentsPerToken = false,
            CustomParser = result => Read(result, parse, absent),
        };

    /// <summary>One value per occurrence (<c>--opt a b</c> takes only a), any number of occurrences.</summary>
    private static readonly ArgumentArity LastWins = new(1, 100_000);

    /// <summary><paramref name="option"/>, whose values tab completion offers from <paramref name="values"/>.</summary>
    public static Option<T> Completing<T>(this Option<T> option, params string[] values)
    {
        option.CompletionSources.Add(values);
        return option;
    }

    /// <summary>An option that may be given several times (each <c>--set</c> adds one), read one value at a time.</summary>
    public static Option<IReadOnlyList<T>> Repeated<T>(string name, string helpName, string description, Func<string, T> parse) =>
        new(name)
        {
            HelpName = helpName, Description = description, AllowMultipleArgumentsPerToken = false,
            Arity = ArgumentArity.OneOrMore, DefaultValueFactory = _ => [],
            CustomParser = result => result.Tokens.Select(t => Read(result, parse, default(T)!, t.Value)).ToList(),
        };

    /// <summary>A flag: present or not, takes no value.</summary>
    public static Option<bool> Flag(string name, string description) =>
        new(name) { Description = description, Arity = ArgumentArity.Zero };

    /// <summary>The command's input files: any number of words, checked by <see cref="Files"/>.</summary>
    public static Argument<string[]> FileArguments(string helpName, string description) =>
        new(helpName) { HelpName = helpName, Description = description, Arity = ArgumentArity.ZeroOrMore };

    /// <summary>Exactly one input file; a word starting with '-' that no option took is an unknown option.</summary>
    /// <exception cref="UsageException">None, several, or an unknown option.</exception>
    public static string OneFile(ParseResult parsed, Argument<string[]> files, string noneMessage)
    {
        var words = Files(parsed, files);
        if (words.Count > 1) throw new UsageException($"only one file is accepted, got '{words[0]}' and '{words[1]}'.");
        return words.Count == 1 ? words[0] : throw new UsageException(noneMessage);
    }

    /// <summary>The input files given (possibly none); a word starting with '-' that no option took is an unknown option.</summary>
    /// <exception cref="UsageException">An unknown option.</exception>
    public static IReadOnlyList<string> Files(ParseResult parsed, Argument<string[]> files)
    {
        var words = parsed.GetValue(files) ?? [];
        if (words.FirstOrDefault(w => w.StartsWith('-') && w.Length > 1) is { } unknown) throw new UsageException($"unknown option '{unknown}'.");
        return words;
    }

    /// <summary>A positive whole number given to <paramref name="option"/>.</summary>
    /// <exception cref="UsageException">Anything else.</exception>
    public static int PositiveInteger(string option, string text) =>
        int.TryParse(text, out var n) && n >= 1 ? n : throw new UsageException($"{option} needs a positive integer, got '{text}'.");

    /// <summary>Whether the option was given on the command line (not just its default).</summary>
    public static bool Given(ParseResult parsed, Option option) => parsed.GetResult(option) is { Implicit: false };

    private static T Read<T>(ArgumentResult result, Func<string, T> parse, T absent, string? token = null)
    {
        if (token is null && result.Tokens.Count == 0) return absent;
        try { return parse(token ?? result.Tokens[^1].Value); }
        catch (UsageException e)
        {
            result.AddError(e.Message);
            return absent;
        }
        catch (ScenarioInputException e) when (e.IsUsage)
        {
            result.AddError(e.Message);
            return absent;
        }
    }
}
