using System.Diagnostics;
using System.Globalization;
using SteeringRng.Sdp.LinearAlgebra;
using Dense = SteeringRng.Sdp.Sdpa.BlockAlgebra;

namespace SteeringRng.Sdp;

/// <summary>
/// A problem without constraints (m = 0) is decided from the eigenvalues of C, without an interior-point method:
/// <code>
///   (P)  max ⟨C, X⟩  s.t.  X ⪰ 0          (D)  min 0 (the empty bᵀy)  s.t.  Z = −C ⪰ 0
/// </code>
/// If λmax(C_b) ≤ 0 on every block, ⟨C, X⟩ ≤ 0 for every X ⪰ 0: X = 0 is optimal with value 0, and y = (), Z = −C
/// is dual feasible with value 0 (all six DIMACS errors are 0; error 4 is λmax(C)⁺/(1 + ‖C‖₁)). Otherwise a unit
/// eigenvector v of a block with C_b v = λ v, λ &gt; 0, gives X = v v*/λ ⪰ 0 with ⟨C, X⟩ = 1: ⟨C, tX⟩ = t grows
/// without bound, so (P) is unbounded and (D) infeasible (⟨A_i, X⟩ = 0 holds vacuously); the certificate is checked
/// by <see cref="InfeasibilityCertificate"/> like the built-in solver's. A λ &gt; 0 too small for that check is
/// rounding, and the point X = 0 is graded by its DIMACS errors instead.
/// Why here: facially reduced relaxations can lose every constraint (NS at μ = 1), CSDP and SDPA cannot read a file
/// with m = 0 and an interior-point method would only approximate what is known exactly. Every solver
/// (<see cref="InteriorPointSolver"/> and the SDPA peers) calls this at the top of its Solve, so all answer alike.
/// </summary>
public static class UnconstrainedSdp
{
    /// <summary>Whether the problem has no constraints, so that <see cref="Solve"/> answers it.</summary>
    public static bool Applies(SdpProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return problem.ConstraintCount == 0;
    }

    /// <summary>The exact answer to a problem with m = 0, reported as coming from <paramref name="solver"/>.</summary>
    /// <exception cref="ArgumentException">The problem has constraints.</exception>
    public static SdpSolution Solve(SdpProblem problem, SdpSettings settings, string solver)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!Applies(problem)) throw new ArgumentException($"The problem has {problem.ConstraintCount} constraints; only m = 0 is decided here.");
        var clock = Stopwatch.StartNew();
        var (lambda, ray) = TopEigenpair(problem);
        var say = $"no constraints (m = 0), decided from the eigenvalues of C without running {solver}";
        if (lambda > 0)
        {
            var check = InfeasibilityCertificate.CheckDual(problem, ray, settings.Tolerance);
            if (check.Valid)
            {
                return new SdpSolution
                {
                    Status = SdpStatus.DualInfeasible, PrimalObjective = double.PositiveInfinity, DualObjective = double.PositiveInfinity,
                    Y = [], X = ray, Dimacs = [.. Enumerable.Repeat(double.NaN, 6)], Iterations = 0,
                    Seconds = clock.Elapsed.TotalSeconds, Solver = solver,
                    Message = Say($"{say}: λmax(C) = {lambda:G6} > 0, so ⟨C, X⟩ is unbounded on X ⪰ 0 (dual infeasible); {check.Detail}"),
                };
            }
        }
        return AtZero(problem, settings, solver, clock, Say($"{say}: λmax(C) = {lambda:G6}, so X = 0 is optimal with value 0"));
    }

    /// <summary>X = 0, y = (), Z = −C, graded by its DIMACS errors like any solver's point.</summary>
    private static SdpSolution AtZero(SdpProblem problem, SdpSettings settings, string solver, Stopwatch clock, string message)
    {
        var x = Dense.Zeros(problem.Blocks);
        var z = Dense.Zeros(problem.Blocks);
        Dense.AddSparse(z, problem.C, -1);
        var dimacs = DimacsErrors.Evaluate(problem, x, [], z);
        var worst = DimacsErrors.Worst(dimacs);
        var status = worst <= settings.Tolerance ? SdpStatus.Optimal
            : worst <= settings.NearOptimalTolerance ? SdpStatus.NearOptimal
            : SdpStatus.NumericalFailure;
        return new SdpSolution
        {
            Status = status, PrimalObjective = 0, DualObjective = 0, Y = [], X = x, Z = z, Dimacs = dimacs, Iterations = 0,
            Seconds = clock.Elapsed.TotalSeconds, Solver = solver,
            Message = status == SdpStatus.Optimal ? message : Say($"{message}; its largest DIMACS error is {worst:G3}"),
        };
    }

    /// <summary>
    /// The largest eigenvalue of C over all blocks and X = v v*/λ for its unit eigenvector v (zero on the other
    /// blocks; X = 0 when λ ≤ 0). A Hermitian block's real form [[Re, −Im], [Im, Re]] has the same eigenvalues, and its
    /// eigenvector (a; b) gives v = a + i b: v v* = (a aᵀ + b bᵀ) + i (b aᵀ − a bᵀ).
    /// </summary>
    private static (double Lambda, SdpBlockValue[] X) TopEigenpair(SdpProblem problem)
    {
        var c = Dense.Zeros(problem.Blocks);
        Dense.AddSparse(c, problem.C, 1);
        var x = Dense.Zeros(problem.Blocks);
        var best = double.NegativeInfinity;
        var (bestBlock, bestVector) = (-1, Array.Empty<double>());
        for (var k = 0; k < c.Length; k++)
        {
            var (lambda, vector) = Top(c[k]);
            if (lambda > best) (best, bestBlock, bestVector) = (lambda, k, vector);
        }
        if (!(best > 0)) return (best, x);
        var block = x[bestBlock];
        var n = block.Shape.Size;
        switch (block.Shape.Kind)
        {
            case SdpConeKind.Nonnegative:
                block.Re[Array.IndexOf(bestVector, 1.0)] = 1 / best;
                break;
            case SdpConeKind.Psd:
                for (var r = 0; r < n; r++)
                for (var s = 0; s < n; s++)
                    block.Re[r * n + s] = bestVector[r] * bestVector[s] / best;
                break;
            case SdpConeKind.HermitianPsd:
                for (var r = 0; r < n; r++)
                for (var s = 0; s < n; s++)
                {
                    var (ar, br, ac, bc) = (bestVector[r], bestVector[n + r], bestVector[s], bestVector[n + s]);
                    block.Re[r * n + s] = (ar * ac + br * bc) / best;
                    block.Im![r * n + s] = (br * ac - ar * bc) / best;
                }
                break;
        }
        return (best, x);
    }

    /// <summary>λmax of one block and a unit eigenvector (of the real form for a Hermitian block; e_j for a Nonnegative one).</summary>
    private static (double Lambda, double[] Vector) Top(SdpBlockValue block)
    {
        var n = block.Shape.Size;
        if (n == 0) return (double.NegativeInfinity, []);
        if (block.Shape.Kind == SdpConeKind.Nonnegative)
        {
            var j = Array.IndexOf(block.Re, block.Re.Max());
            var e = new double[n];
            e[j] = 1;
            return (block.Re[j], e);
        }
        var (matrix, order) = block.Shape.Kind == SdpConeKind.HermitianPsd
            ? (Dense.RealForm(block), 2 * n)
            : ((double[])block.Re.Clone(), n);
        var (values, vectors) = JacobiEigen.Decompose(matrix, order);
        var top = Array.IndexOf(values, values.Max());
        var v = new double[order];
        for (var r = 0; r < order; r++) v[r] = vectors[r * order + top];
        return (values[top], v);
    }

    private static string Say(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
