using SteeringRng.Sdp.LinearAlgebra;

namespace SteeringRng.Sdp.Kkt;

/// <summary>
/// Factors the Schur complement M = L Lᵀ and solves M dy = r with safeguards:
/// <list type="bullet">
/// <item>on a Cholesky breakdown (M loses definiteness to rounding near the optimum), retry with M + δI,
/// δ = 10⁻¹⁴·max M_ii growing ×100 per attempt (at most 6);</item>
/// <item>iterative refinement against the unregularised M: r ← r − M dy, dy ← dy + M̃⁻¹ r, while the residual drops.</item>
/// </list>
/// The original M survives factorisation: the kernels only overwrite the lower triangle, the diagonal is saved.
/// </summary>
internal sealed class CholeskyFactor
{
    private readonly IDenseKernels _kernels;
    private readonly int _m;
    private readonly double[] _diag;

    public CholeskyFactor(IDenseKernels kernels, int m)
    {
        _kernels = kernels;
        _m = m;
        Matrix = new double[(long)m * m <= Array.MaxLength ? m * m : throw new InsufficientMemoryException($"Schur complement {m}×{m} is too large.")];
        _diag = new double[m];
    }

    /// <summary>The full symmetric matrix to be filled before <see cref="Factor"/>.</summary>
    public double[] Matrix { get; }

    /// <summary>The shift δ used by the last successful factorisation (0 when none was needed).</summary>
    public double Regularization { get; private set; }

    /// <summary>False if even the regularised matrix cannot be factored (non-finite entries or a hopeless M).</summary>
    public bool Factor()
    {
        var m = _m;
        var a = Matrix;
        var maxDiag = 0.0;
        for (var i = 0; i < m; i++)
        {
            _diag[i] = a[i * m + i];
            if (!double.IsFinite(_diag[i])) return false;
            maxDiag = Math.Max(maxDiag, Math.Abs(_diag[i]));
        }
        Regularization = 0;
        if (_kernels.Cholesky(a, m)) return true;
        var delta = 1e-14 * Math.Max(maxDiag, 1e-300);
        for (var attempt = 0; attempt < 6; attempt++, delta *= 100)
        {
            RestoreLower();
            for (var i = 0; i < m; i++) a[i * m + i] = _diag[i] + delta;
            if (!_kernels.Cholesky(a, m)) continue;
            Regularization = delta;
            return true;
        }
        return false;
    }

    /// <summary>Solves M dy = r (r is not modified) with up to three refinement steps.</summary>
    public double[] Solve(double[] r)
    {
        var x = (double[])r.Clone();
        _kernels.CholeskySolve(Matrix, _m, x);
        var best = ResidualNorm(r, x, out var res);
        for (var step = 0; step < 3 && best > 0; step++)
        {
            _kernels.CholeskySolve(Matrix, _m, res);
            var trial = new double[_m];
            for (var i = 0; i < _m; i++) trial[i] = x[i] + res[i];
            var norm = ResidualNorm(r, trial, out var nextRes);
            if (!(norm < 0.5 * best)) break;
            (x, best, res) = (trial, norm, nextRes);
        }
        return x;
    }

    /// <summary>‖r − M x‖₂ with M read from the untouched strict upper triangle and the saved diagonal.</summary>
    private double ResidualNorm(double[] r, double[] x, out double[] res)
    {
        var m = _m;
        var a = Matrix;
        var mx = new double[m];
        for (var i = 0; i < m; i++)
        {
            var s = _diag[i] * x[i] + ManagedKernels.Dot(a, i * m + i + 1, x, i + 1, m - i - 1);
            var xi = x[i];
            mx[i] += s;
            // Upper row i also holds column i of the lower part: M_ji = M_ij for j > i.
            ManagedKernels.Axpy(xi, a, i * m + i + 1, mx, i + 1, m - i - 1);
        }
        res = new double[m];
        var norm = 0.0;
        for (var i = 0; i < m; i++)
        {
            res[i] = r[i] - mx[i];
            norm += res[i] * res[i];
        }
        return Math.Sqrt(norm);
    }

    private void RestoreLower()
    {
        var a = Matrix;
        for (var i = 0; i < _m; i++)
        for (var j = 0; j < i; j++) a[i * _m + j] = a[j * _m + i];
    }
}
