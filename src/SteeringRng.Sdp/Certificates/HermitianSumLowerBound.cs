namespace SteeringRng.Sdp.Certificates;

/// <summary>
/// A rigorous lower bound on λ_min of an exact sum W = Σ_t H_t of Hermitian d×d matrices whose entries are doubles
/// (taken as the exact dyadic rationals they are); the caller hands over only the upper triangle's values (Re and Im
/// of H_jk for j ≤ k), so W is Hermitian by construction. Used by the steering-witness check, where
/// W_λ = Σ_x F_{λ(x)|x} (docs/formulations/steering-test.md, "Certified witness").
/// <code>
///   W ↦ [[Re W, −Im W], [Im W, Re W]]  (real symmetric, 2d×2d: the same eigenvalues as W, each twice)
///   W = M_d + E  (M_d: doubles near W's exact entries; E exact)   ⇒   λ_min(W) ≥ λ_min⁻(M_d) − ‖E_emb‖_F
/// </code>
/// with λ_min⁻(M_d) proven by <see cref="PsdLowerBound"/> (Weyl: ‖E‖₂ ≤ ‖E_emb‖_F). Every sum is exact
/// (<see cref="ExactSum"/>), ‖E_emb‖_F is rounded up and the result rounded down.
/// </summary>
public static class HermitianSumLowerBound
{
    /// <param name="d">The matrix dimension.</param>
    /// <param name="re">Per term, Re H_t row-major d×d (only j ≤ k is read).</param>
    /// <param name="im">Per term, Im H_t row-major d×d (only j &lt; k is read; the diagonal is taken as 0).</param>
    /// <returns>A proven lower bound on λ_min(Σ_t H_t) (−∞ when no factor could be found).</returns>
    public static double Of(int d, IReadOnlyList<double[]> re, IReadOnlyList<double[]> im)
    {
        if (re.Count != im.Count) throw new ArgumentException("One real and one imaginary part per term.");
        var n = 2 * d;
        var embedding = new double[n * n];
        var errorSquares = Rational.Zero;
        for (var j = 0; j < d; j++)
        for (var k = j; k < d; k++)
        {
            var (exactRe, exactIm) = ExactEntry(d, re, im, j, k);
            var (wr, er) = NearestWithError(exactRe);
            var (wi, ei) = NearestWithError(exactIm);
            // Embedding positions: Re at (j,k), (k,j), (j+d,k+d), (k+d,j+d); Im W_jk = −(Im W)_kj enters
            // (j+d,k) and (k,j+d) with +, (j,k+d) and (k+d,j) with −.
            embedding[j * n + k] = embedding[k * n + j] = wr;
            embedding[(j + d) * n + k + d] = embedding[(k + d) * n + j + d] = wr;
            embedding[(j + d) * n + k] = embedding[k * n + j + d] = wi;
            embedding[j * n + k + d] = embedding[(k + d) * n + j] = -wi;
            // Each off-diagonal error appears 4 times in E_emb (Re and Im alike); a diagonal Re error twice.
            var copies = j == k ? 2 : 4;
            errorSquares += Rational.FromInteger(copies) * (er * er + ei * ei);
        }
        var lower = PsdLowerBound.Of(n, embedding);
        if (!double.IsFinite(lower)) return double.NegativeInfinity;
        var errorNorm = Math.BitIncrement(Math.Sqrt(errorSquares.UpperDouble()));
        return (Rational.FromDouble(lower) - Rational.FromDouble(errorNorm)).LowerDouble();
    }

    /// <summary>
    /// Whether Σ_t H_t + t·I ⪰ 0, decided exactly (no rounding: a proof either way) by an LDLᵀ over ℚ of the real
    /// embedding [[Re W, −Im W], [Im W, Re W]] + t·I (<see cref="ExactSymmetricPsd"/>), for when <see cref="Of"/>'s
    /// floating-point hint is not sharp enough. Same inputs as <see cref="Of"/>.
    /// </summary>
    public static bool IsPsdExactly(int d, IReadOnlyList<double[]> re, IReadOnlyList<double[]> im, Rational shift)
    {
        if (re.Count != im.Count) throw new ArgumentException("One real and one imaginary part per term.");
        var n = 2 * d;
        var m = new Rational[n * n];
        for (var j = 0; j < d; j++)
        for (var k = j; k < d; k++)
        {
            var (exactRe, wi) = ExactEntry(d, re, im, j, k);
            var wr = exactRe + (j == k ? shift : Rational.Zero);
            // Upper triangle of the embedding only: Re at (j,k) and (j+d,k+d); −Im W_jk at (j,k+d); −Im W_kj = Im W_jk at (k,j+d).
            m[j * n + k] = m[(j + d) * n + k + d] = wr;
            m[j * n + k + d] = -wi;
            m[k * n + j + d] = wi;
        }
        for (var i = 0; i < m.Length; i++) if (m[i].Num.IsZero && m[i].Den.IsZero) m[i] = Rational.Zero;
        return ExactSymmetricPsd.IsPsd(n, m);
    }

    /// <summary>(Re W_jk, Im W_jk) of W = Σ_t H_t, summed exactly (Im is 0 on the diagonal).</summary>
    private static (Rational Re, Rational Im) ExactEntry(int d, IReadOnlyList<double[]> re, IReadOnlyList<double[]> im, int j, int k)
    {
        var exactRe = new ExactSum();
        var exactIm = new ExactSum();
        for (var t = 0; t < re.Count; t++)
        {
            exactRe.Add(re[t][j * d + k]);
            if (j != k) exactIm.Add(im[t][j * d + k]);
        }
        return (exactRe.Value, exactIm.Value);
    }

    /// <summary>A double near the exact value, and the exact remainder (value − double).</summary>
    private static (double Near, Rational Error) NearestWithError(Rational exact)
    {
        var near = exact.Nearest();
        return (near, exact - Rational.FromDouble(near));
    }
}
