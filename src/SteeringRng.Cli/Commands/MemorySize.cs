using System.Globalization;

namespace SteeringRng.Cli.Commands;

/// <summary>A memory size as the user writes it: bytes, or a number with K, M, G or T (powers of 1000; "8G", "512M").</summary>
public static class MemorySize
{
    /// <exception cref="UsageException">Not a positive size.</exception>
    public static double Parse(string text)
    {
        var t = text.Trim().ToUpperInvariant().TrimEnd('B');
        var scale = t.Length == 0 ? 1 : t[^1] switch { 'K' => 1e3, 'M' => 1e6, 'G' => 1e9, 'T' => 1e12, _ => 1 };
        if (scale > 1) t = t[..^1];
        if (!double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) || !(x > 0) || double.IsInfinity(x))
            throw new UsageException($"--memory-limit needs a positive size such as 8G or 512M, got '{text}'.");
        return x * scale;
    }
}
