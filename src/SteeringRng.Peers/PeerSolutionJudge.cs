using SteeringRng.Sdp;
using SteeringRng.Sdp.Sdpa;

namespace SteeringRng.Peers;

/// <summary>
/// Turns a peer's point and claim into an <see cref="SdpSolution"/> in our conventions. A claimed optimum is
/// graded by our DIMACS errors: Optimal within the tolerance, NearOptimal within the near-optimal tolerance,
/// otherwise NumericalFailure (the peer's claim is quoted, and the message names the errors above the tolerance). Infeasibility certificates are normalised
/// (bᵀy = −1, resp. ⟨C, X⟩ = 1) and their quality is reported in the message; the objectives are then the
/// values of the empty max (−∞ for an infeasible (P)) and of the unbounded side (−∞ resp. +∞).
/// </summary>
public static class PeerSolutionJudge
{
    public static SdpSolution Judge(SdpProblem problem, PeerPoint point, PeerVerdict verdict, SdpSettings settings,
        string solver, double seconds)
    {
        var solution = new SdpSolution
        {
            Status = SdpStatus.NumericalFailure, PrimalObjective = double.NaN, DualObjective = double.NaN,
            Y = point.Y, X = point.X, Z = point.Z, Dimacs = Enumerable.Repeat(double.NaN, 6).ToArray(),
            Iterations = verdict.Iterations, Seconds = seconds, Solver = solver, Message = verdict.Message,
        };
        return verdict.Claim switch
        {
            PeerClaim.PrimalInfeasible => PrimalInfeasible(problem, solution),
            PeerClaim.DualInfeasible => DualInfeasible(problem, solution),
            _ => Graded(problem, solution, verdict, settings),
        };
    }

    private static SdpSolution Graded(SdpProblem problem, SdpSolution s, PeerVerdict verdict, SdpSettings settings)
    {
        var dimacs = DimacsErrors.Evaluate(problem, s.X, s.Y, s.Z);
        var worst = DimacsErrors.Worst(dimacs);
        var status = verdict.Claim switch
        {
            PeerClaim.IterationLimit => SdpStatus.IterationLimit,
            PeerClaim.Failed => SdpStatus.NumericalFailure,
            _ when worst <= settings.Tolerance => SdpStatus.Optimal,
            _ when worst <= settings.NearOptimalTolerance => SdpStatus.NearOptimal,
            _ => SdpStatus.NumericalFailure,
        };
        // A claimed success that misses the requested accuracy says which criterion it missed (DimacsShortfall), so that
        // "near-optimal: csdp: success, SDP solved" is not a riddle.
        var message = (verdict.Claim, status) switch
        {
            (PeerClaim.Solved, SdpStatus.NumericalFailure) =>
                $"{verdict.Message}, but its largest DIMACS error is {worst:G3}, above the near-optimal tolerance {settings.NearOptimalTolerance:G3} " +
                $"({DimacsShortfall.Describe(dimacs, settings.NearOptimalTolerance)})",
            (PeerClaim.Solved, SdpStatus.NearOptimal) =>
                $"{verdict.Message}, but not to the tolerance: {DimacsShortfall.Describe(dimacs, settings.Tolerance)} " +
                $"(all within the near-optimal tolerance {settings.NearOptimalTolerance:G3})",
            _ => verdict.Message,
        };
        return s with
        {
            Status = status, PrimalObjective = BlockAlgebra.Inner(problem.C, s.X), DualObjective = Dot(problem.B, s.Y),
            Dimacs = dimacs, Message = message,
        };
    }

    /// <summary>Certificate of (P) infeasible: bᵀy &lt; 0 and Σ y_i A_i ⪰ 0; scaled to bᵀy = −1.</summary>
    private static SdpSolution PrimalInfeasible(SdpProblem problem, SdpSolution s)
    {
        var by = Dot(problem.B, s.Y);
        var y = by < 0 ? s.Y.Select(v => v / -by).ToArray() : s.Y;
        var aty = BlockAlgebra.Zeros(problem.Blocks);
        for (var i = 0; i < y.Length; i++) BlockAlgebra.AddSparse(aty, problem.A[i], y[i]);
        var quality = $"certificate: b'y = {Dot(problem.B, y):G6}, lambda_min(sum y_i A_i) = {BlockAlgebra.MinEigenvalue(aty):G3}";
        return s with
        {
            Status = SdpStatus.PrimalInfeasible, Y = y, PrimalObjective = double.NegativeInfinity,
            DualObjective = double.NegativeInfinity, Message = $"{s.Message}; {quality}",
        };
    }

    /// <summary>Certificate of (D) infeasible: ⟨A_i, X⟩ = 0, X ⪰ 0, ⟨C, X⟩ &gt; 0; scaled to ⟨C, X⟩ = 1.</summary>
    private static SdpSolution DualInfeasible(SdpProblem problem, SdpSolution s)
    {
        var cx = BlockAlgebra.Inner(problem.C, s.X);
        var x = cx > 0 ? s.X.Select(b => Scale(b, 1 / cx)).ToArray() : s.X.ToArray();
        var residual = Math.Sqrt(problem.A.Sum(a => Math.Pow(BlockAlgebra.Inner(a, x), 2)));
        var quality = $"certificate: <C,X> = {BlockAlgebra.Inner(problem.C, x):G6}, ||A(X)|| = {residual:G3}, lambda_min(X) = {BlockAlgebra.MinEigenvalue(x):G3}";
        return s with
        {
            Status = SdpStatus.DualInfeasible, X = x, PrimalObjective = double.PositiveInfinity,
            DualObjective = double.PositiveInfinity, Message = $"{s.Message}; {quality}",
        };
    }

    private static SdpBlockValue Scale(SdpBlockValue b, double factor) =>
        new(b.Shape, b.Re.Select(v => v * factor).ToArray(), b.Im?.Select(v => v * factor).ToArray());

    private static double Dot(double[] a, double[] b) => a.Select((v, i) => v * b[i]).Sum();
}
