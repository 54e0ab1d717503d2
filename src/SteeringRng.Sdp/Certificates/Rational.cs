using System.Numerics;

namespace SteeringRng.Sdp.Certificates;

/// <summary>
/// An exact rational number Num/Den (Den &gt; 0, gcd 1), for certificates that must hold without rounding.
/// Every finite double is a dyadic rational m·2^e and converts exactly (<see cref="FromDouble"/>); back to double
/// only through the directed roundings <see cref="UpperDouble"/> and <see cref="LowerDouble"/>, so a bound never
/// moves to the unsafe side when it is printed.
/// </summary>
public readonly struct Rational : IComparable<Rational>, IEquatable<Rational>
{
    public BigInteger Num { get; }
    public BigInteger Den { get; }

    public static readonly Rational Zero = new(BigInteger.Zero, BigInteger.One, normalized: true);
    public static readonly Rational One = new(BigInteger.One, BigInteger.One, normalized: true);

    private Rational(BigInteger num, BigInteger den, bool normalized)
    {
        if (normalized) { Num = num; Den = den; return; }
        if (den.IsZero) throw new DivideByZeroException("rational with denominator 0");
        if (den.Sign < 0) { num = -num; den = -den; }
        var g = BigInteger.GreatestCommonDivisor(num, den);
        if (!g.IsOne && !g.IsZero) { num /= g; den /= g; }
        if (num.IsZero) den = BigInteger.One;
        Num = num;
        Den = den;
    }

    public Rational(BigInteger num, BigInteger den) : this(num, den, normalized: false) { }

    public static Rational FromInteger(BigInteger n) => new(n, BigInteger.One, normalized: true);

    /// <summary>The exact value of a finite double (m·2^e).</summary>
    /// <exception cref="ArgumentException">NaN or infinity: they are not numbers a certificate can use.</exception>
    public static Rational FromDouble(double x)
    {
        if (x == 0) return Zero;
        Decompose(x, out var num, out var exponent);
        return exponent >= 0
            ? new Rational(num << exponent, BigInteger.One, normalized: true)
            : new Rational(num, BigInteger.One << -exponent, normalized: true);
    }

    /// <summary>x = m·2^e exactly, m odd (or 0); the form <see cref="ExactSum"/> adds without a gcd.</summary>
    /// <exception cref="ArgumentException">NaN or infinity.</exception>
    internal static void Decompose(double x, out BigInteger m, out int e)
    {
        if (!double.IsFinite(x)) throw new ArgumentException($"{x} is not a finite number.");
        if (x == 0) { m = BigInteger.Zero; e = 0; return; }
        var bits = BitConverter.DoubleToInt64Bits(x);
        var negative = bits < 0;
        var exponent = (int)((bits >> 52) & 0x7FF);
        var mantissa = bits & 0xFFFFFFFFFFFFFL;
        if (exponent == 0) exponent = 1; else mantissa |= 1L << 52;
        exponent -= 1075; // x = mantissa · 2^exponent
        // Strip trailing zero bits so that the denominator is already in lowest terms.
        var zeros = System.Numerics.BitOperations.TrailingZeroCount(mantissa);
        mantissa >>= zeros;
        exponent += zeros;
        m = negative ? -mantissa : mantissa;
        e = exponent;
    }

    public int Sign => Num.Sign;
    public bool IsZero => Num.IsZero;

    public static Rational operator +(Rational a, Rational b) =>
        a.Den == b.Den ? new(a.Num + b.Num, a.Den) : new(a.Num * b.Den + b.Num * a.Den, a.Den * b.Den);
    public static Rational operator -(Rational a, Rational b) =>
        a.Den == b.Den ? new(a.Num - b.Num, a.Den) : new(a.Num * b.Den - b.Num * a.Den, a.Den * b.Den);
    public static Rational operator -(Rational a) => new(-a.Num, a.Den, normalized: true);
    public static Rational operator *(Rational a, Rational b) =>
        a.IsZero || b.IsZero ? Zero : new(a.Num * b.Num, a.Den * b.Den);
    public static Rational operator /(Rational a, Rational b) =>
        b.IsZero ? throw new DivideByZeroException("division by an exact zero") : new(a.Num * b.Den, a.Den * b.Num);

    public static bool operator <(Rational a, Rational b) => a.CompareTo(b) < 0;
    public static bool operator >(Rational a, Rational b) => a.CompareTo(b) > 0;
    public static bool operator <=(Rational a, Rational b) => a.CompareTo(b) <= 0;
    public static bool operator >=(Rational a, Rational b) => a.CompareTo(b) >= 0;

    public Rational Abs() => Num.Sign < 0 ? -this : this;

    public int CompareTo(Rational other) => (Num * other.Den).CompareTo(other.Num * Den);
    public bool Equals(Rational other) => Num == other.Num && Den == other.Den;
    public override bool Equals(object? obj) => obj is Rational r && Equals(r);
    public override int GetHashCode() => HashCode.Combine(Num, Den);

    /// <summary>The smallest double ≥ this value (+∞ beyond the double range).</summary>
    public double UpperDouble()
    {
        var d = Nearest();
        if (double.IsInfinity(d)) return d > 0 ? d : -double.MaxValue;
        // Nearest is within a few ulps; step up until the double is on the safe side.
        while (FromDouble(d) < this) d = Math.BitIncrement(d);
        return d;
    }

    /// <summary>The largest double ≤ this value (−∞ beyond the double range).</summary>
    public double LowerDouble() => -(-this).UpperDouble();

    /// <summary>A double near the value (within a few ulps); for display and hints only, never for a bound.</summary>
    public double Nearest()
    {
        if (Num.IsZero) return 0;
        // Scale so that the quotient has 64+ significant bits, then one rounding in the conversion and one in Scale.
        var shift = (int)(Den.GetBitLength() - Num.GetBitLength()) + 66;
        var q = shift >= 0 ? (Num << shift) / Den : Num / (Den << -shift);
        return Math.ScaleB((double)q, -shift);
    }

    public override string ToString() => Den.IsOne ? Num.ToString() : $"{Num}/{Den}";
}
