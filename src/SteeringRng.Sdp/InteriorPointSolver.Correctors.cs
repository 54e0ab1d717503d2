using SteeringRng.Sdp.Internal;
using SteeringRng.Sdp.Kkt;

namespace SteeringRng.Sdp;

public sealed partial class InteriorPointSolver
{
    private sealed partial class Run
    {
        /// <summary>An extra corrector is kept only if it lengthens the shorter of the two maximal steps by at least 1 %.</summary>
        private const double CorrectorGain = 1.01;

        /// <summary>
        /// Higher-order correction of Mehrotra's direction (Carpenter, Lustig, Mulvey, Shanno, "Higher-order
        /// predictor–corrector interior point methods with application to quadratic objectives", SIAM J. Optim. 3 (1993)
        /// 696–725). The complementarity equation is  (X + dX)(Z + dZ) = σμI, whose linearisation drops dX dZ;
        /// Mehrotra's corrector puts back the predictor's dX_a dZ_a. Repeating with the latest direction,
        ///   dX Z + X dZ = σμI − XZ − dX_k dZ_k   (H = dX_k dZ_k Z⁻¹ in <see cref="Direction"/>),
        /// is a fixed-point iteration towards the exact solution, i.e. towards a direction whose full step lands on the
        /// target σμ of the central path. Far from it the iteration can drift, so a new direction is kept only if the
        /// shorter of its maximal steps min(α_p, α_d) grows by <see cref="CorrectorGain"/>; the first candidate that
        /// does not ends the sequence. Every candidate meets the equality residuals (same r_p, R_d); the kept direction
        /// is then refined against the exact operator (<see cref="RefinePrimal"/>), and its maximal steps recomputed
        /// if that changed it.
        /// </summary>
        /// <returns>The direction and its step lengths (fraction to the boundary applied, at most 1).</returns>
        private (double[][] Dx, double[] Dy, double[][] Dz, double Ap, double Ad) Correct(
            SchurComplement schur, CholeskyFactor chol, Residuals res, DirectionBasis basis, double sigmaMu,
            (double[][] Dx, double[] Dy, double[][] Dz) mehrotra)
        {
            var (dx, dy, dz) = mehrotra;
            var full = 1 / FractionToBoundary; // a maximal step this long gives a step of 1
            var (ap, ad) = MaximalSteps(dx, dz);
            var exact = true; // (ap, ad) are the maximal steps of (dx, dz)
            for (var extra = 0; extra < _extraCorrectors && Math.Min(ap, ad) < full; extra++)
            {
                var (tx, ty, tz) = Direction(schur, chol, res, basis, sigmaMu, Product(dx, dz, _zInv));
                var (tp, td) = MaximalSteps(tx, tz);
                if (!(Math.Min(tp, td) >= CorrectorGain * Math.Min(ap, ad))) break;
                (dx, dy, dz, ap, ad) = (tx, ty, tz, tp, td);
            }
            // Only the kept direction is refined: the candidates are compared by step length, on which a defect of
            // A(dX) at the level of the tolerance has no influence, and each pass costs a solve with the m×m factor.
            for (var pass = 0; pass < 3 && _p.M > 0; pass++)
            {
                var (applied, again) = RefinePrimal(schur, chol, res, dx, dy, dz);
                exact &= !applied;
                if (!again) break;
            }
            if (!exact) (ap, ad) = MaximalSteps(dx, dz);
            return (dx, dy, dz, Math.Min(1, FractionToBoundary * ap), Math.Min(1, FractionToBoundary * ad));
        }

        /// <summary>The maximal steps α_max for X + α dX ⪰ 0 and Z + α dZ ⪰ 0 (eigenvalue problems per block).</summary>
        private (double Ap, double Ad) MaximalSteps(double[][] dx, double[][] dz)
        {
            // Per dense block and side: the congruence L⁻¹ dV L⁻ᵀ (n³ flops) and the tridiagonal reduction of the
            // smallest-eigenvalue search (4n³/3).
            _blockFlops += 2 * _layout.Sum(l => l.IsDiagonal ? l.Dim : 7.0 / 3 * Math.Pow(l.Dim, 3));
            _maxStepTime.Start();
            var steps = (StepLength.MaxStep(_k, _layout, _it.X, _lx, dx, Scratch), StepLength.MaxStep(_k, _layout, _it.Z, _lz, dz, Scratch));
            _maxStepTime.Stop();
            return steps;
        }
    }
}
