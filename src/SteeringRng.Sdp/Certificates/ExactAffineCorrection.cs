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
        for (var index = 0; index < plan.Components.Count; index++)
        {
            var component = plan.Components[index];
            if (!SolveComponent(problem, plan, index, pivot, component, x, out failure)) return null;
            foreach (var i in component) changed[pivot[i]] = true;
        }
        return x;
    }

    /// <summary>Σ_{p ∈ pivots} a_ip x_p = b_i − Σ_{other p} a_ip x_p for i in the component, solved exactly.</summary>
    private static bool SolveComponent(RealProblem problem, PivotPlan plan, int index, int[] pivot, int[] component, Rational[] x, out string failure)
    {
        failure = "";
        var k = component.Length;
        var column = new Dictionary<int, int>(k);
        for (var c = 0; c < k; c++) column[pivot[component[c]]] = c;
        var rhs = new Rational[k];
        for (var r = 0; r < k; r++)
        {
            var i = component[r];
            var value = new ExactSum();
            value.Add(problem.B[i]);
            foreach (var (p, a) in problem.Rows[i])
                if (!column.ContainsKey(p)) value.AddProduct(-a, x[p]);
            rhs[r] = value.Value;
        }
        // The block's matrix depends only on A and the pivots: its exact LU is computed once per relaxation shape
        // (a sweep swaps C only) and each point costs one forward and one back substitution.
        var lu = plan.Factors.GetOrAdd(index, _ => new Lazy<ExactLu?>(() => ExactLu.Of(problem, component, column))).Value;
        if (lu is null) { failure = $"a block of {k} constraints is singular on its pivot entries"; return false; }
        var values = lu.Solve(rhs);
        for (var c = 0; c < k; c++) x[pivot[component[c]]] = values[c];
        return true;
    }
}
