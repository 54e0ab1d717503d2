using System.Globalization;
using SteeringRng.Extraction;

namespace SteeringRng.Cli.Commands;

/// <summary>The parsed arguments of <c>steer extract</c>.</summary>
public sealed record ExtractOptions(string Input, string Seed, decimal Entropy, ExtractorError Error, string? Output, long? OutputBits)
{
    /// <exception cref="UsageException">An unknown option, a missing or bad value, or a required option missing.</exception>
    public static ExtractOptions Parse(IReadOnlyList<string> args)
    {
        string? input = null, seed = null, output = null;
        decimal? entropy = null;
        ExtractorError? error = null;
        long? outputBits = null;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new UsageException($"option {arg} needs a value.");
            switch (arg)
            {
                case "--input": input = Value(); break;
                case "--seed": seed = Value(); break;
                case "--output": output = Value(); break;
                case "--entropy":
                    var k = Value();
                    if (!decimal.TryParse(k, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value <= 0)
                        throw new UsageException($"--entropy needs the certified smooth min-entropy of the whole input in bits, a positive number; got '{k}'.");
                    entropy = value;
                    break;
                case "--epsilon":
                    var e = Value();
                    try { error = ExtractorError.Parse(e); }
                    catch (FormatException x) { throw new UsageException($"--epsilon: {x.Message}"); }
                    break;
                case "--output-bits":
                    var m = Value();
                    if (!long.TryParse(m, NumberStyles.None, CultureInfo.InvariantCulture, out var bits) || bits < 1)
                        throw new UsageException($"--output-bits needs a positive whole number of bits, got '{m}'.");
                    outputBits = bits;
                    break;
                default:
                    throw new UsageException(arg.StartsWith('-') ? $"unknown option '{arg}'." : $"unexpected argument '{arg}' (files are given with --input and --seed).");
            }
        }
        var missing = new[] { ("--input", input is null), ("--seed", seed is null), ("--entropy", entropy is null), ("--epsilon", error is null) }
            .Where(o => o.Item2).Select(o => o.Item1).ToList();
        if (missing.Count > 0) throw new UsageException($"missing {string.Join(", ", missing)}.");
        return new ExtractOptions(input!, seed!, entropy!.Value, error!, output, outputBits);
    }
}
