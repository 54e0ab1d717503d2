using System.Numerics;
using MathNet.Numerics.LinearAlgebra;
using SteeringRng.Quantum;
using SteeringRng.Sdp.Certificates;

namespace SteeringRng.Certification.Seesaw;

/// <summary>
/// A proven upper bound on how far an attack's assemblage is from the data: the seesaw's value is an upper bound on
/// H_min only for an attack that reproduces the data, so "reproduces to 1.8e-9" must itself be a fact, not a floating
/// estimate. The attack's objects are taken exactly as the doubles they are (the sub-states σ^e and every effect
/// M^j_{b|y}); in exact rational arithmetic
/// <code>
///   ρ = Σ_e σ^e,   O_{a|x} = ⊗_j M^j_{a_j|x_j},   σ^attack_{a|x}[i,k] = Σ_{u,v} O_{uv} ρ_{(i,v),(k,u)}
/// </code>
/// (AttackAlgebra.Conditional, without its floating Hermitian part) and the largest entry-wise modulus
/// |σ^attack_{a|x} − σ^obs_{a|x}| over all a, x (σ^obs as the doubles the run used) is rounded up.
/// </summary>
public static class ExactDeviation
{
    /// <summary>
    /// Above this many exact complex products (the nonzero entries of O_{a|x}, times d_A², summed over the outcome and
    /// setting tuples) no bound is computed. Block-diagonal and classical attacks have sparse O_{a|x}: only its nonzero
    /// entries are multiplied, and only the entries of ρ they meet are summed.
    /// </summary>
    public const long MaxProducts = 20_000_000;

    /// <summary>The proven bound, or null when the problem is beyond <see cref="MaxProducts"/>.</summary>
    public static double? UpperBound(SeesawAttack attack, Assemblage data, CancellationToken cancellation = default)
    {
        var dA = attack.TrustedDimension;
        var du = attack.PartyDimensions.Aggregate(1, (p, d) => p * d);
        long products = 0;
        foreach (var x in data.SettingTuples())
        foreach (var a in data.OutcomeTuples())
            products += (long)dA * dA * attack.PartyDimensions.Select((_, j) => (long)NonZeros(attack.Povms[j][x[j]][a[j]]).Count)
                .Aggregate(1L, (p, n) => p * n);
        if (products > MaxProducts) return null;
        var rho = new Dictionary<long, Exact>();
        Exact Rho(int r, int c)
        {
            long key = (long)r * dA * du + c;
            if (rho.TryGetValue(key, out var value)) return value;
            var sum = Exact.Zero;
            foreach (var sub in attack.SubStates) sum += Exact.Of(sub[r, c]);
            return rho[key] = sum;
        }
        var worst = Dyadic.Zero;
        foreach (var x in data.SettingTuples())
        foreach (var a in data.OutcomeTuples())
        {
            cancellation.ThrowIfCancellationRequested();
            var o = Operator(attack, a, x);
            var observed = data[a, x];
            for (var i = 0; i < dA; i++)
            for (var k = 0; k < dA; k++)
            {
                var sum = Exact.Zero;
                foreach (var (u, v, value) in o)
                {
                    var entry = Rho(i * du + v, k * du + u);
                    if (!entry.IsZero) sum += value * entry;
                }
                var d = sum - Exact.Of(observed[i, k]);
                var squared = d.Re * d.Re + d.Im * d.Im;
                if (squared > worst) worst = squared;
            }
        }
        return SqrtUpper(worst.ToRational());
    }

    /// <summary>The nonzero entries (row, column, value) of an effect.</summary>
    private static List<(int Row, int Column, Complex Value)> NonZeros(Matrix<Complex> effect)
    {
        var entries = new List<(int, int, Complex)>();
        for (var r = 0; r < effect.RowCount; r++)
        for (var c = 0; c < effect.ColumnCount; c++)
            if (effect[r, c] != Complex.Zero) entries.Add((r, c, effect[r, c]));
        return entries;
    }

    /// <summary>
    /// The nonzero entries (u, v, O_uv) of O_{a|x} = ⊗_j M^j_{a_j|x_j}, exactly (party 0 the most significant index, as
    /// Tensor.Kron): a product of the parties' nonzero entries.
    /// </summary>
    private static List<(int U, int V, Exact Value)> Operator(SeesawAttack attack, int[] a, int[] x)
    {
        var entries = new List<(int U, int V, Exact Value)> { (0, 0, Exact.One) };
        for (var j = 0; j < attack.PartyDimensions.Count; j++)
        {
            var dj = attack.PartyDimensions[j];
            var factor = NonZeros(attack.Povms[j][x[j]][a[j]]);
            var next = new List<(int, int, Exact)>(entries.Count * factor.Count);
            foreach (var (u, v, value) in entries)
            foreach (var (r, c, m) in factor)
                next.Add((u * dj + r, v * dj + c, value * Exact.Of(m)));
            entries = next;
        }
        return entries;
    }

    /// <summary>x in the form "1.79E-009" (3 digits), rounded up so the printed number is still a bound.</summary>
    public static string RoundedUp(double x)
    {
        var text = x.ToString("E2", System.Globalization.CultureInfo.InvariantCulture);
        // Rounding to nearest can go down; then step the last printed digit up (exactly the next 3-digit decimal).
        if (double.Parse(text, System.Globalization.CultureInfo.InvariantCulture) < x)
        {
            var ulp = Math.Pow(10, Math.Floor(Math.Log10(Math.Abs(x))) - 2);
            text = (double.Parse(text, System.Globalization.CultureInfo.InvariantCulture) + ulp)
                .ToString("E2", System.Globalization.CultureInfo.InvariantCulture);
        }
        return text;
    }

    /// <summary>The smallest double s with s² ≥ q (q ≥ 0 exact).</summary>
    private static double SqrtUpper(Rational q)
    {
        if (q.IsZero) return 0;
        var s = Math.Sqrt(q.UpperDouble());
        while (Rational.FromDouble(s) * Rational.FromDouble(s) < q) s = Math.BitIncrement(s);
        return s;
    }

    /// <summary>
    /// An exact complex number. Everything here is built from doubles by +, − and ×, so its parts are dyadic
    /// (<see cref="Dyadic"/>: no gcd per operation, which made most of this check's time with rationals).
    /// </summary>
    private readonly record struct Exact(Dyadic Re, Dyadic Im)
    {
        public static readonly Exact Zero = new(Dyadic.Zero, Dyadic.Zero);
        public static readonly Exact One = new(Dyadic.One, Dyadic.Zero);

        public bool IsZero => Re.IsZero && Im.IsZero;

        /// <exception cref="ArgumentException">A non-finite entry (then the attack reproduces nothing).</exception>
        public static Exact Of(Complex z) => new(Dyadic.FromDouble(z.Real), Dyadic.FromDouble(z.Imaginary));

        public static Exact operator +(Exact p, Exact q) => new(p.Re + q.Re, p.Im + q.Im);
        public static Exact operator -(Exact p, Exact q) => new(p.Re - q.Re, p.Im - q.Im);
        public static Exact operator *(Exact p, Exact q) => new(p.Re * q.Re - p.Im * q.Im, p.Re * q.Im + p.Im * q.Re);
    }
}
