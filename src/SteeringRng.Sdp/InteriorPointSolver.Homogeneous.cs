using SteeringRng.Sdp.Internal;

namespace SteeringRng.Sdp;

public sealed partial class InteriorPointSolver
{
    private sealed partial class Run
    {
        /// <summary>
        /// b = 0 (a moment form whose objective is constant on its feasible set, e.g. a facially reduced pure-state
        /// point, docs/formulations/facial-reduction.md): X = 0 is primal feasible with ⟨C, 0⟩ = 0 = bᵀy for every y, so
        /// (0, y, Z) is an exactly complementary pair, optimal as soon as y is dual feasible (Z ≻ 0 holds at every
        /// iterate). The path's own X reaches 0 only as fast as μ does, and when the moment side has no interior (a face
        /// the reduction did not remove) its primal steps collapse near μ·n ≈ 1e-8, just short of the tolerance.
        /// Returns the solution at X = 0 when its DIMACS errors are within the tolerance, else null.
        /// </summary>
        private SdpSolution? HomogeneousOptimum(int iter)
        {
            if (_p.M == 0 || Array.Exists(_p.B, b => b != 0)) return null;
            var zero = new Iterate(_p.NewBlocks(), (double[])_it.Y.Clone(), _it.Z.Select(b => (double[])b.Clone()).ToArray());
            var res = Residuals.Of(_p, zero);
            var worst = DimacsErrors.Worst(DimacsErrors.Compute(_p, res.PrimalNorm, res.DualNorm, 0, 0, res.PrimalObjective, res.DualObjective, res.XZ));
            if (!(worst <= _settings.Tolerance) || !(OriginalWorst(zero) <= _settings.Tolerance)) return null;
            return Finish(SdpStatus.Optimal, zero, iter, "");
        }
    }
}
