using SteeringRng.Sdp.Certificates;

namespace SteeringRng.Sdp.Tests;

/// <summary>
/// <see cref="Dyadic"/> (m·2^e, no gcd) against <see cref="Rational"/> arithmetic on the same doubles: sums,
/// differences, products and comparisons must agree exactly, across magnitudes from subnormal to 2^300 and through
/// cancellation to zero.
/// </summary>
public class CertificateDyadicTests
{
    [Fact]
    public void Arithmetic_EqualsRationalArithmetic()
    {
        var random = new Random(29);
        double Draw() => random.Next(5) == 0
            ? double.Epsilon * random.Next(1, 9)
            : (random.NextDouble() - 0.5) * Math.ScaleB(1.0, random.Next(-300, 300));
        for (var trial = 0; trial < 300; trial++)
        {
            var (a, b, c) = (Draw(), Draw(), Draw());
            var (da, db, dc) = (Dyadic.FromDouble(a), Dyadic.FromDouble(b), Dyadic.FromDouble(c));
            var (ra, rb, rc) = (Rational.FromDouble(a), Rational.FromDouble(b), Rational.FromDouble(c));
            Assert.Equal(ra * rb + rc, (da * db + dc).ToRational());
            Assert.Equal(ra - rb * rc, (da - db * dc).ToRational());
            Assert.Equal((ra * rb).CompareTo(rc), (da * db).CompareTo(dc));
        }
    }

    [Fact]
    public void Cancellation_GivesZero_AndSmallDifferencesSurvive()
    {
        var x = Dyadic.FromDouble(1e300) + Dyadic.FromDouble(0.1) - Dyadic.FromDouble(1e300);
        Assert.Equal(Rational.FromDouble(0.1), x.ToRational());
        Assert.True((x - Dyadic.FromDouble(0.1)).IsZero);
        Assert.True(Dyadic.FromDouble(0.1) * Dyadic.FromDouble(0.1) > Dyadic.FromDouble(0.01)
                    == (Rational.FromDouble(0.1) * Rational.FromDouble(0.1) > Rational.FromDouble(0.01)));
    }
}
