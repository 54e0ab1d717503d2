namespace SteeringRng.Sdp;

/// <summary>A solver for <see cref="SdpProblem"/>: the built-in interior-point method or a reference peer.</summary>
public interface ISdpSolver
{
    /// <summary>Short name used on the command line: "builtin", "csdp", "dsdp".</summary>
    string Name { get; }

    /// <summary>Whether the solver can run on this machine (a peer binary may be missing), and why not.</summary>
    (bool Available, string Reason) Availability { get; }

    /// <summary>Solves the problem; how the solve ended is in the status, never an exception.</summary>
    SdpSolution Solve(SdpProblem problem, SdpSettings? settings = null, CancellationToken cancellation = default);
}
