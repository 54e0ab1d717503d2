using System.Runtime.CompilerServices;
using SteeringRng.Sdp.LinearAlgebra;

namespace SteeringRng.Sdp.Internal;

/// <summary>
/// Largest α with V + α dV ⪰ 0, blockwise. With V = L Lᵀ (Cholesky):
///   V + α dV = L (I + α L⁻¹ dV L⁻ᵀ) Lᵀ ⪰ 0  ⇔  1 + α λmin(L⁻¹ dV L⁻ᵀ) ≥ 0,
/// so α_max = −1/λmin when λmin &lt; 0 and ∞ otherwise. For a Nonnegative block α_max = min_{dv_k&lt;0} −v_k/dv_k.
/// </summary>
internal static class StepLength
{
    /// <summary>
    /// α_max for V + α dV; <paramref name="factors"/> holds the Cholesky factor L of each dense block of V, and
    /// <paramref name="scratch"/> an n×n array per block that is overwritten (L⁻¹ dV L⁻ᵀ, then the eigen-solver's work).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double MaxStep(IDenseKernels kernels, BlockLayout[] layout, double[][] v, double[]?[] factors, double[][] dv, double[][] scratch)
    {
        // Per block: α_b = −1/λmin (∞ if λmin ≥ 0), NaN if the eigenvalue solver failed; the blocks are independent.
        var perBlock = new double[layout.Length];
        BlockLoop.For(layout, b => perBlock[b] = BlockMaxStep(kernels, layout[b], v[b], factors[b], dv[b], scratch[b]));
        var alpha = double.PositiveInfinity;
        foreach (var a in perBlock)
        {
            if (double.IsNaN(a)) return 0;
            alpha = Math.Min(alpha, a);
        }
        return alpha;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double BlockMaxStep(IDenseKernels kernels, BlockLayout layout, double[] v, double[]? factor, double[] dv, double[] s)
    {
        var alpha = double.PositiveInfinity;
        if (layout.IsDiagonal)
        {
            for (var k = 0; k < dv.Length; k++)
                if (dv[k] < 0) alpha = Math.Min(alpha, -v[k] / dv[k]);
            return alpha;
        }
        var n = layout.Dim;
        Array.Copy(dv, s, s.Length);
        kernels.CongruenceByInverseFactor(factor!, n, s);
        var lmin = kernels.MinEigenvalue(s, n);
        if (double.IsNaN(lmin)) return double.NaN;
        return lmin < 0 ? -1.0 / lmin : alpha;
    }
}
