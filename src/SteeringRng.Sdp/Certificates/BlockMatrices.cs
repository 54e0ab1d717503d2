namespace SteeringRng.Sdp.Certificates;

/// <summary>
/// Minimum-eigenvalue bound of an exactly given block-diagonal matrix (values at the positions of a
/// <see cref="RealProblem"/>). Each block is rounded to the nearest doubles M_d; with E = M − M_d (exact, nonzero only
/// where a value is not a double), λ_min(M) ≥ λ_min(M_d) − ‖E‖_F (Weyl), and λ_min(M_d) is bounded by
/// <see cref="PsdLowerBound"/>.
/// </summary>
public static class BlockMatrices
{
    /// <param name="exact">Exact values, read only where <paramref name="inexact"/> is true; elsewhere the double is exact.</param>
    public static double MinEigenvalueLowerBound(RealProblem problem, double[] doubles, Rational[]? exact, bool[]? inexact)
    {
        var lower = double.PositiveInfinity;
        for (var k = 0; k < problem.Blocks.Count; k++)
        {
            var shape = problem.Blocks[k];
            var n = shape.Size;
            var errorSquares = Rational.Zero;
            double blockBound;
            if (shape.Kind == SdpConeKind.Nonnegative)
            {
                // A diagonal block: λ_min is the smallest entry, exactly.
                var min = Rational.FromDouble(double.MaxValue);
                for (var r = 0; r < n; r++)
                {
                    var p = problem.Position(k, r, r);
                    var v = inexact is not null && inexact[p] ? exact![p] : Rational.FromDouble(doubles[p]);
                    if (v < min) min = v;
                }
                blockBound = n == 0 ? double.PositiveInfinity : min.LowerDouble();
            }
            else
            {
                var m = new double[n * n];
                for (var r = 0; r < n; r++)
                for (var c = r; c < n; c++)
                {
                    var p = problem.Position(k, r, c);
                    var v = doubles[p];
                    if (inexact is not null && inexact[p])
                    {
                        v = exact![p].Nearest();
                        var e = exact[p] - Rational.FromDouble(v);
                        var square = e * e;
                        errorSquares += r == c ? square : square + square;
                    }
                    m[r * n + c] = v;
                    m[c * n + r] = v;
                }
                var errorNorm = errorSquares.IsZero ? 0.0 : Math.BitIncrement(Math.Sqrt(errorSquares.UpperDouble()));
                var dBound = PsdLowerBound.Of(n, m);
                blockBound = double.IsFinite(dBound)
                    ? (Rational.FromDouble(dBound) - Rational.FromDouble(errorNorm)).LowerDouble()
                    : dBound;
            }
            lower = Math.Min(lower, blockBound);
        }
        return lower;
    }

    /// <summary>A floating-point estimate of λ_min over the blocks (a hint: decides whether the exact check is worth running).</summary>
    public static double MinEigenvalueEstimate(RealProblem problem, double[] doubles)
    {
        var lower = double.PositiveInfinity;
        for (var k = 0; k < problem.Blocks.Count; k++)
        {
            var shape = problem.Blocks[k];
            var n = shape.Size;
            if (n == 0) continue;
            if (shape.Kind == SdpConeKind.Nonnegative)
            {
                for (var r = 0; r < n; r++) lower = Math.Min(lower, doubles[problem.Position(k, r, r)]);
                continue;
            }
            var m = new double[n * n];
            for (var r = 0; r < n; r++)
            for (var c = r; c < n; c++) m[r * n + c] = m[c * n + r] = doubles[problem.Position(k, r, c)];
            lower = Math.Min(lower, LinearAlgebra.SymmetricEigen.MinEigenvalue(m, n));
        }
        return lower;
    }
}
