using System.Globalization;
using System.Text.RegularExpressions;

namespace SteeringRng.Extraction;

/// <summary>
/// The extractor error ε ∈ (0, 1) as the user writes it: a power of two <c>2^-64</c> (also <c>2**-64</c>; exponent a
/// decimal number), kept exact, or a decimal number <c>1e-20</c>, <c>0.001</c>. What the output length needs is
/// log2(1/ε); <see cref="Log2InverseUpper"/> is never below the true value.
/// </summary>
public sealed partial record ExtractorError(string Text, decimal Log2InverseUpper, bool Exact)
{
    /// <summary>Relative margin added to a floating-point log2(1/ε) (the double's rounding and Math.Log2's are ≈ 1e-16).</summary>
    private const double Margin = 1e-12;

    private static decimal ExactPower(int k)
    {
        var p = 1m;
        for (var i = 0; i < k; i++) p /= 2;
        return p;
    }

    [GeneratedRegex(@"^\s*2\s*(\^|\*\*)\s*\(?\s*-\s*([0-9]+(\.[0-9]+)?)\s*\)?\s*$")]
    private static partial Regex PowerOfTwo();

    /// <exception cref="FormatException">Not a number in (0, 1) in one of the two forms; the message says which forms.</exception>
    public static ExtractorError Parse(string text)
    {
        var power = PowerOfTwo().Match(text);
        if (power.Success)
        {
            var exponent = decimal.Parse(power.Groups[2].Value, CultureInfo.InvariantCulture);
            if (exponent <= 0) throw new FormatException($"the error must be below 1, got '{text}'.");
            return new ExtractorError(text.Trim(), exponent, Exact: true);
        }
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || double.IsNaN(value))
            throw new FormatException($"'{text}' is not an error; write a power of two such as 2^-64 or a number such as 1e-20.");
        if (!(value > 0 && value < 1))
            throw new FormatException($"the error must lie strictly between 0 and 1, got '{text}'.");
        var log2Inverse = -Math.Log2(value);
        // A decimal that is exactly 2^-k (0.5, 0.25, 0.0009765625): exact, without the margin (decimal holds 2^-k exactly for k ≤ 28).
        if (double.IsInteger(log2Inverse) && log2Inverse <= 28
            && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var asDecimal) && asDecimal == ExactPower((int)log2Inverse))
            return new ExtractorError(text.Trim(), (decimal)log2Inverse, Exact: true);
        return new ExtractorError(text.Trim(), (decimal)(log2Inverse * (1 + Margin)) + 1e-12m, Exact: false);
    }
}
