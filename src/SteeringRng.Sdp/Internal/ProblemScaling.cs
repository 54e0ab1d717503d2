namespace SteeringRng.Sdp.Internal;

/// <summary>
/// The equilibration the solver applies before it starts, so that its tolerances mean the same thing whatever the
/// units of the data (the iteration, its stopping tests and its certificates then see a problem with entries of
/// order one). With a positive diagonal D per block, row factors r_i and the factors β (of b) and γ (of C):
/// <code>
///   Ã_i = D A_i D / r_i,   b̃_i = b_i / (β r_i),   C̃ = D C D / γ
///   X = β D X̃ D,   y_i = γ ỹ_i / r_i,   Z = γ D⁻¹ Z̃ D⁻¹
/// </code>
/// so that ⟨Ã_i, X̃⟩ − b̃_i = (⟨A_i, X⟩ − b_i) / (β r_i), Σ ỹ_i Ã_i − C̃ − Z̃ = D (Σ y_i A_i − C − Z) D / γ,
/// ⟨C, X⟩ = βγ ⟨C̃, X̃⟩ and bᵀy = βγ b̃ᵀỹ. X ↦ D X D is a congruence (X ⪰ 0 ⇔ X̃ ⪰ 0), so nothing about the
/// cone changes. Every factor is a power of two: scaling and unscaling are exact in floating point, and a problem
/// that is already well scaled is solved with the very same arithmetic up to those exact factors.
/// <list type="bullet">
/// <item>D: with ρ_j = max_{i,k} |A_i[j,k]| the largest constraint entry in row j of X, d_j = 2^round(−½ log₂(ρ_j/ρ̄))
/// (ρ̄ the geometric mean of the nonzero ρ_j; d_j = 1 where ρ_j = 0). Used only when max ρ_j / min ρ_j exceeds
/// <see cref="RowSpreadForCongruence"/>: rows of X on very different scales (X₁₁ ~ 1 and X₂₂ ~ 10⁻²⁴) are what
/// makes norm-based tests see a feasible problem as nearly infeasible. The Hermitian embedding [[P, −Q], [Q, P]]
/// has the same ρ in rows j and j + n, so D keeps that structure.</item>
/// <item>r_i = 2^round(log₂ ‖D A_i D‖_F) (1 for an empty A_i): row equilibration; all r_i = 1 when every nonzero
/// ‖D A_i D‖_F lies in [1/8, 8].</item>
/// <item>β = 2^round(log₂ max_i |b_i / r_i|), γ = 2^round(log₂ max_jk |(D C D)_jk|); 1 when b, resp. C, is zero or
/// that maximum lies in [1/8, 8] (see <see cref="WellScaled"/>: data of order one is solved as it is).</item>
/// </list>
/// Multiplying C, b, or a row (A_i, b_i) by any factor changes only the factors, not the scaled problem (up to a
/// power of two): that is what makes the verdicts scale-invariant.
/// </summary>
internal sealed class ProblemScaling
{
    /// <summary>Spread of the row magnitudes ρ_j above which the congruence D is applied (2¹⁰ ≈ 10³).</summary>
    public const double RowSpreadForCongruence = 1024;

    private ProblemScaling(InternalProblem original, double[][] d, double[] rows, double beta, double gamma, InternalProblem scaled)
    {
        Original = original;
        D = d;
        Rows = rows;
        Beta = beta;
        Gamma = gamma;
        Problem = scaled;
    }

    public InternalProblem Original { get; }

    /// <summary>The problem the iteration sees.</summary>
    public InternalProblem Problem { get; }

    /// <summary>d_j per block and internal row.</summary>
    public double[][] D { get; }

    /// <summary>r_i per constraint.</summary>
    public double[] Rows { get; }

    public double Beta { get; }
    public double Gamma { get; }

    public static ProblemScaling For(InternalProblem p)
    {
        var layout = p.Layout;
        var d = Congruence(p);
        var a = new SparseBlockMatrix[p.M];
        var rows = new double[p.M];
        var bt = new double[p.M];
        var bMax = 0.0;
        var congruent = p.A.Select(ai => Scale(ai, d, 1.0)).ToArray();
        var norms = congruent.Select(ai => Frobenius(ai, layout)).ToArray();
        var equilibrate = norms.Any(v => v > 0 && !WellScaled(v));
        for (var i = 0; i < p.M; i++)
        {
            rows[i] = equilibrate && norms[i] > 0 ? PowerOfTwo(norms[i]) : 1.0;
            a[i] = Scale(congruent[i], null, 1 / rows[i]);
            bt[i] = p.B[i] / rows[i];
            bMax = Math.Max(bMax, Math.Abs(bt[i]));
        }
        var beta = bMax > 0 && !WellScaled(bMax) ? PowerOfTwo(bMax) : 1.0;
        for (var i = 0; i < p.M; i++) bt[i] /= beta;
        var cd = Scale(p.C, d, 1.0);
        var cMax = cd.Parts.SelectMany(part => part.Values).Select(Math.Abs).DefaultIfEmpty(0).Max();
        var gamma = cMax > 0 && !WellScaled(cMax) ? PowerOfTwo(cMax) : 1.0;
        var scaled = InternalProblem.Scaled(p, Scale(cd, null, 1 / gamma), a, bt);
        return new ProblemScaling(p, d, rows, beta, gamma, scaled);
    }

    /// <summary>The point of the original problem: X = β D X̃ D, y_i = γ ỹ_i / r_i, Z = γ D⁻¹ Z̃ D⁻¹.</summary>
    public Iterate Unscale(Iterate scaled)
    {
        var y = new double[scaled.Y.Length];
        for (var i = 0; i < y.Length; i++) y[i] = Gamma * scaled.Y[i] / Rows[i];
        return new Iterate(PrimalToOriginal(scaled.X, Beta), y, Congruent(scaled.Z, Gamma, inverse: true));
    }

    /// <summary>β D X̃ D (with the given factor in place of β).</summary>
    public double[][] PrimalToOriginal(double[][] x, double factor) => Congruent(x, factor, inverse: false);

    /// <summary>X̃ = D⁻¹ X D⁻¹ / β: a primal matrix of the original problem in scaled coordinates.</summary>
    public double[][] PrimalToScaled(double[][] x) => Congruent(x, 1 / Beta, inverse: true);

    /// <summary>ỹ_i = r_i y_i / γ: dual variables of the original problem in scaled coordinates.</summary>
    public double[] DualToScaled(double[] y) => y.Select((v, i) => Rows[i] * v / Gamma).ToArray();

    /// <summary>
    /// A primal-infeasibility certificate ŷ of the scaled problem (b̃ᵀŷ = −1) in the original coordinates, again
    /// normalised: y_i = ŷ_i / (β r_i) has bᵀy = Σ β r_i b̃_i ŷ_i / (β r_i) = −1 and Σ y_i A_i = D⁻¹ (Σ ŷ_i Ã_i) D⁻¹ / β.
    /// </summary>
    public double[] CertificateY(double[] yHat) => yHat.Select((v, i) => v / (Beta * Rows[i])).ToArray();

    /// <summary>
    /// A dual-infeasibility certificate X̂ of the scaled problem (⟨C̃, X̂⟩ = 1) in the original coordinates:
    /// X = D X̂ D / γ has ⟨C, X⟩ = ⟨D C D, X̂⟩ / γ = 1 and ⟨A_i, X⟩ = r_i ⟨Ã_i, X̂⟩ / γ.
    /// </summary>
    public double[][] CertificateX(double[][] xHat) => Congruent(xHat, 1 / Gamma, inverse: false);

    /// <summary>factor · D V D (or factor · D⁻¹ V D⁻¹) blockwise; exact, the factors being powers of two.</summary>
    private double[][] Congruent(double[][] v, double factor, bool inverse)
    {
        var result = new double[v.Length][];
        for (var b = 0; b < v.Length; b++)
        {
            var d = D[b];
            var src = v[b];
            var dst = result[b] = new double[src.Length];
            if (Original.Layout[b].IsDiagonal)
            {
                for (var j = 0; j < dst.Length; j++) dst[j] = factor * (inverse ? src[j] / (d[j] * d[j]) : src[j] * d[j] * d[j]);
                continue;
            }
            var n = Original.Layout[b].Dim;
            for (var r = 0; r < n; r++)
            for (var c = 0; c < n; c++)
                dst[r * n + c] = factor * (inverse ? src[r * n + c] / (d[r] * d[c]) : src[r * n + c] * d[r] * d[c]);
        }
        return result;
    }

    /// <summary>d_j (see the class remarks): 1 everywhere unless the row magnitudes spread by more than 2¹⁰.</summary>
    private static double[][] Congruence(InternalProblem p)
    {
        var rho = p.Layout.Select(l => new double[l.Dim]).ToArray();
        foreach (var a in p.A)
        foreach (var part in a.Parts)
        {
            var r = rho[part.Block];
            for (var k = 0; k < part.Rows.Length; k++)
            {
                var v = Math.Abs(part.Values[k]);
                r[part.Rows[k]] = Math.Max(r[part.Rows[k]], v);
                r[part.Cols[k]] = Math.Max(r[part.Cols[k]], v);
            }
        }
        var nonzero = rho.SelectMany(r => r).Where(v => v > 0).ToArray();
        var d = p.Layout.Select(l => Enumerable.Repeat(1.0, l.Dim).ToArray()).ToArray();
        if (nonzero.Length == 0 || nonzero.Max() <= RowSpreadForCongruence * nonzero.Min()) return d;
        var logMean = nonzero.Average(Math.Log2);
        for (var b = 0; b < d.Length; b++)
        for (var j = 0; j < d[b].Length; j++)
            if (rho[b][j] > 0) d[b][j] = Math.Pow(2, Math.Round(-0.5 * (Math.Log2(rho[b][j]) - logMean)));
        return d;
    }

    /// <summary>s · D M D entrywise on the stored upper-triangle entries (D = null: s · M).</summary>
    private static SparseBlockMatrix Scale(SparseBlockMatrix m, double[][]? d, double s) =>
        new(m.Parts.Select(part =>
        {
            var values = new double[part.Values.Length];
            for (var k = 0; k < values.Length; k++)
                values[k] = s * part.Values[k] * (d is null ? 1 : d[part.Block][part.Rows[k]] * d[part.Block][part.Cols[k]]);
            return new SparsePart(part.Block, part.Rows, part.Cols, values);
        }).ToArray());

    /// <summary>‖M‖_F of the full symmetric matrix (off-diagonal entries count twice).</summary>
    private static double Frobenius(SparseBlockMatrix m, BlockLayout[] layout)
    {
        var s = 0.0;
        foreach (var part in m.Parts)
            for (var k = 0; k < part.Rows.Length; k++)
            {
                var v = part.Values[k];
                s += (part.Rows[k] == part.Cols[k] || layout[part.Block].IsDiagonal ? 1 : 2) * v * v;
            }
        return Math.Sqrt(s);
    }

    /// <summary>
    /// A magnitude within [1/8, 8] needs no factor. The solver's starting point and its "1 +" terms were tuned on data
    /// of order one; leaving such data alone keeps those problems on exactly the path (and iteration count) they had,
    /// while anything further off is brought to order one. Within the band the absolute tests are relative up to a
    /// factor 8.
    /// </summary>
    private static bool WellScaled(double magnitude) => magnitude is >= WellScaledBand.Low and <= WellScaledBand.High;

    private static class WellScaledBand
    {
        public const double Low = 1.0 / 8, High = 8;
    }

    /// <summary>The power of two nearest to v &gt; 0 on a log scale.</summary>
    private static double PowerOfTwo(double v) => Math.Pow(2, Math.Round(Math.Log2(v)));
}
