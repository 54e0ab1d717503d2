namespace SteeringRng.Sdp.Certificates;

/// <summary>
/// Exact Gaussian elimination of one square block of <see cref="ExactAffineCorrection"/> over <see cref="Rational"/>:
/// the row swaps and multipliers (L) and the reduced upper triangle (U), so that a new right-hand side costs O(k²).
/// </summary>
internal sealed class ExactLu
{
    private readonly int _k;
    private readonly int[] _swap;            // at step c, row c was swapped with row _swap[c]
    private readonly Rational[,] _u;         // upper triangle (and diagonal) after elimination
    private readonly Rational[,] _l;         // multiplier of row c subtracted from row r (r > c)

    private ExactLu(int k, int[] swap, Rational[,] u, Rational[,] l) { _k = k; _swap = swap; _u = u; _l = l; }

    /// <summary>The factors of the block's matrix (rows: the component's constraints, columns: their pivots), or null if singular.</summary>
    public static ExactLu? Of(RealProblem problem, int[] component, Dictionary<int, int> column)
    {
        var k = component.Length;
        var m = new Rational[k, k];
        for (var r = 0; r < k; r++)
        {
            for (var c = 0; c < k; c++) m[r, c] = Rational.Zero;
            foreach (var (p, a) in problem.Rows[component[r]])
                if (column.TryGetValue(p, out var c)) m[r, c] += Rational.FromDouble(a);
        }
        var swap = new int[k];
        var l = new Rational[k, k];
        for (var c = 0; c < k; c++)
        {
            var r = c;
            while (r < k && m[r, c].IsZero) r++;
            if (r == k) return null;
            swap[c] = r;
            if (r != c)
                for (var j = 0; j < k; j++) (m[r, j], m[c, j]) = (m[c, j], m[r, j]);
            for (var j = 0; j < c; j++) if (r != c) (l[r, j], l[c, j]) = (l[c, j], l[r, j]);
            for (var rr = c + 1; rr < k; rr++)
            {
                if (m[rr, c].IsZero) { l[rr, c] = Rational.Zero; continue; }
                var f = m[rr, c] / m[c, c];
                l[rr, c] = f;
                for (var j = c; j < k; j++) if (!m[c, j].IsZero) m[rr, j] -= f * m[c, j];
            }
        }
        return new ExactLu(k, swap, m, l);
    }

    /// <summary>The exact solution of the block's system for this right-hand side.</summary>
    public Rational[] Solve(Rational[] rhs)
    {
        var b = (Rational[])rhs.Clone();
        // Apply the swaps in order, then L (forward substitution), as the elimination did to its matrix.
        for (var c = 0; c < _k; c++) if (_swap[c] != c) (b[_swap[c]], b[c]) = (b[c], b[_swap[c]]);
        for (var c = 0; c < _k; c++)
        {
            if (b[c].IsZero) continue;
            for (var r = c + 1; r < _k; r++)
                if (_l[r, c] is { IsZero: false } f) b[r] -= f * b[c];
        }
        var x = new Rational[_k];
        for (var c = _k - 1; c >= 0; c--)
        {
            var s = b[c];
            for (var j = c + 1; j < _k; j++) if (!_u[c, j].IsZero) s -= _u[c, j] * x[j];
            x[c] = s / _u[c, c];
        }
        return x;
    }
}
