using System.Runtime.CompilerServices;
using SteeringRng.Sdp.LinearAlgebra;

namespace SteeringRng.Sdp.Internal;

/// <summary>Operations on block-diagonal values (arrays of per-block arrays) that the path-following steps need.</summary>
internal static class BlockAlgebra
{
    /// <summary>⟨U, V⟩ = Σ_blocks tr(U V) = Σ U_jk V_jk for symmetric dense blocks, the dot product on diagonal blocks.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Dot(double[][] u, double[][] v)
    {
        var s = 0.0;
        for (var b = 0; b < u.Length; b++) s += ManagedKernels.Dot(u[b], 0, v[b], 0, u[b].Length);
        return s;
    }

    /// <summary>Frobenius norm in the user's scale (embedded Hermitian blocks divided by √2).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double FrobeniusNorm(double[][] u, BlockLayout[] layout)
    {
        var s = 0.0;
        for (var b = 0; b < u.Length; b++)
            s += ManagedKernels.Dot(u[b], 0, u[b], 0, u[b].Length) / (layout[b].FrobeniusScale * layout[b].FrobeniusScale);
        return Math.Sqrt(s);
    }

    /// <summary>y ← y + α·x blockwise.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Axpy(double alpha, double[][] x, double[][] y)
    {
        for (var b = 0; b < x.Length; b++) ManagedKernels.Axpy(alpha, x[b], 0, y[b], 0, x[b].Length);
    }

    /// <summary>A*(y) − C − Z = Σ y_i A_i − C − Z (the dual residual R_d of (D)).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double[][] DualResidual(InternalProblem p, double[] y, double[][] z)
    {
        var r = z.Select(b => b.Select(v => -v).ToArray()).ToArray();
        p.C.AddTo(r, -1.0, p.Layout);
        for (var i = 0; i < p.M; i++) p.A[i].AddTo(r, y[i], p.Layout);
        return r;
    }

    /// <summary>A(X) = (⟨A_i, X⟩)_i; X may be non-symmetric (A_i symmetric picks its symmetric part).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double[] Apply(InternalProblem p, double[][] x)
    {
        // O(nnz) work: sequential (a Parallel.For costs more than it saves here, badly so on a busy machine).
        var r = new double[p.M];
        for (var i = 0; i < p.M; i++) r[i] = p.A[i].Dot(x, p.Layout);
        return r;
    }
}
