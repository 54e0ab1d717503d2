using System.Globalization;
using SteeringRng.Sdp;

namespace SteeringRng.Peers;

/// <summary>
/// DSDP5 (Benson, Ye) as an <see cref="ISdpSolver"/>:
/// <c>dsdp5 problem.dat-s -save solution.txt -gaptol T -maxit N -print 1 -maxtrustradius 1</c>. DSDP prints its objectives with
/// the opposite sign (it maximises −bᵀy), but the file written with -save holds y, Z = Σ y_i A_i − C and X in
/// our convention (checked on theta of C5: y₁ = √5), so the objectives are computed from that file.
/// </summary>
public sealed class DsdpSolver : SdpaPeerSolver
{
    public DsdpSolver() : base("dsdp", "dsdp5", "Debian/Ubuntu: apt-get install dsdp") { }

    protected override IReadOnlyList<string> PrepareRun(PeerWorkspace workspace, SdpSettings settings) =>
    [
        ProblemFile, "-save", SolutionFile,
        "-gaptol", settings.Tolerance.ToString("R", CultureInfo.InvariantCulture),
        "-maxit", settings.MaxIterations.ToString(CultureInfo.InvariantCulture),
        "-print", "1",
        // Bound each dual step's length in the norm of the barrier's Hessian, ‖S^(−1/2) ΔS S^(−1/2)‖ ≤ 1 (the Dikin
        // ellipsoid, inside which S stays positive definite); DSDP's default radius is unlimited. Near the optimum of
        // NPA 1+BC relaxations DSDP otherwise takes steps of proximity 100 and more ("Pnrm" in its log) that leave S
        // nearly singular, and the Cholesky factor of M_ij = ⟨A_i, S⁻¹ A_j S⁻¹⟩ breaks down ("Indefinite Schur
        // Complement"). On the 28 joint-guess points μ = 0.73…1 (docs/peers.md): failures 4 → 1, at 1.8× the iterations.
        "-maxtrustradius", "1",
    ];

    /// <summary>DSDP's -save file is right only with one LP block, the last (<see cref="LpBlockMerge"/>).</summary>
    protected override PeerLayout Arrange(SdpProblem real) => LpBlockMerge.For(real);

    protected override PeerVerdict Interpret(int exitCode, string stdout) => DsdpLog.Interpret(exitCode, stdout);
}
