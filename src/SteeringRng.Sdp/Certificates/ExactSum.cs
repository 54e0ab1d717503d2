using System.Numerics;

namespace SteeringRng.Sdp.Certificates;

/// <summary>
/// An exact sum, kept as one integer over a power of two, Σ = acc·2^exp, for the hot loops of the certificate
/// (the residuals bᵢ − Σ a_ip x_p, ⟨C, X̂⟩, the entries and ‖·‖²_F of the Cholesky remainder). Doubles and
/// products of doubles are dyadic (m·2^e), so adding them needs one shift and one integer addition and never a
/// gcd, where <see cref="Rational"/> normalises after every operation. A term that is not dyadic (a pivot value with
/// an odd denominator) goes to a <see cref="Rational"/> part, so the sum stays exact in every case.
/// </summary>
internal sealed class ExactSum
{
    private BigInteger _acc;
    private int _exp;
    private Rational _rest = Rational.Zero;

    /// <summary>Adds m·2^e exactly.</summary>
    public void Add(BigInteger m, int e)
    {
        if (m.IsZero) return;
        if (_acc.IsZero) { _acc = m; _exp = e; return; }
        // Align on the smaller exponent: both terms are then integers over 2^min.
        if (e >= _exp) _acc += m << (e - _exp);
        else { _acc = (_acc << (_exp - e)) + m; _exp = e; }
    }

    public void Add(double x)
    {
        Rational.Decompose(x, out var m, out var e);
        Add(m, e);
    }

    /// <summary>Adds a·x (a double, x exact).</summary>
    public void AddProduct(double a, Rational x)
    {
        if (a == 0 || x.IsZero) return;
        Rational.Decompose(a, out var ma, out var ea);
        if (x.Den.IsPowerOfTwo) Add(ma * x.Num, ea - (int)(x.Den.GetBitLength() - 1));
        else _rest += Rational.FromDouble(a) * x;
    }

    /// <summary>Adds the square of a dyadic m·2^e, <paramref name="times"/> times: (m²·times)·2^{2e}.</summary>
    public void AddSquare(BigInteger m, int e, int times) => Add(m * m * times, 2 * e);

    /// <summary>The dyadic part alone when there is no other: Σ = m·2^e.</summary>
    public bool TryDyadic(out BigInteger m, out int e)
    {
        m = _acc;
        e = _exp;
        return _rest.IsZero;
    }

    public Rational Value
    {
        get
        {
            var dyadic = _acc.IsZero ? Rational.Zero
                : _exp >= 0 ? Rational.FromInteger(_acc << _exp)
                : new Rational(_acc, BigInteger.One << -_exp);
            return _rest.IsZero ? dyadic : dyadic + _rest;
        }
    }
}
