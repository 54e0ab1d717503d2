using SteeringRng.Sdp.Internal;

namespace SteeringRng.Sdp.Kkt;

/// <summary>
/// The parts of the search direction's dy that one iteration's predictor and correctors share. Their right-hand side
///   r(σμ, H) = A(σμZ⁻¹ − G − H) − b = (A(−G) − b) + σμ A(Z⁻¹) − A(H)
/// is linear in σμ and H, so with
///   dy_G = M⁻¹ (A(−G) − b),   dy_Z = M⁻¹ A(Z⁻¹),
/// solved together as two columns of one solve (the factor read once), the predictor is dy_G (no solve of its own)
/// and each corrector needs only M⁻¹ A(H). Before, the predictor and every corrector each solved with the whole
/// right-hand side, one column at a time.
/// </summary>
internal sealed class DirectionBasis
{
    private readonly double[] _dyG, _dyZ;

    private DirectionBasis(double[] dyG, double[] dyZ) => (_dyG, _dyZ) = (dyG, dyZ);

    /// <summary>dy_G and dy_Z for this iteration's factored M, G = X R_d Z⁻¹ and Z⁻¹.</summary>
    public static DirectionBasis Solve(InternalProblem p, SchurComplement schur, CholeskyFactor chol, double[][] g, double[][] zInv)
    {
        if (p.M == 0) return new DirectionBasis([], []);
        var rG = BlockAlgebra.Apply(p, g);
        for (var i = 0; i < rG.Length; i++) rG[i] = -rG[i] - p.B[i];
        var rZ = BlockAlgebra.Apply(p, zInv);
        var solved = chol.Solve([schur.ToPositions(rG), schur.ToPositions(rZ)]);
        return new DirectionBasis(schur.FromPositions(solved[0]), schur.FromPositions(solved[1]));
    }

    /// <summary>dy_G + σμ dy_Z, a new array (the solve for M⁻¹ A(H), if any, is subtracted by the caller).</summary>
    public double[] Combine(double sigmaMu)
    {
        var dy = new double[_dyG.Length];
        for (var i = 0; i < dy.Length; i++) dy[i] = _dyG[i] + sigmaMu * _dyZ[i];
        return dy;
    }
}
