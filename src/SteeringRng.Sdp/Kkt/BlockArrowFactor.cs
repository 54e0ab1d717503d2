using SteeringRng.Sdp.LinearAlgebra;

namespace SteeringRng.Sdp.Kkt;

/// <summary>
/// Factors a symmetric positive definite M of block-arrow shape (see <see cref="BlockArrowPlan"/>) by eliminating the
/// groups first:
/// <code>
///   D_s = L_s L_sᵀ,   X_s = D_s⁻¹ E_s,   S = F − Σ_s E_sᵀ X_s = L_B L_Bᵀ   (S is the Schur complement of the D_s, SPD),
/// </code>
/// and solves M x = r as  y_s = D_s⁻¹ r_s,  x_B = S⁻¹ (r_B − Σ_s E_sᵀ y_s),  x_s = y_s − X_s x_B.
/// The input matrix is only read, so the caller keeps the unfactored M (for residuals and retries).
/// </summary>
internal sealed class BlockArrowFactor
{
    private readonly IDenseKernels _kernels;
    private readonly BlockArrowPlan _plan;
    private readonly double[][] _d;   // L_s, n_s×n_s
    private readonly double[][] _et;  // E_sᵀ, |B|×n_s (row b: the entries M[B_b, G_s])
    private readonly double[][] _xt;  // X_sᵀ, |B|×n_s
    private readonly double[] _s;     // L_B, |B|×|B|

    public BlockArrowFactor(IDenseKernels kernels, BlockArrowPlan plan)
    {
        _kernels = kernels;
        _plan = plan;
        var nb = plan.Border.Length;
        _d = plan.Groups.Select(g => new double[g.Length * g.Length]).ToArray();
        _et = plan.Groups.Select(g => new double[nb * g.Length]).ToArray();
        _xt = plan.Groups.Select(g => new double[nb * g.Length]).ToArray();
        _s = new double[nb * nb];
    }

    /// <summary>Factors M + shift·I, M read from the full row-major m×m <paramref name="a"/>. False if not positive definite.</summary>
    public bool Factor(double[] a, int m, double shift)
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
                var row = (long)g[i] * m;
                for (var j = 0; j < n; j++) d[i * n + j] = a[row + g[j]];
                d[i * n + i] += shift;
            }
            if (!_kernels.Cholesky(d, n)) { ok = false; return; }
            var et = _et[s];
            for (var b = 0; b < nb; b++)
            {
                var row = (long)border[b] * m;
                for (var j = 0; j < n; j++) et[b * n + j] = a[row + g[j]];
            }
            Array.Copy(et, _xt[s], et.Length);
            _kernels.CholeskySolveRows(d, n, _xt[s], nb);
        });
        if (!ok) return false;
        if (nb == 0) return true;
        // S = F + shift·I − Σ_s E_sᵀ X_s, row by row.
        Parallel.For(0, nb, b1 =>
        {
            var row = (long)border[b1] * m;
            for (var b2 = 0; b2 <= b1; b2++)
            {
                var v = a[row + border[b2]];
                for (var s = 0; s < groups.Length; s++)
                {
                    int n = groups[s].Length;
                    v -= ManagedKernels.Dot(_et[s], b1 * n, _xt[s], b2 * n, n);
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
        var y = new double[groups.Length][];
        for (var s = 0; s < groups.Length; s++)
        {
            var g = groups[s];
            y[s] = g.Select(p => x[p]).ToArray();
            _kernels.CholeskySolve(_d[s], g.Length, y[s]);
        }
        var xb = new double[nb];
        for (var b = 0; b < nb; b++)
        {
            var v = x[border[b]];
            for (var s = 0; s < groups.Length; s++) v -= ManagedKernels.Dot(_et[s], b * groups[s].Length, y[s], 0, groups[s].Length);
            xb[b] = v;
        }
        if (nb > 0) _kernels.CholeskySolve(_s, nb, xb);
        for (var b = 0; b < nb; b++) x[border[b]] = xb[b];
        for (var s = 0; s < groups.Length; s++)
        {
            var g = groups[s];
            int n = g.Length;
            var ys = y[s];
            for (var b = 0; b < nb; b++) ManagedKernels.Axpy(-xb[b], _xt[s], b * n, ys, 0, n);
            for (var j = 0; j < n; j++) x[g[j]] = ys[j];
        }
    }
}
