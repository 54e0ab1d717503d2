using System.Numerics;
using SteeringRng.Sdp;
using SteeringRng.Sdp.Certificates;

namespace SteeringRng.Certification.FiniteSize;

/// <summary>
/// The exactly checked point X̂ behind an affine bound (docs/formulations/finite-size.md §3): X̂ is the double point X̃
/// (the solver's X after the certifier's shift and least-norm step, what a certificate records) moved exactly onto
/// ⟨A_i, X⟩ = b_i (<see cref="ExactAffineCorrection"/>) and proven PSD (<see cref="BlockMatrices.MinEigenvalueLowerBound"/>):
/// the same two steps as <see cref="LowerSide"/> at shift 0, without any new shift or floating step, so that the same X̃
/// gives the same X̂ on every run (a verifier re-derives it bit for bit). X̂ is kept over one common denominator D,
/// x_p = N_p / D, so that ⟨C, X̂⟩ for many C costs one big-integer sum each.
/// </summary>
public sealed class ExactDualPoint
{
    private readonly BigInteger[] _numerators;
    private readonly BigInteger _denominator;

    private ExactDualPoint(BigInteger[] numerators, BigInteger denominator, double minEigenvalue)
    {
        _numerators = numerators;
        _denominator = denominator;
        MinEigenvalue = minEigenvalue;
    }

    /// <summary>The proven lower bound on λ_min(X̂) (≥ 0).</summary>
    public double MinEigenvalue { get; }

    /// <summary>X̂ from X̃, or the reason it is not a feasible PSD point of <paramref name="problem"/>'s (A, b).</summary>
    public static (ExactDualPoint? Point, string Reason) Check(SdpProblem problem, IReadOnlyList<double> approximate, CancellationToken cancel = default)
    {
        var real = new RealProblem(problem);
        if (approximate.Count != real.PositionCount)
            return (null, $"the point has {approximate.Count} entries; the relaxation has {real.PositionCount} free entries of X");
        var x = approximate.ToArray();
        var bad = Array.FindIndex(x, v => !double.IsFinite(v));
        if (bad >= 0) return (null, $"entry {bad} of the point is not a finite number");
        cancel.ThrowIfCancellationRequested();
        var exact = ExactAffineCorrection.Apply(real, x, out var changed, out var failure);
        if (exact is null) return (null, $"the point cannot be moved exactly onto A(X) = b: {failure}");
        cancel.ThrowIfCancellationRequested();
        var lambda = BlockMatrices.MinEigenvalueLowerBound(real, x, exact, changed);
        if (!(lambda >= 0))
            return (null, double.IsNegativeInfinity(lambda) ? "X̂ is not proven PSD (no Cholesky factor found)" : $"X̂ is not proven PSD (λ_min ≥ {lambda:G3} only)");
        var denominator = BigInteger.One;
        foreach (var r in exact)
            if (!r.Den.IsOne) denominator = denominator / BigInteger.GreatestCommonDivisor(denominator, r.Den) * r.Den;
        var numerators = exact.Select(r => r.Num * (denominator / r.Den)).ToArray();
        return (new ExactDualPoint(numerators, denominator, lambda), "");
    }

    /// <summary>offset − ⟨C, X̂⟩ exactly: the bound this point proves on value = offset − opt D for the constants (C, offset).</summary>
    /// <param name="problem">The relaxation with these constants (same A, b and blocks as the point was checked on).</param>
    public Rational BoundFor(SdpProblem problem, double offset)
    {
        var objective = new RealProblem(problem).Objective;
        var lowest = 0;
        foreach (var (_, c) in objective)
            if (c != 0) lowest = Math.Min(lowest, Exponent(c));
        // Σ_p c_p N_p with c_p = m_p 2^{e_p}: every term an integer times 2^lowest.
        var sum = BigInteger.Zero;
        foreach (var (p, c) in objective)
        {
            if (c == 0 || _numerators[p].IsZero) continue;
            var (m, e) = Dyadic(c);
            sum += (m * _numerators[p]) << (e - lowest);
        }
        var inner = new Rational(sum, _denominator << -lowest);
        return Rational.FromDouble(offset) - inner;
    }

    private static int Exponent(double c) => Dyadic(c).E;

    /// <summary>c = m·2^e exactly (m an integer of at most 53 bits).</summary>
    private static (BigInteger M, int E) Dyadic(double c)
    {
        var bits = BitConverter.DoubleToInt64Bits(c);
        var exponent = (int)((bits >> 52) & 0x7FF);
        var mantissa = bits & 0xFFFFFFFFFFFFFL;
        if (exponent == 0) exponent = 1; else mantissa |= 1L << 52;
        return (bits < 0 ? -mantissa : mantissa, exponent - 1075);
    }
}
