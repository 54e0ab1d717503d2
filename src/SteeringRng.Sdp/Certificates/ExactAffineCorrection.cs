namespace SteeringRng.Sdp.Certificates;

/// <summary>
/// Moves an approximate primal point x̃ (a solver's X) onto the affine space ⟨A_i, X⟩ = b_i exactly, in rational
/// arithmetic, by changing one "pivot" entry per constraint.
/// <para>
/// Pivots: a maximum matching of constraints to entries they contain (entries with a coefficient ±2^k first, so
/// that most divisions stay dyadic). Constraint i depends on constraint j when i contains j's pivot. The strongly
/// connected components of that dependency graph, taken dependencies first, put the system in block-triangular
/// form (Dulmage–Mendelsohn): each component is a small square system in its own pivots, with every other entry
/// already final, solved exactly by Gaussian elimination over <see cref="Rational"/>. NPA moment matrices (every
/// entry holds one moment) and Collins–Gisin coordinates give components of size 1. A component larger than
/// <see cref="MaxComponent"/>, or a singular one, makes the correction fail with the reason; the caller then reports
/// the side as uncertified, never a number.
/// </para>
/// </summary>
public static class ExactAffineCorrection
{
    /// <summary>Largest square system solved in exact arithmetic (cost grows like size³ with growing numbers).</summary>
    public const int MaxComponent = 400;

    /// <summary>The exact point, or null with the reason in <paramref name="failure"/>; <paramref name="changed"/> marks the pivots.</summary>
    public static Rational[]? Apply(RealProblem problem, double[] approximate, out bool[] changed, out string failure)
    {
        failure = "";
        changed = new bool[problem.PositionCount];
        var plan = PivotPlan.For(problem, out failure);
        if (plan is null) return null;
        var x = new Rational[problem.PositionCount];
        for (var p = 0; p < x.Length; p++) x[p] = Rational.FromDouble(approximate[p]);
        var pivot = (int[])plan.Pivot.Clone();
        foreach (var component in plan.Components)
        {
            if (!SolveComponent(problem, pivot, component, x, out failure)) return null;
            foreach (var i in component) changed[pivot[i]] = true;
        }
        return x;
    }

    /// <summary>Σ_{p ∈ pivots} a_ip x_p = b_i − Σ_{other p} a_ip x_p for i in the component, solved exactly.</summary>
    private static bool SolveComponent(RealProblem problem, int[] pivot, int[] component, Rational[] x, out string failure)
    {
        failure = "";
        var k = component.Length;
        var column = new Dictionary<int, int>(k);
        for (var c = 0; c < k; c++) column[pivot[component[c]]] = c;
        var matrix = new Rational[k, k + 1];
        for (var r = 0; r < k; r++)
        {
            for (var c = 0; c <= k; c++) matrix[r, c] = Rational.Zero;
            var i = component[r];
            var rhs = Rational.FromDouble(problem.B[i]);
            foreach (var (p, a) in problem.Rows[i])
            {
                if (column.TryGetValue(p, out var c)) matrix[r, c] += Rational.FromDouble(a);
                else rhs -= Rational.FromDouble(a) * x[p];
            }
            matrix[r, k] = rhs;
        }
        if (k == 1)
        {
            if (matrix[0, 0].IsZero) { failure = $"constraint {component[0] + 1} has a zero pivot"; return false; }
            x[pivot[component[0]]] = matrix[0, 1] / matrix[0, 0];
            return true;
        }
        // Gaussian elimination with the first nonzero pivot (exact arithmetic: any nonzero pivot is as good).
        for (var c = 0; c < k; c++)
        {
            var r = c;
            while (r < k && matrix[r, c].IsZero) r++;
            if (r == k) { failure = $"a block of {k} constraints is singular on its pivot entries"; return false; }
            if (r != c)
                for (var j = c; j <= k; j++) (matrix[r, j], matrix[c, j]) = (matrix[c, j], matrix[r, j]);
            for (var rr = c + 1; rr < k; rr++)
            {
                if (matrix[rr, c].IsZero) continue;
                var f = matrix[rr, c] / matrix[c, c];
                for (var j = c; j <= k; j++) matrix[rr, j] -= f * matrix[c, j];
            }
        }
        var values = new Rational[k];
        for (var c = k - 1; c >= 0; c--)
        {
            var s = matrix[c, k];
            for (var j = c + 1; j < k; j++) s -= matrix[c, j] * values[j];
            values[c] = s / matrix[c, c];
        }
        for (var c = 0; c < k; c++) x[pivot[component[c]]] = values[c];
        return true;
    }
}
