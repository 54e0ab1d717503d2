using System.Diagnostics;
using SteeringRng.Sdp.Internal;
using SteeringRng.Sdp.LinearAlgebra;

namespace SteeringRng.Sdp;

/// <summary>
/// The built-in primal–dual interior-point solver: infeasible-start path following with the HKM search direction,
/// Mehrotra's predictor–corrector and, where forming the Schur complement dominates, higher-order correctors.
/// </summary>
/// <remarks>
/// References for the method (the code is our own):
/// <list type="bullet">
/// <item>C. Helmberg, F. Rendl, R. J. Vanderbei, H. Wolkowicz, "An interior-point method for semidefinite
/// programming", SIAM J. Optim. 6 (1996) 342–361; M. Kojima, S. Shindoh, S. Hara, "Interior-point methods for the
/// monotone semidefinite linear complementarity problem in symmetric matrices", SIAM J. Optim. 7 (1997) 86–125;
/// R. D. C. Monteiro, "Primal–dual path-following algorithms for semidefinite programming", SIAM J. Optim. 7 (1997)
/// 663–678 — the HKM direction.</item>
/// <item>S. Mehrotra, "On the implementation of a primal–dual interior point method", SIAM J. Optim. 2 (1992)
/// 575–601 — predictor–corrector.</item>
/// <item>T. J. Carpenter, I. J. Lustig, J. M. Mulvey, D. F. Shanno, "Higher-order predictor–corrector interior point
/// methods with application to quadratic objectives", SIAM J. Optim. 3 (1993) 696–725 — repeated correctors
/// (InteriorPointSolver.Correctors.cs).</item>
/// <item>K. Fujisawa, M. Kojima, K. Nakata, "Exploiting sparsity in primal–dual interior-point methods for
/// semidefinite programming", Math. Program. 79 (1997) 235–253 — the F1/F2/F3 Schur formulas.</item>
/// <item>B. Borchers, "CSDP, a C library for semidefinite programming", Optim. Methods Softw. 11 (1999) 613–623 —
/// starting point and infeasibility certificates.</item>
/// </list>
/// Iteration (the equations are next to the code in InteriorPointSolver.Iteration.cs): with R_d = Σ y_i A_i − C − Z,
/// the Newton system  A(dX) = b − A(X),  Σ dy_i A_i − dZ = −R_d,  dX Z + X dZ = σμI − XZ  is reduced to
///   M dy = A(σμZ⁻¹ − X R_d Z⁻¹) − b,   M_ij = ⟨A_i, X A_j Z⁻¹⟩,
///   dZ = R_d + Σ dy_i A_i,   dX = σμZ⁻¹ − X − sym(X dZ Z⁻¹).
/// Safeguards: the Schur complement is equilibrated and, on a Cholesky breakdown, shifted (with refinement back to
/// the unshifted system); each direction taken is refined against the exact operator so A(dX) = r_p holds to rounding;
/// a step that rounding pushes out of the cone is halved; the best point seen is kept and returned when the method
/// stagnates (no 10 % gain in 10 iterations) or its steps collapse.
/// Units: the problem is first equilibrated (Internal/ProblemScaling.cs: a power-of-two congruence of X when its rows
/// live on very different scales, row factors for A_i, factors for b and C), so the stopping and infeasibility tests
/// are relative to the data's scale; Optimal also needs the reported DIMACS errors, which are those of the original
/// problem at the unscaled point, within the tolerance. An infeasibility status comes only with a certificate that
/// passed <see cref="InfeasibilityCertificate"/>.
/// Status is always set; numerical trouble ends the solve with a status, never an exception. Invalid settings throw
/// <see cref="ArgumentException"/> (a programming error). Backend = Native on a machine without LAPACK returns
/// <see cref="SdpStatus.NumericalFailure"/> with a message naming the libraries tried.
/// </remarks>
public sealed partial class InteriorPointSolver : ISdpSolver
{
    public string Name => "builtin";

    public (bool Available, string Reason) Availability => (true, "");

    /// <summary>Whether native LAPACK/OpenBLAS kernels can be loaded here, and which library (or why not).</summary>
    public static (bool Available, string Description) NativeBackend
    {
        get
        {
            var (k, why) = NativeLapack.TryGet();
            return k is null ? (false, why) : (true, k.Name);
        }
    }

    public SdpSolution Solve(SdpProblem problem, SdpSettings? settings = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(problem);
        settings ??= SdpSettings.Default;
        settings.Validate();
        // m = 0 has an exact answer from the eigenvalues of C, shared by every solver (UnconstrainedSdp).
        if (UnconstrainedSdp.Applies(problem)) return UnconstrainedSdp.Solve(problem, settings, Name);
        var clock = Stopwatch.StartNew();
        var (kernels, why) = KernelSelection.For(settings.Backend);
        if (kernels is null) return NoSolution(problem, clock, why);
        try
        {
            using var share = CoreShare.Solve();
            return new Run(problem, settings, kernels, cancellation, clock).Execute();
        }
        catch (OutOfMemoryException e)
        {
            // The m×m Schur complement is dense: m = 50 000 already needs 20 GB.
            return NoSolution(problem, clock, $"not enough memory for m = {problem.ConstraintCount} constraints: {e.Message}");
        }
    }

    private SdpSolution NoSolution(SdpProblem problem, Stopwatch clock, string why) => new()
    {
        Status = SdpStatus.NumericalFailure, PrimalObjective = double.NaN, DualObjective = double.NaN,
        Y = new double[problem.ConstraintCount], Dimacs = [.. Enumerable.Repeat(double.NaN, 6)],
        Iterations = 0, Seconds = clock.Elapsed.TotalSeconds, Solver = Name, Message = why,
    };
}
