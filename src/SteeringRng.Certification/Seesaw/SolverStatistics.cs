namespace SteeringRng.Certification.Seesaw;

/// <summary>What computing one bound cost: how many SDPs, their total solver iterations and time, and the wall time.</summary>
public sealed record SolverStatistics(string Solver, int SdpCount, int Iterations, double SolverSeconds, double WallSeconds)
{
    public static SolverStatistics None(string solver) => new(solver, 0, 0, 0, 0);

    public override string ToString() =>
        $"{Solver}: {SdpCount} SDP(s), {Iterations} iterations, {SolverSeconds:F2} s in the solver, {WallSeconds:F2} s in all";
}
