namespace SteeringRng.Extraction.Tests;

public class LeftoverHashTests
{
    [Theory]
    [InlineData("1000", "2^-64", 872)]      // 1000 − 128, exact
    [InlineData("1000.9", "2^-64", 872)]
    [InlineData("129", "2**-64", 1)]
    [InlineData("128", "2^-64", 0)]         // nothing left: the caller must refuse
    [InlineData("1000", "1e-20", 867)]      // 2·log2(1e20) = 132.877…
    [InlineData("1000", "0.5", 998)]        // a decimal that is exactly 2^-1: exact, no margin
    [InlineData("1000", "0.3", 996)]        // 2·log2(1/0.3) = 3.47…
    [InlineData("10", "2^-3.5", 3)]
    public void Output_length(string k, string epsilon, long m) =>
        Assert.Equal(m, LeftoverHash.OutputBits(decimal.Parse(k, System.Globalization.CultureInfo.InvariantCulture), ExtractorError.Parse(epsilon)));

    [Fact]
    public void A_decimal_error_never_gives_a_longer_output_than_the_true_value()
    {
        // k chosen so that k − 2 log2(1/ε) lies just above an integer for ε = 1e-20: log2(1e20) = 66.43856189774724…
        // 2·log2 = 132.87712379549449…; k = 1132.8771237955 leaves 1000.00000000000551 → 1000 (margin 1e-12 relative ≈ 1.3e-10 → 999).
        var m = LeftoverHash.OutputBits(1132.8771237955m, ExtractorError.Parse("1e-20"));
        Assert.InRange(m, 999, 1000);
        // Just below the integer: must not round up.
        Assert.Equal(999, LeftoverHash.OutputBits(1132.8771237954m, ExtractorError.Parse("1e-20")));
    }

    [Theory]
    [InlineData("2^-64", 64, true)]
    [InlineData(" 2 ^ -128 ", 128, true)]
    [InlineData("2^(-40)", 40, true)]
    public void Powers_of_two_are_exact(string text, int log2Inverse, bool exact)
    {
        var e = ExtractorError.Parse(text);
        Assert.Equal(log2Inverse, e.Log2InverseUpper);
        Assert.Equal(exact, e.Exact);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1")]
    [InlineData("2")]
    [InlineData("-1e-5")]
    [InlineData("2^64")]
    [InlineData("2^-0")]
    [InlineData("abc")]
    [InlineData("NaN")]
    [InlineData("")]
    public void Bad_errors_are_refused(string text) => Assert.Throws<FormatException>(() => ExtractorError.Parse(text));
}
