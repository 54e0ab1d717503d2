namespace SteeringRng.Sdp.Sdpa;

/// <summary>
/// The six DIMACS error measures (Mittelmann's definitions) of a candidate (X, y, Z) for
/// (P) max ⟨C,X⟩ s.t. ⟨A_i,X⟩ = b_i, X ⪰ 0 and (D) min bᵀy s.t. Z = Σ y_i A_i − C ⪰ 0:
/// <code>
///   1  ‖A(X) − b‖₂ / (1 + ‖b‖₁)             2  max(0, −λmin(X)) / (1 + ‖b‖₁)
///   3  ‖Σ y_i A_i − C − Z‖_F / (1 + ‖C‖₁)     4  max(0, −λmin(Z)) / (1 + ‖C‖₁)
///   5  (⟨C,X⟩ − bᵀy) / (1 + |⟨C,X⟩| + |bᵀy|)   6  ⟨X,Z⟩ / (1 + |⟨C,X⟩| + |bᵀy|)
/// </code>
/// ‖C‖₁ is the sum of the moduli of all entries of C (both triangles). Measure 5 keeps its sign (it is ≤ 0 at a
/// feasible pair, by weak duality); compare with <see cref="MaxAbs"/>. Computed the same way for every solver so
/// their accuracies compare.
/// </summary>
public static class DimacsErrors
{
    public static double[] Compute(SdpProblem problem, IReadOnlyList<SdpBlockValue> x, double[] y, IReadOnlyList<SdpBlockValue> z)
    {
        CheckShapes(problem, x, "X");
        CheckShapes(problem, z, "Z");
        if (y.Length != problem.ConstraintCount)
            throw new ArgumentException($"y has length {y.Length}, the problem has {problem.ConstraintCount} constraints");

        var bNorm1 = problem.B.Sum(Math.Abs);
        double residual2 = 0;
        for (var i = 0; i < problem.ConstraintCount; i++)
        {
            var r = BlockAlgebra.Inner(problem.A[i], x) - problem.B[i];
            residual2 += r * r;
        }

        // R = Σ y_i A_i − C − Z, built densely from −Z and the sparse data.
        var dualResidual = BlockAlgebra.Zeros(problem.Blocks);
        for (var k = 0; k < z.Count; k++)
        {
            for (var j = 0; j < z[k].Re.Length; j++) dualResidual[k].Re[j] = -z[k].Re[j];
            if (z[k].Im is { } zi && dualResidual[k].Im is { } ri)
                for (var j = 0; j < zi.Length; j++) ri[j] = -zi[j];
        }
        BlockAlgebra.AddSparse(dualResidual, problem.C, -1);
        for (var i = 0; i < problem.ConstraintCount; i++) BlockAlgebra.AddSparse(dualResidual, problem.A[i], y[i]);
        var cNorm1 = BlockAlgebra.EntrywiseOneNorm(problem.C);

        var primal = BlockAlgebra.Inner(problem.C, x);
        var dual = problem.B.Select((b, i) => b * y[i]).Sum();
        var objectiveScale = 1 + Math.Abs(primal) + Math.Abs(dual);
        return
        [
            Math.Sqrt(residual2) / (1 + bNorm1),
            Math.Max(0, -BlockAlgebra.MinEigenvalue(x)) / (1 + bNorm1),
            BlockAlgebra.FrobeniusNorm(dualResidual) / (1 + cNorm1),
            Math.Max(0, -BlockAlgebra.MinEigenvalue(z)) / (1 + cNorm1),
            (primal - dual) / objectiveScale,
            BlockAlgebra.Inner(x, z) / objectiveScale,
        ];
    }

    /// <summary>The largest |error| of the six (NaN if any is NaN).</summary>
    public static double MaxAbs(IReadOnlyList<double> errors) =>
        errors.Any(double.IsNaN) ? double.NaN : errors.Max(Math.Abs);

    private static void CheckShapes(SdpProblem problem, IReadOnlyList<SdpBlockValue> value, string name)
    {
        if (value.Count != problem.Blocks.Count)
            throw new ArgumentException($"{name} has {value.Count} blocks, the problem has {problem.Blocks.Count}");
        for (var k = 0; k < value.Count; k++)
        {
            var shape = problem.Blocks[k];
            if (value[k].Shape != shape || value[k].Re.Length != BlockAlgebra.Length(shape)
                || (shape.Kind == SdpConeKind.HermitianPsd && value[k].Im?.Length != shape.Size * shape.Size))
                throw new ArgumentException($"{name} block {k + 1} does not have the shape {shape.Kind} {shape.Size}");
        }
    }
}
