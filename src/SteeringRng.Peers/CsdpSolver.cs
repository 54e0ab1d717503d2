using System.Globalization;
using SteeringRng.Sdp;

namespace SteeringRng.Peers;

/// <summary>
/// CSDP (Borchers) as an <see cref="ISdpSolver"/>: <c>csdp problem.dat-s solution.txt</c>. CSDP's standard form is
/// ours ((P) max tr(CX), (D) min bᵀy with Z = Σ y_i A_i − C), so nothing changes sign. Tolerances and the
/// iteration limit go through param.csdp, which CSDP reads from its working folder.
/// </summary>
public sealed class CsdpSolver : SdpaPeerSolver
{
    public CsdpSolver() : base("csdp", "csdp", "Debian/Ubuntu: apt-get install coinor-csdp") { }

    protected override IReadOnlyList<string> PrepareRun(PeerWorkspace workspace, SdpSettings settings)
    {
        var tol = settings.Tolerance.ToString("R", CultureInfo.InvariantCulture);
        // axtol, atytol: relative primal and dual infeasibility; objtol: relative gap; the rest are CSDP's defaults.
        File.WriteAllLines(workspace.PathOf("param.csdp"),
        [
            $"axtol={tol}", $"atytol={tol}", $"objtol={tol}", "pinftol=1.0e8", "dinftol=1.0e8",
            $"maxiter={settings.MaxIterations}", "minstepfrac=0.90", "maxstepfrac=0.97", "minstepp=1.0e-8",
            "minstepd=1.0e-8", "usexzgap=1", "tweakgap=0", "affine=0", "printlevel=1", "perturbobj=1", "fastmode=0",
        ]);
        return [ProblemFile, SolutionFile];
    }

    protected override PeerVerdict Interpret(int exitCode, string stdout) => CsdpExitCodes.Interpret(exitCode, stdout);
}
