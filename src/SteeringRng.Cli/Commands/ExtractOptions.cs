using System.CommandLine;
using System.Globalization;
using SteeringRng.Cli.CommandLine;
using SteeringRng.Extraction;

namespace SteeringRng.Cli.Commands;

/// <summary>The parsed arguments of <c>steer extract</c>.</summary>
public sealed record ExtractOptions(string Input, string Seed, decimal Entropy, ExtractorError Error, string? Output, long? OutputBits);

/// <summary>The options of <c>steer extract</c>, declared once (it takes no positional argument: files come with options).</summary>
public sealed class ExtractSyntax
{
    private readonly Argument<string[]> stray = Declared.FileArguments("stray", "");
    private readonly Option<string?> input = CommonOptions.Path("--input", "FILE", "the raw bits (n = 8 x its size)");
    private readonly Option<string?> seed = CommonOptions.Path("--seed", "FILE", "uniform seed bits, at least n + m - 1 (the message says how many when short)");
    private readonly Option<decimal?> entropy = Declared.Value<decimal?>("--entropy", "K", "certified smooth min-entropy of the whole input, in bits (K <= n)", Entropy);
    private readonly Option<ExtractorError?> epsilon = Declared.Value<ExtractorError?>("--epsilon", "E",
        "extractor error: 2^-64 (exact) or a number such as 1e-20", Epsilon);
    private readonly Option<string?> output = CommonOptions.Path("--output", "FILE",
        "where to write the m bits (written atomically); without it the bits are computed and only their SHA-256 is printed");
    private readonly Option<long?> outputBits = Declared.Value<long?>("--output-bits", "M", "extract M bits instead of the maximum", OutputBits);

    public Command Declare(string name, string description)
    {
        // Words that are not options are taken here only to be refused with a hint (files come with --input and --seed).
        stray.Hidden = true;
        return new Command(name, description) { stray, input, seed, entropy, epsilon, output, outputBits };
    }

    /// <exception cref="UsageException">A stray word or a required option missing.</exception>
    public ExtractOptions Read(ParseResult parsed)
    {
        if (Declared.Files(parsed, stray).FirstOrDefault() is { } word)
            throw new UsageException($"unexpected argument '{word}' (files are given with --input and --seed).");
        var (inputFile, seedFile, k, e) = (parsed.GetValue(input), parsed.GetValue(seed), parsed.GetValue(entropy), parsed.GetValue(epsilon));
        var missing = new[] { ("--input", inputFile is null), ("--seed", seedFile is null), ("--entropy", k is null), ("--epsilon", e is null) }
            .Where(o => o.Item2).Select(o => o.Item1).ToList();
        if (missing.Count > 0) throw new UsageException($"missing {string.Join(", ", missing)}.");
        return new ExtractOptions(inputFile!, seedFile!, k!.Value, e!, parsed.GetValue(output), parsed.GetValue(outputBits));
    }

    private static decimal? Entropy(string k) =>
        decimal.TryParse(k, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new UsageException($"--entropy needs the certified smooth min-entropy of the whole input in bits, a positive number; got '{k}'.");

    private static ExtractorError? Epsilon(string e)
    {
        try { return ExtractorError.Parse(e); }
        catch (FormatException x) { throw new UsageException($"--epsilon: {x.Message}"); }
    }

    private static long? OutputBits(string m) =>
        long.TryParse(m, NumberStyles.None, CultureInfo.InvariantCulture, out var bits) && bits >= 1
            ? bits
            : throw new UsageException($"--output-bits needs a positive whole number of bits, got '{m}'.");
}
