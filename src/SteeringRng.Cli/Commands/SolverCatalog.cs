using SteeringRng.Peers;
using SteeringRng.Sdp;

namespace SteeringRng.Cli.Commands;

/// <summary>The solvers a command line can name.</summary>
public static class SolverCatalog
{
    public static ISdpSolver Create(string name) => name switch
    {
        "builtin" => new InteriorPointSolver(),
        "csdp" => new CsdpSolver(),
        "dsdp" => new DsdpSolver(),
        _ => throw new UsageException($"unknown solver '{name}'."),
    };
}
