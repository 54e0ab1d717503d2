using System.Numerics;
using SteeringRng.Sdp.Certificates;

namespace SteeringRng.Sdp.Tests;

/// <summary>The exact pieces of a certificate: rationals with directed rounding, and the λ_min lower bound.</summary>
public class CertificateArithmeticTests
{
    [Fact]
    public void FromDouble_IsTheExactDyadicValue()
    {
        // 0.1 is stored as 3602879701896397 / 2^55.
        var r = Rational.FromDouble(0.1);
        Assert.Equal(new BigInteger(3602879701896397), r.Num);
        Assert.Equal(BigInteger.One << 55, r.Den);
        Assert.Equal(Rational.FromInteger(-3), Rational.FromDouble(-3.0));
        Assert.True(Rational.FromDouble(double.Epsilon) > Rational.Zero);
    }

    [Fact]
    public void DirectedRounding_BracketsOneThird()
    {
        var third = new Rational(1, 3);
        var up = third.UpperDouble();
        var down = third.LowerDouble();
        Assert.True(Rational.FromDouble(up) > third);
        Assert.True(Rational.FromDouble(down) < third);
        Assert.Equal(up, Math.BitIncrement(down));
        Assert.Equal(-down, (-third).UpperDouble());
    }

    [Fact]
    public void Arithmetic_IsExact()
    {
        // 0.1 + 0.2 ≠ 0.3 in doubles, but the exact sum of the two doubles is what it is: check a + b − a = b.
        var a = Rational.FromDouble(0.1);
        var b = Rational.FromDouble(0.2);
        Assert.Equal(b, a + b - a);
        Assert.Equal(new Rational(1, 6), new Rational(1, 2) * new Rational(1, 3));
        Assert.Equal(new Rational(3, 2), new Rational(1, 2) / new Rational(1, 3));
    }

    [Fact]
    public void LowerBound_OfDiagonalMatrix_IsBelowAndCloseToTheSmallestEntry()
    {
        var m = new double[] { 1, 0, 0, 0, 2, 0, 0, 0, 3 };
        var bound = PsdLowerBound.Of(3, m);
        Assert.InRange(bound, 1 - 1e-8, 1);
    }

    [Fact]
    public void LowerBound_OfIndefiniteMatrix_IsAtMostItsNegativeEigenvalue()
    {
        // [[1, 2], [2, 1]] has eigenvalues −1 and 3.
        var bound = PsdLowerBound.Of(2, [1, 2, 2, 1]);
        Assert.True(bound <= -1, $"bound {bound}");
        Assert.True(bound > -8, $"bound {bound} is needlessly loose");
    }

    [Fact]
    public void LowerBound_OfSingularMatrix_NeverClaimsDefiniteness()
    {
        // v vᵀ with v = (1, 1/3, 0.7): λ_min = 0 exactly, so a positive bound would be false.
        double[] v = [1, 1.0 / 3, 0.7];
        var m = new double[9];
        for (var i = 0; i < 3; i++) for (var j = 0; j < 3; j++) m[i * 3 + j] = v[i] * v[j];
        Assert.True(PsdLowerBound.Of(3, m) <= 0);
        // And for a shift that makes the Cholesky succeed, the proven bound stays below the true λ_min + shift.
        Assert.True(PsdLowerBound.WithShift(3, m, -1e-3) <= 0);
    }

    [Fact]
    public void LowerBound_OfNaN_IsMinusInfinity() =>
        Assert.Equal(double.NegativeInfinity, PsdLowerBound.Of(2, [1, double.NaN, double.NaN, 1]));
}
