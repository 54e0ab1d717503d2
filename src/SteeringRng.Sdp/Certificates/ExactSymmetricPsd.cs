namespace SteeringRng.Sdp.Certificates;

/// <summary>
/// Decides exactly whether a real symmetric matrix with <see cref="Rational"/> entries is positive semidefinite, by a
/// symmetric LDLᵀ elimination over ℚ with diagonal pivoting (no rounding anywhere, so the answer is a proof either way):
/// <code>
///   M = [[p, bᵀ], [b, N]],  p &gt; 0   ⇒   M ⪰ 0  ⇔  N − b bᵀ/p ⪰ 0      (congruence by [[1, 0], [−b/p, I]])
///   a diagonal entry &lt; 0                ⇒   M is not PSD              (eᵢᵀ M eᵢ &lt; 0)
///   every remaining diagonal entry = 0  ⇒   M ⪰ 0  ⇔  the remaining block is 0   (a 2×2 minor [[0, c], [c, 0]] has det −c²)
/// </code>
/// The fallback of the steering-witness verifier when the floating-point-hinted bound (<see cref="HermitianSumLowerBound"/>)
/// cannot show W_λ + t·I ⪰ 0 on its own (docs/formulations/certificates.md, "Witness certificate files").
/// </summary>
public static class ExactSymmetricPsd
{
    /// <param name="n">The order of M.</param>
    /// <param name="m">M row-major (n×n, symmetric: only the upper triangle is read); overwritten.</param>
    public static bool IsPsd(int n, Rational[] m)
    {
        var order = Enumerable.Range(0, n).ToArray();
        for (var step = 0; step < n; step++)
        {
            // Any remaining negative diagonal entry decides; otherwise pivot on a positive one.
            var pivot = -1;
            for (var i = step; i < n; i++)
            {
                var d = m[order[i] * n + order[i]];
                if (d.Sign < 0) return false;
                if (d.Sign > 0 && pivot < 0) pivot = i;
            }
            if (pivot < 0) return RemainingBlockIsZero(n, m, order, step);
            (order[step], order[pivot]) = (order[pivot], order[step]);
            var p = order[step];
            var pp = m[p * n + p];
            for (var i = step + 1; i < n; i++)
            {
                var r = order[i];
                var bi = Upper(m, n, p, r);
                if (bi.IsZero) continue;
                var factor = bi / pp;
                for (var j = i; j < n; j++)
                {
                    var c = order[j];
                    var bj = Upper(m, n, p, c);
                    if (bj.IsZero) continue;
                    var (row, col) = r <= c ? (r, c) : (c, r);
                    m[row * n + col] -= factor * bj;
                }
            }
        }
        return true;
    }

    private static Rational Upper(Rational[] m, int n, int a, int b) => a <= b ? m[a * n + b] : m[b * n + a];

    private static bool RemainingBlockIsZero(int n, Rational[] m, int[] order, int step)
    {
        for (var i = step; i < n; i++)
        for (var j = i + 1; j < n; j++)
            if (!Upper(m, n, order[i], order[j]).IsZero) return false;
        return true;
    }
}
