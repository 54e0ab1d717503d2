namespace SteeringRng.Sdp.Certificates;

/// <summary>
/// Σ_i a_i·b_i + Σ_j c_j over doubles, exactly: a product of two doubles m_a·2^e_a · m_b·2^e_b is the dyadic
/// (m_a m_b)·2^(e_a+e_b), so the sum is one integer over a power of two (<see cref="ExactSum"/>), never rounded.
/// Used for the value of a steering functional on exact (double) data, β = Σ Re Tr[F σ].
/// </summary>
public sealed class ExactProductSum
{
    private readonly ExactSum _sum = new();

    /// <summary>Adds a·b exactly.</summary>
    /// <exception cref="ArgumentException">NaN or infinity.</exception>
    public void AddProduct(double a, double b)
    {
        if (a == 0 || b == 0) return;
        Rational.Decompose(a, out var ma, out var ea);
        Rational.Decompose(b, out var mb, out var eb);
        _sum.Add(ma * mb, ea + eb);
    }

    /// <summary>Adds a exactly.</summary>
    public void Add(double a) => _sum.Add(a);

    /// <summary>The exact sum.</summary>
    public Rational Value => _sum.Value;
}
