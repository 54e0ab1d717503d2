using System.CommandLine;
using System.CommandLine.Parsing;

namespace SteeringRng.Cli.CommandLine;

/// <summary>
/// The first parse error as one plain sentence in steer's words: an option without its value is
/// "option --solver needs a value.", a stray option "unknown option '--fast'.", a stray word "unexpected argument 'x'.";
/// a value a declared parser refused keeps that parser's message (it names the option and the value).
/// </summary>
public static class ParseErrorText
{
    public static string? First(ParseResult parsed)
    {
        var error = parsed.Errors.FirstOrDefault();
        if (error is null) return null;
        if (MissingValue(error) is { } option) return $"option {option.Name} needs a value.";
        if (parsed.UnmatchedTokens.FirstOrDefault() is { } stray)
            return stray.StartsWith('-') && stray.Length > 1 ? $"unknown option '{stray}'." : $"unexpected argument '{stray}'.";
        return error.Message;
    }

    /// <summary>The option of an error about its missing value (the option is the last token, or is followed by another option).</summary>
    private static Option? MissingValue(ParseError error)
    {
        var option = error.SymbolResult switch
        {
            OptionResult o => o,
            ArgumentResult { Parent: OptionResult o } => o,
            _ => null,
        };
        return option is { Tokens.Count: 0 } && option.Option.Arity.MinimumNumberOfValues > 0 ? option.Option : null;
    }
}
