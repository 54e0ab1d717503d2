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
        var alpha = double.PositiveInfinity;
        for (var b = 0; b < layout.Length; b++)
        {
            if (layout[b].IsDiagonal)
            {
                for (var k = 0; k < dv[b].Length; k++)
                    if (dv[b][k] < 0) alpha = Math.Min(alpha, -v[b][k] / dv[b][k]);
                continue;
            }
            var n = layout[b].Dim;
            var s = scratch[b];
            Array.Copy(dv[b], s, s.Length);
            kernels.CongruenceByInverseFactor(factors[b]!, n, s);
            var lmin = kernels.MinEigenvalue(s, n);
            if (double.IsNaN(lmin)) return 0;
            if (lmin < 0) alpha = Math.Min(alpha, -1.0 / lmin);
        }
        return alpha;
    }
}
