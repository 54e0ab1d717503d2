using System.Runtime.CompilerServices;
namespace SteeringRng.Sdp.Internal;

/// <summary>
/// Residuals and objectives of an iterate:
///   r_p = b − A(X),   R_d = Σ y_i A_i − C − Z,   ⟨C, X⟩,   bᵀy,   ⟨X, Z⟩,   μ = ⟨X, Z⟩ / n.
/// </summary>
internal sealed class Residuals
{
    private Residuals(double[] primal, double[][] dual, double pobj, double dobj, double xz, double primalNorm, double dualNorm, int n)
    {
        Primal = primal;
        Dual = dual;
        PrimalObjective = pobj;
        DualObjective = dobj;
        XZ = xz;
        PrimalNorm = primalNorm;
        DualNorm = dualNorm;
        Mu = xz / n;
    }

    public double[] Primal { get; }
    public double[][] Dual { get; }
    public double PrimalObjective { get; }
    public double DualObjective { get; }
    public double XZ { get; }

    /// <summary>‖r_p‖₂.</summary>
    public double PrimalNorm { get; }

    /// <summary>‖R_d‖_F in the user's scale.</summary>
    public double DualNorm { get; }

    public double Mu { get; }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Residuals Of(InternalProblem p, Iterate it)
    {
        var ax = BlockAlgebra.Apply(p, it.X);
        var rp = new double[p.M];
        var norm = 0.0;
        for (var i = 0; i < p.M; i++)
        {
            rp[i] = p.B[i] - ax[i];
            norm += rp[i] * rp[i];
        }
        var rd = BlockAlgebra.DualResidual(p, it.Y, it.Z);
        var dobj = 0.0;
        for (var i = 0; i < p.M; i++) dobj += p.B[i] * it.Y[i];
        return new Residuals(rp, rd, p.C.Dot(it.X, p.Layout), dobj, BlockAlgebra.Dot(it.X, it.Z),
            Math.Sqrt(norm), BlockAlgebra.FrobeniusNorm(rd, p.Layout), p.TotalDim);
    }
}
