using SteeringRng.Sdp;

namespace SteeringRng.Certification.Tests.Support;

/// <summary>A solver that never succeeds (and returns no primal point): exercises every failure path cheaply.</summary>
internal sealed class FailingSolver : ISdpSolver
{
    public string Name => "failing";
    public (bool Available, string Reason) Availability => (true, "");

    public SdpSolution Solve(SdpProblem problem, SdpSettings? settings = null, CancellationToken cancellation = default) => new()
    {
        Status = SdpStatus.NumericalFailure, PrimalObjective = double.NaN, DualObjective = double.NaN,
        Y = new double[problem.ConstraintCount], Dimacs = new double[6], Iterations = 3, Seconds = 0, Solver = Name,
    };
}
