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
    /// <summary>Above this many exact complex products (d_A² d_U² per outcome and setting tuple) no bound is computed.</summary>
    public const long MaxProducts = 20_000_000;

    /// <summary>The proven bound, or null when the problem is beyond <see cref="MaxProducts"/>.</summary>
    public static double? UpperBound(SeesawAttack attack, Assemblage data, CancellationToken cancellation = default)
    {
        var dA = attack.TrustedDimension;
        var du = attack.PartyDimensions.Aggregate(1, (p, d) => p * d);
        var tuples = (long)data.SettingTuples().Count() * data.OutcomeTuples().Count();
        if ((long)dA * dA * du * du * tuples > MaxProducts) return null;
        var n = dA * du;
        var rho = new Exact[n, n];
        for (var r = 0; r < n; r++)
        for (var c = 0; c < n; c++)
        {
            var sum = Exact.Zero;
            foreach (var sub in attack.SubStates) sum += Exact.Of(sub[r, c]);
            rho[r, c] = sum;
        }
        var worst = Rational.Zero;
        foreach (var x in data.SettingTuples())
        foreach (var a in data.OutcomeTuples())
        {
            cancellation.ThrowIfCancellationRequested();
            var o = Operator(attack, a, x, du);
            var observed = data[a, x];
            for (var i = 0; i < dA; i++)
            for (var k = 0; k < dA; k++)
            {
                var sum = Exact.Zero;
                for (var u = 0; u < du; u++)
                for (var v = 0; v < du; v++)
                    if (!o[u, v].IsZero) sum += o[u, v] * rho[i * du + v, k * du + u];
                var d = sum - Exact.Of(observed[i, k]);
                var squared = d.Re * d.Re + d.Im * d.Im;
                if (squared > worst) worst = squared;
            }
        }
        return SqrtUpper(worst);
    }

    /// <summary>O_{a|x} = ⊗_j M^j_{a_j|x_j}, exactly (party 0 the most significant index, as Tensor.Kron).</summary>
    private static Exact[,] Operator(SeesawAttack attack, int[] a, int[] x, int du)
    {
        var o = new Exact[du, du];
        for (var u = 0; u < du; u++)
        for (var v = 0; v < du; v++)
        {
            var product = Exact.One;
            int ru = u, rv = v, stride = du;
            for (var j = 0; j < attack.PartyDimensions.Count && !product.IsZero; j++)
            {
                var dj = attack.PartyDimensions[j];
                stride /= dj;
                Matrix<Complex> effect = attack.Povms[j][x[j]][a[j]];
                product *= Exact.Of(effect[ru / stride, rv / stride]);
                ru %= stride;
                rv %= stride;
            }
            o[u, v] = product;
        }
        return o;
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

    /// <summary>An exact complex number.</summary>
    private readonly record struct Exact(Rational Re, Rational Im)
    {
        public static readonly Exact Zero = new(Rational.Zero, Rational.Zero);
        public static readonly Exact One = new(Rational.One, Rational.Zero);

        public bool IsZero => Re.IsZero && Im.IsZero;

        /// <exception cref="ArgumentException">A non-finite entry (then the attack reproduces nothing).</exception>
        public static Exact Of(Complex z) => new(Rational.FromDouble(z.Real), Rational.FromDouble(z.Imaginary));

        public static Exact operator +(Exact p, Exact q) => new(p.Re + q.Re, p.Im + q.Im);
        public static Exact operator -(Exact p, Exact q) => new(p.Re - q.Re, p.Im - q.Im);
        public static Exact operator *(Exact p, Exact q) => new(p.Re * q.Re - p.Im * q.Im, p.Re * q.Im + p.Im * q.Re);
    }
}
