using System.Numerics;
using SteeringRng.Sdp.Certificates;

namespace SteeringRng.Sdp.Tests;

/// <summary>
/// <see cref="ExactSum"/> (integer over a power of two, the certificate's hot loops) against plain <see cref="Rational"/>
/// arithmetic, which normalises every step: the two must agree exactly, including non-dyadic terms and cancellation.
/// </summary>
public class CertificateExactSumTests
{
    [Fact]
    public void DoublesAndProducts_EqualTheRationalSum()
    {
        var random = new Random(13);
        for (var trial = 0; trial < 200; trial++)
        {
            var sum = new ExactSum();
            var expected = Rational.Zero;
            for (var t = 0; t < 30; t++)
            {
                // Magnitudes from 2^-1074 (subnormal) to 2^300, both signs.
                var a = (random.NextDouble() - 0.5) * Math.ScaleB(1.0, random.Next(-300, 300));
                var b = random.Next(4) == 0 ? double.Epsilon * random.Next(1, 9) : (random.NextDouble() - 0.5) * Math.ScaleB(1.0, random.Next(-60, 60));
                // Every fifth factor is not dyadic (odd denominator): it must go through the rational part.
                var x = t % 5 == 0 ? Rational.FromDouble(b) / Rational.FromInteger(3) : Rational.FromDouble(b);
                sum.Add(a);
                sum.AddProduct(b, x);
                expected += Rational.FromDouble(a) + Rational.FromDouble(b) * x;
            }
            Assert.Equal(expected, sum.Value);
        }
    }

    [Fact]
    public void CancellationToZero_AndSquares_AreExact()
    {
        var sum = new ExactSum();
        sum.Add(0.1);
        sum.Add(1e300);
        sum.Add(-0.1);
        sum.Add(-1e300);
        Assert.Equal(Rational.Zero, sum.Value);
        sum.Add(0.75);
        // 3·2^-2 squared twice: 2·(9/16) = 9/8.
        Assert.True(sum.TryDyadic(out var m, out var e));
        var squares = new ExactSum();
        squares.AddSquare(m, e, 2);
        Assert.Equal(new Rational(9, 8), squares.Value);
        var third = new ExactSum();
        third.AddProduct(1.0, new Rational(1, 3));
        Assert.False(third.TryDyadic(out _, out _));
        Assert.Equal(new Rational(BigInteger.One, 3), third.Value);
    }
}
