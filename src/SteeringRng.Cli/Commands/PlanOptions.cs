using System.Globalization;

namespace SteeringRng.Cli.Commands;

/// <summary>The parsed arguments of <c>steer plan</c>.</summary>
public sealed record PlanOptions(string Protocol, string? Csv, long? Bits, string? Plot = null, bool OptimiseReference = false)
{
    /// <exception cref="UsageException">An unknown option, a missing or bad value.</exception>
    public static PlanOptions Parse(IReadOnlyList<string> args)
    {
        string? protocol = null, csv = null, plot = null;
        long? bits = null;
        var optimise = false;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new UsageException($"option {arg} needs a value.");
            switch (arg)
            {
                case "--csv": csv = Value(); break;
                case "--optimise-reference": optimise = true; break;
                case "--plot":
                    plot = Value();
                    if (!SteeringRng.Reporting.PlotFileFormats.IsSupported(plot))
                        throw new UsageException($"--plot '{plot}': the extension chooses the format; supported: {SteeringRng.Reporting.PlotFileFormats.Supported}.");
                    break;
                case "--bits":
                    var text = Value();
                    if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var m) || m < 1)
                        throw new UsageException($"--bits needs a positive whole number of output bits, got '{text}'.");
                    bits = m;
                    break;
                default:
                    if (arg.StartsWith('-') && arg.Length > 1) throw new UsageException($"unknown option '{arg}'.");
                    if (protocol is not null) throw new UsageException($"unexpected argument '{arg}' (one protocol file).");
                    protocol = arg;
                    break;
            }
        }
        return new PlanOptions(protocol ?? throw new UsageException("no protocol file given."), csv, bits, plot, optimise);
    }
}
