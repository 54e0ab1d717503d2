using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;

namespace SteeringRng.Certification.Seesaw.Internal;

/// <summary>
/// A linear system A x = b (m rows, n unknowns) replaced by an equivalent one with orthonormal, hence
/// independent, rows Q x = c. The seesaw's constraint systems are redundant by construction (no-signalling-like
/// rows, POVM completeness against the data), and an interior-point solver needs full row rank.
/// </summary>
/// <param name="Rows">Q: r×n with orthonormal rows spanning the row space of A.</param>
/// <param name="Rhs">c = S_r⁻¹ U_rᵀ b.</param>
/// <param name="Inconsistency">‖b − U_r U_rᵀ b‖ / (1 + ‖b‖): how far b is from the range of A (0 when A x = b is solvable).</param>
internal sealed record IndependentRows(double[][] Rows, double[] Rhs, double Inconsistency, int OriginalCount)
{
    /// <summary>
    /// Through the Gram matrix A Aᵀ = U S² Uᵀ (m×m, cheap when m ≪ n): Q = S_r⁻¹ U_rᵀ A keeps the directions with
    /// singular value s_i > √relativeTolerance · s_max; the rest are numerically dependent rows. (Rounding puts the
    /// Gram eigenvalues of exactly dependent rows near 1e-16·max, so the tolerance must stay well above that.)
    /// </summary>
    public static IndependentRows Reduce(double[][] a, double[] b, double relativeTolerance = 1e-12)
    {
        int m = a.Length;
        if (m == 0) return new IndependentRows([], [], 0, 0);
        if (b.Length != m) throw new ArgumentException($"{m} rows but {b.Length} right-hand sides.");
        int n = a[0].Length;
        // The Gram matrix by row dot products, and q_r as a combination of rows, on the rows as given: MathNet's dense
        // product of the copied m×n matrix ran on parallel tasks for these small sizes and was 3 % of the Fig. 2
        // benchmark sample's CPU (perf).
        var gram = Matrix<double>.Build.Dense(m, m);
        for (int i = 0; i < m; i++)
        for (int j = 0; j <= i; j++)
        {
            double g = Dot(a[i], a[j]);
            gram[i, j] = g;
            gram[j, i] = g;
        }
        var evd = gram.Evd(Symmetricity.Symmetric);
        double max = evd.EigenValues.Max(l => l.Real);
        var kept = Enumerable.Range(0, m).Where(i => evd.EigenValues[i].Real > Math.Max(relativeTolerance * max, 1e-300)).ToArray();
        var bVector = Vector<double>.Build.DenseOfArray(b);
        var rows = new double[kept.Length][];
        var rhs = new double[kept.Length];
        var projected = Vector<double>.Build.Dense(m);
        for (int r = 0; r < kept.Length; r++)
        {
            var u = evd.EigenVectors.Column(kept[r]);
            double s = Math.Sqrt(evd.EigenValues[kept[r]].Real);
            // q_r = u_rᵀ A / s_r,  c_r = u_rᵀ b / s_r
            var q = new double[n];
            for (int i = 0; i < m; i++)
            {
                double w = u[i] / s;
                if (w == 0) continue;
                var ai = a[i];
                for (int k = 0; k < n; k++) q[k] += w * ai[k];
            }
            rows[r] = q;
            double ub = u.DotProduct(bVector);
            rhs[r] = ub / s;
            projected += u * ub;
        }
        double inconsistency = (bVector - projected).L2Norm() / (1 + bVector.L2Norm());
        return new IndependentRows(rows, rhs, inconsistency, m);
    }

    /// <summary>
    /// A maximal independent SUBSET of the rows, chosen greedily with the sparsest rows first (modified Gram–Schmidt on
    /// the kept ones): unlike <see cref="Reduce"/>, whose orthonormal combinations touch every coordinate any row
    /// touches, the kept rows are original rows and keep their sparsity, which an SDP solver exploits when it forms
    /// its Schur complement from the constraints' nonzeros. A row is dropped when its part outside the span of the
    /// kept rows is at most √relativeTolerance of its norm (the threshold <see cref="Reduce"/> puts on singular values).
    /// Inconsistency: the largest right-hand-side residual of a dropped row, relative to 1 + ‖b‖.
    /// </summary>
    public static IndependentRows Select(double[][] a, double[] b, double relativeTolerance = 1e-12)
    {
        int m = a.Length;
        if (m == 0) return new IndependentRows([], [], 0, 0);
        if (b.Length != m) throw new ArgumentException($"{m} rows but {b.Length} right-hand sides.");
        double threshold = Math.Sqrt(relativeTolerance);
        var order = Enumerable.Range(0, m).OrderBy(i => a[i].Count(v => v != 0)).ThenBy(i => i).ToArray();
        var basis = new List<(double[] Q, double C)>(); // orthonormal q_k with the matching combination c_k of b
        var kept = new List<int>();
        double worst = 0;
        foreach (int i in order)
        {
            var r = (double[])a[i].Clone();
            double norm = Math.Sqrt(Dot(r, r)), c = b[i];
            if (norm == 0) { worst = Math.Max(worst, Math.Abs(c)); continue; }
            foreach (var (q, qc) in basis)
            {
                double t = Dot(q, r);
                if (t == 0) continue;
                for (int k = 0; k < r.Length; k++) r[k] -= t * q[k];
                c -= t * qc;
            }
            double residual = Math.Sqrt(Dot(r, r));
            if (residual <= threshold * norm) { worst = Math.Max(worst, Math.Abs(c)); continue; }
            for (int k = 0; k < r.Length; k++) r[k] /= residual;
            basis.Add((r, c / residual));
            kept.Add(i);
        }
        kept.Sort();
        double bNorm = Math.Sqrt(Dot(b, b));
        // Unit rows (b scaled alike): a solver's feasibility tolerance then weighs every kept equation the same.
        var norms = kept.Select(i => Math.Sqrt(Dot(a[i], a[i]))).ToArray();
        return new IndependentRows(kept.Select((i, k) => a[i].Select(v => v / norms[k]).ToArray()).ToArray(),
            kept.Select((i, k) => b[i] / norms[k]).ToArray(), worst / (1 + bNorm), m);
    }

    private static double Dot(double[] x, double[] y)
    {
        double sum = 0;
        for (int k = 0; k < x.Length; k++) sum += x[k] * y[k];
        return sum;
    }
}
