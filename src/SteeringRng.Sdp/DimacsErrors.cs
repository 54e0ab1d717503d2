using SteeringRng.Sdp.Internal;
using SteeringRng.Sdp.LinearAlgebra;

namespace SteeringRng.Sdp;

/// <summary>
/// The six DIMACS error measures (Mittelmann 2003; definitions in <see cref="SdpSolution.Dimacs"/>) in the user's
/// scale, from internal quantities: ‖E(M)‖_F = √2‖M‖_F and λ(E(X)/2) = λ(X)/2 on embedded Hermitian blocks.
/// ‖b‖₁ = Σ|b_i| and ‖C‖₁ = Σ_jk |C_jk| over the full matrix (|·| the complex modulus on Hermitian blocks).
/// </summary>
public static class DimacsErrors
{
    /// <summary>
    /// The six DIMACS errors of a given point (X, y, Z) of <paramref name="problem"/> (values in the layout of
    /// <see cref="SdpBlockValue"/>), e.g. to grade a peer solver's answer. Eigenvalues by the managed kernels.
    /// </summary>
    public static double[] Evaluate(SdpProblem problem, IReadOnlyList<SdpBlockValue> x, double[] y, IReadOnlyList<SdpBlockValue> z)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var p = InternalProblem.From(problem);
        if (x.Count != p.Layout.Length || z.Count != p.Layout.Length || y.Length != p.M)
            throw new ArgumentException($"The point has {x.Count} X blocks, {z.Count} Z blocks and {y.Length} y entries; the problem has {p.Layout.Length} blocks and {p.M} constraints.");
        var xi = p.Layout.Select((l, b) => l.FromUser(x[b], 1.0 / l.PrimalScale)).ToArray();
        var zi = p.Layout.Select((l, b) => l.FromUser(z[b], 1.0)).ToArray();
        var point = new Iterate(xi, y, zi);
        var res = Residuals.Of(p, point);
        var kernels = ManagedKernels.Instance;
        return Compute(p, res.PrimalNorm, res.DualNorm, LambdaMin(kernels, p.Layout, xi, primal: true),
            LambdaMin(kernels, p.Layout, zi, primal: false), res.PrimalObjective, res.DualObjective, res.XZ);
    }

    /// <summary>
    /// The six errors from ‖A(X) − b‖₂, ‖Σ y_i A_i − C − Z‖_F (user scale), λmin(X), λmin(Z) (user scale; pass 0 at
    /// interior points), both objectives and ⟨X, Z⟩.
    /// </summary>
    internal static double[] Compute(InternalProblem p, double primalResidualNorm, double dualResidualNorm,
        double lambdaMinX, double lambdaMinZ, double primalObjective, double dualObjective, double xz)
    {
        var bScale = 1 + p.BNorm1;
        var cScale = 1 + p.CNorm1;
        var objScale = 1 + Math.Abs(primalObjective) + Math.Abs(dualObjective);
        return
        [
            primalResidualNorm / bScale,
            Math.Max(0, -lambdaMinX) / bScale,
            dualResidualNorm / cScale,
            Math.Max(0, -lambdaMinZ) / cScale,
            (primalObjective - dualObjective) / objScale,
            xz / objScale,
        ];
    }

    /// <summary>The largest |error|: the measure compared with the tolerances (error 5 is signed).</summary>
    /// <summary>The largest |error| of the six (NaN if any is NaN).</summary>
    public static double Worst(IReadOnlyList<double> errors) =>
        errors.Any(double.IsNaN) ? double.NaN : errors.Max(Math.Abs);

    /// <summary>λmin over all blocks of an internal value, in the user's scale (scale = PrimalScale for X, 1 for Z).</summary>
    internal static double LambdaMin(IDenseKernels kernels, BlockLayout[] layout, double[][] v, bool primal)
    {
        var lmin = double.PositiveInfinity;
        for (var b = 0; b < layout.Length; b++)
        {
            var scale = primal ? layout[b].PrimalScale : 1.0;
            if (layout[b].IsDiagonal)
            {
                foreach (var x in v[b]) lmin = Math.Min(lmin, scale * x);
                continue;
            }
            var copy = (double[])v[b].Clone();
            lmin = Math.Min(lmin, scale * kernels.MinEigenvalue(copy, layout[b].Dim));
        }
        return lmin;
    }
}
