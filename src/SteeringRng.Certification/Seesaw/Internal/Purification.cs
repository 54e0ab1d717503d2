using System.Numerics;
using MathNet.Numerics.LinearAlgebra;
using CVector = MathNet.Numerics.LinearAlgebra.Vector<System.Numerics.Complex>;

namespace SteeringRng.Certification.Seesaw.Internal;

/// <summary>
/// Every no-signalling bipartite assemblage τ_{b|y} on T is quantum: with ρ = Σ_b τ_{b|y} = Σ_i λ_i |v_i⟩⟨v_i| (λ_i &gt; 0),
/// <code>
///   |Ψ⟩ = Σ_i √λ_i |v_i⟩_T |i⟩,   N_{b|y} = (Λ^{−1/2} V† τ_{b|y} V Λ^{−1/2})ᵀ,   Tr_2[(I_T ⊗ N_{b|y}) |Ψ⟩⟨Ψ|] = τ_{b|y},
/// </code>
/// and Σ_b N_{b|y} = I on the support's levels. In a block of size s ≥ rank ρ the remaining levels answer outcome 0.
/// </summary>
internal static class Purification
{
    /// <summary>Eigenvalues of ρ below this (relative to its trace) are dropped: the purification lives on the rest.</summary>
    public const double RankCut = 1e-12;

    /// <summary>The number of eigenvalues of ρ above the rank cut.</summary>
    public static int SupportSize(Matrix<Complex> rho) => Support(rho).Indices.Length;

    /// <summary>|Ψ⟩ on T ⊗ C^s (T the major index) and N_{b|y} as [y][b] on C^s; null when rank ρ &gt; s.</summary>
    public static (CVector Psi, Matrix<Complex>[][] Effects)? Of(Matrix<Complex> rho, Matrix<Complex>[][] tau, int size)
    {
        var (eig, support) = Support(rho);
        if (support.Length > size) return null;
        int dT = rho.RowCount;
        var effects = tau.Select(setting => (Matrix<Complex>[])PovmRepair.Repair(setting.Select((t, b) =>
        {
            var n = Matrix<Complex>.Build.Dense(size, size);
            for (int r = 0; r < support.Length; r++)
                for (int c = 0; c < support.Length; c++)
                {
                    var vr = eig.EigenVectors.Column(support[r]);
                    var vc = eig.EigenVectors.Column(support[c]);
                    // (Λ^{−1/2} V† τ V Λ^{−1/2})ᵀ: entry (r, c) is ⟨v_c|τ|v_r⟩ / √(λ_r λ_c).
                    n[r, c] = vc.ConjugateDotProduct(t * vr)
                        / Math.Sqrt(eig.EigenValues[support[r]].Real * eig.EigenValues[support[c]].Real);
                }
            if (b == 0) for (int l = support.Length; l < size; l++) n[l, l] = 1;
            return n;
        }).ToArray())).ToArray();
        var psi = CVector.Build.Dense(dT * size);
        for (int r = 0; r < support.Length; r++)
        {
            var v = eig.EigenVectors.Column(support[r]) * Math.Sqrt(eig.EigenValues[support[r]].Real);
            for (int t = 0; t < dT; t++) psi[t * size + r] = v[t];
        }
        return (psi, effects);
    }

    private static (MathNet.Numerics.LinearAlgebra.Factorization.Evd<Complex> Eig, int[] Indices) Support(Matrix<Complex> rho)
    {
        var eig = DenseOps.HermitianPart(rho).Evd(Symmetricity.Hermitian);
        double trace = rho.Trace().Real;
        return (eig, Enumerable.Range(0, rho.RowCount).Where(i => eig.EigenValues[i].Real > RankCut * trace).ToArray());
    }
}
