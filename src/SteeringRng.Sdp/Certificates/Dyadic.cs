using System.Numerics;

namespace SteeringRng.Sdp.Certificates;

/// <summary>
/// An exact dyadic rational m·2^e. Doubles are dyadic, and sums, differences and products of dyadics are dyadic, so
/// arithmetic on values built from doubles by +, − and × stays exact with one shift and one integer operation and never
/// a gcd, where <see cref="Rational"/> normalises after every operation (<see cref="ExactSum"/> is the accumulating
/// form of the same idea). Used where no division occurs, e.g. an attack's assemblage from its doubles
/// (Seesaw/ExactDeviation).
/// </summary>
public readonly struct Dyadic : IComparable<Dyadic>
{
    /// <summary>The value is <see cref="Mantissa"/>·2^<see cref="Exponent"/> (not necessarily with m odd).</summary>
    public BigInteger Mantissa { get; }
    public int Exponent { get; }

    public static readonly Dyadic Zero = new(BigInteger.Zero, 0);
    public static readonly Dyadic One = new(BigInteger.One, 0);

    public Dyadic(BigInteger mantissa, int exponent)
    {
        Mantissa = mantissa;
        Exponent = mantissa.IsZero ? 0 : exponent;
    }

    /// <summary>The exact value of a finite double.</summary>
    /// <exception cref="ArgumentException">NaN or infinity.</exception>
    public static Dyadic FromDouble(double x)
    {
        Rational.Decompose(x, out var m, out var e);
        return new Dyadic(m, e);
    }

    public bool IsZero => Mantissa.IsZero;
    public int Sign => Mantissa.Sign;

    /// <summary>Both mantissas over 2^min(e_a, e_b).</summary>
    private static (BigInteger A, BigInteger B, int E) Aligned(Dyadic a, Dyadic b) =>
        a.Exponent >= b.Exponent
            ? (a.Mantissa << (a.Exponent - b.Exponent), b.Mantissa, b.Exponent)
            : (a.Mantissa, b.Mantissa << (b.Exponent - a.Exponent), a.Exponent);

    public static Dyadic operator +(Dyadic a, Dyadic b)
    {
        if (a.IsZero) return b;
        if (b.IsZero) return a;
        var (x, y, e) = Aligned(a, b);
        return new Dyadic(x + y, e);
    }

    public static Dyadic operator -(Dyadic a) => new(-a.Mantissa, a.Exponent);
    public static Dyadic operator -(Dyadic a, Dyadic b) => a + -b;
    public static Dyadic operator *(Dyadic a, Dyadic b) =>
        a.IsZero || b.IsZero ? Zero : new Dyadic(a.Mantissa * b.Mantissa, a.Exponent + b.Exponent);

    public int CompareTo(Dyadic other)
    {
        var (x, y, _) = Aligned(this, other);
        return x.CompareTo(y);
    }

    public static bool operator >(Dyadic a, Dyadic b) => a.CompareTo(b) > 0;
    public static bool operator <(Dyadic a, Dyadic b) => a.CompareTo(b) < 0;

    /// <summary>The same value as a <see cref="Rational"/> (normalised once).</summary>
    public Rational ToRational() =>
        IsZero ? Rational.Zero
        : Exponent >= 0 ? Rational.FromInteger(Mantissa << Exponent)
        : new Rational(Mantissa, BigInteger.One << -Exponent);
}
