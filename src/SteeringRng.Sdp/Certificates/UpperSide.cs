namespace SteeringRng.Sdp.Certificates;

/// <summary>
/// A proven upper bound on the optimum of (P) max ⟨C, X⟩ s.t. ⟨A_i, X⟩ = b_i, X ⪰ 0, from any y (free variables,
/// no feasibility needed). Z = Σ y_i A_i − C is formed exactly from the doubles y_i; for every feasible X,
/// <code>
///   ⟨C, X⟩ = Σ_i y_i ⟨A_i, X⟩ − ⟨Z, X⟩ = bᵀy − ⟨Z, X⟩ ≤ bᵀy + max(0, −λ_min(Z))·Tr X .
/// </code>
/// When Z is proven PSD, y is feasible for (D) and bᵀy bounds opt(D) ≥ opt(P) as well; otherwise a bound τ ≥ Tr X
/// over the feasible X must be supplied.
/// </summary>
public static class UpperSide
{
    public static SideCertificate Certify(RealProblem problem, double[] y, double? traceBoundX)
    {
        if (y.Length != problem.B.Length || y.Any(v => !double.IsFinite(v)))
            return SideCertificate.Failed("the dual y has the wrong length or non-finite entries");
        var z = new Rational[problem.PositionCount];
        for (var p = 0; p < z.Length; p++) z[p] = Rational.Zero;
        // Z_p = Σ_i y_i (A_i)_p − C_p at the plain entries (rows hold weighted coefficients w_p A_p; divide w_p back out:
        // a power of two, exact).
        var weight = Weights(problem);
        for (var i = 0; i < y.Length; i++)
        {
            if (y[i] == 0) continue;
            var yi = Rational.FromDouble(y[i]);
            foreach (var (p, a) in problem.Rows[i]) z[p] += yi * Rational.FromDouble(a / weight[p]);
        }
        foreach (var (p, c) in problem.Objective) z[p] -= Rational.FromDouble(c / weight[p]);
        var nearest = new double[z.Length];
        var inexact = new bool[z.Length];
        for (var p = 0; p < z.Length; p++)
        {
            nearest[p] = z[p].Nearest();
            inexact[p] = !Rational.FromDouble(nearest[p]).Equals(z[p]);
        }
        var lambda = BlockMatrices.MinEigenvalueLowerBound(problem, nearest, z, inexact);
        var value = Rational.Zero;
        for (var i = 0; i < y.Length; i++) value += Rational.FromDouble(problem.B[i]) * Rational.FromDouble(y[i]);
        if (lambda >= 0)
            return new SideCertificate
            {
                Certified = true, Exact = value, Bound = value.UpperDouble(), MinEigenvalue = lambda,
                Method = $"exact rational: Z(y) PSD (λ_min ≥ {lambda:G3})",
            };
        if (traceBoundX is not { } tau || !double.IsFinite(lambda))
            return SideCertificate.Failed(double.IsFinite(lambda)
                ? $"Z(y) not proven PSD (λ_min ≥ {lambda:G3}) and no trace bound on X"
                : "no Cholesky factor of Z(y) found");
        var term = Rational.FromDouble(-lambda) * Rational.FromDouble(tau);
        var bound = value + term;
        return new SideCertificate
        {
            Certified = true, Exact = bound, Bound = bound.UpperDouble(), MinEigenvalue = lambda, TraceTerm = term.UpperDouble(),
            Method = $"exact rational: λ_min(Z(y)) ≥ {lambda:G3}, Tr X ≤ {tau:R}",
        };
    }

    private static double[] Weights(RealProblem problem)
    {
        var w = new double[problem.PositionCount];
        for (var k = 0; k < problem.Blocks.Count; k++)
        {
            var shape = problem.Blocks[k];
            for (var r = 0; r < shape.Size; r++)
            {
                if (shape.Kind == SdpConeKind.Nonnegative) { w[problem.Position(k, r, r)] = 1; continue; }
                for (var c = r; c < shape.Size; c++) w[problem.Position(k, r, c)] = RealProblem.Weight(shape, r, c);
            }
        }
        return w;
    }
}
