namespace SteeringRng.Sdp;

/// <summary>The built-in primal–dual interior-point solver (being written: returns NumericalFailure for now).</summary>
public sealed class InteriorPointSolver : ISdpSolver
{
    public string Name => "builtin";

    public (bool Available, string Reason) Availability => (true, "");

    public SdpSolution Solve(SdpProblem problem, SdpSettings? settings = null, CancellationToken cancellation = default) =>
        new()
        {
            Status = SdpStatus.NumericalFailure, PrimalObjective = double.NaN, DualObjective = double.NaN,
            Y = new double[problem.ConstraintCount], Dimacs = [double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN],
            Iterations = 0, Seconds = 0, Solver = Name, Message = "the built-in solver is not implemented yet",
        };
}
