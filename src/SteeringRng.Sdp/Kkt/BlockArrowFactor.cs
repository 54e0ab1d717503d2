using SteeringRng.Sdp.LinearAlgebra;

namespace SteeringRng.Sdp.Kkt;

/// <summary>
/// Factors a symmetric positive definite M of block-arrow shape (see <see cref="BlockArrowPlan"/>) by eliminating the
/// groups first:
/// <code>
///   D_s = L_s L_sᵀ,   W_s = L_s⁻¹ E_s,   S = F − Σ_s W_sᵀ W_s = L_B L_Bᵀ   (S is the Schur complement of the D_s, SPD),
/// </code>
/// and solves M x = r as  u_s = L_s⁻¹ r_s,  x_B = S⁻¹ (r_B − Σ_s W_sᵀ u_s),  x_s = L_s⁻ᵀ (u_s − W_s x_B).
/// S is formed from W_sᵀ W_s, not E_sᵀ D_s⁻¹ E_s: near the optimum D_s is ill-conditioned, and the second form loses
/// a factor κ(D_s) of accuracy (measured: Q2 solves stalled at DIMACS 1e-7 with it, reached 1e-8 without the arrow).
/// The input matrix is only read, so the caller keeps the unfactored M (for residuals and retries).
/// </summary>
internal sealed class BlockArrowFactor
{
    private readonly IDenseKernels _kernels;
    private readonly BlockArrowPlan _plan;
    private readonly double[][] _d;   // L_s, n_s×n_s
    private readonly double[][] _wt;  // W_sᵀ, |B|×n_s (row b: L_s⁻¹ applied to the entries M[G_s, B_b])
    private readonly double[] _s;     // L_B, |B|×|B|

    public BlockArrowFactor(IDenseKernels kernels, BlockArrowPlan plan)
    {
        _kernels = kernels;
        _plan = plan;
        var nb = plan.Border.Length;
        _d = plan.Groups.Select(g => new double[g.Length * g.Length]).ToArray();
        _wt = plan.Groups.Select(g => new double[nb * g.Length]).ToArray();
        _s = new double[nb * nb];
    }

    /// <summary>Factors M + shift·I, M read from the full row-major m×m matrix at a[offset ..]. False if not positive definite.</summary>
    public bool Factor(double[] a, int offset, int m, double shift)
    {
        var groups = _plan.Groups;
        var border = _plan.Border;
        int nb = border.Length;
        var ok = true;
        // Groups are independent: factor them side by side while each factorisation is small enough to run on one
        // BLAS thread (a large one switches the library's thread count, which must not happen concurrently).
        var options = new ParallelOptions { MaxDegreeOfParallelism = groups.All(g => g.Length < NativeLapack.ThreadedCholeskyThreshold) ? -1 : 1 };
        Parallel.For(0, groups.Length, options, s =>
        {
            var g = groups[s];
            int n = g.Length;
            var d = _d[s];
            for (var i = 0; i < n; i++)
            {
                var row = offset + (long)g[i] * m;
                for (var j = 0; j < n; j++) d[i * n + j] = a[row + g[j]];
                d[i * n + i] += shift;
            }
            if (!_kernels.Cholesky(d, n)) { ok = false; return; }
            var wt = _wt[s];
            for (var b = 0; b < nb; b++)
            {
                var row = offset + (long)border[b] * m;
                for (var j = 0; j < n; j++) wt[b * n + j] = a[row + g[j]];
            }
            _kernels.ForwardSolveRows(d, n, wt, nb);
        });
        if (!ok) return false;
        if (nb == 0) return true;
        // S = F + shift·I − Σ_s W_sᵀ W_s, row by row.
        Parallel.For(0, nb, b1 =>
        {
            var row = offset + (long)border[b1] * m;
            for (var b2 = 0; b2 <= b1; b2++)
            {
                var v = a[row + border[b2]];
                for (var s = 0; s < groups.Length; s++)
                {
                    int n = groups[s].Length;
                    v -= ManagedKernels.Dot(_wt[s], b1 * n, _wt[s], b2 * n, n);
                }
                _s[b1 * nb + b2] = v;
                _s[b2 * nb + b1] = v;
            }
            _s[b1 * nb + b1] += shift;
        });
        return _kernels.Cholesky(_s, nb);
    }

    /// <summary>Solves (M + shift·I) x = r in place with the last factorisation.</summary>
    public void Solve(double[] x)
    {
        var groups = _plan.Groups;
        var border = _plan.Border;
        int nb = border.Length;
        var u = new double[groups.Length][];
        for (var s = 0; s < groups.Length; s++)
        {
            var g = groups[s];
            u[s] = g.Select(p => x[p]).ToArray();
            _kernels.ForwardSolveRows(_d[s], g.Length, u[s], 1);
        }
        var xb = new double[nb];
        for (var b = 0; b < nb; b++)
        {
            var v = x[border[b]];
            for (var s = 0; s < groups.Length; s++) v -= ManagedKernels.Dot(_wt[s], b * groups[s].Length, u[s], 0, groups[s].Length);
            xb[b] = v;
        }
        if (nb > 0) _kernels.CholeskySolve(_s, nb, xb);
        for (var b = 0; b < nb; b++) x[border[b]] = xb[b];
        for (var s = 0; s < groups.Length; s++)
        {
            var g = groups[s];
            int n = g.Length;
            var us = u[s];
            for (var b = 0; b < nb; b++) ManagedKernels.Axpy(-xb[b], _wt[s], b * n, us, 0, n);
            _kernels.BackwardSolveRows(_d[s], n, us, 1);
            for (var j = 0; j < n; j++) x[g[j]] = us[j];
        }
    }
}
