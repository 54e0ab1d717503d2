using SteeringRng.Sdp;
using SteeringRng.Sdp.Sdpa;

namespace SteeringRng.Peers;

/// <summary>
/// A reference solver run as a separate program through SDPA files: the problem (Hermitian blocks embedded, see
/// <see cref="HermitianEmbedding"/>) is written into a fresh temporary folder, the peer is run there with the
/// time limit and cancellation, its solution file is read back, mapped to the original blocks, and judged with
/// our own <see cref="DimacsErrors"/> so that every solver is measured the same way.
/// </summary>
public abstract class SdpaPeerSolver : ISdpSolver
{
    protected const string ProblemFile = "problem.dat-s";
    protected const string SolutionFile = "solution.txt";

    private readonly string _executableName;
    private readonly string _installHint;

    protected SdpaPeerSolver(string name, string executableName, string installHint)
    {
        Name = name;
        _executableName = executableName;
        _installHint = installHint;
    }

    public string Name { get; }

    public (bool Available, string Reason) Availability =>
        ExecutableSearch.Find(_executableName) is null
            ? (false, $"'{_executableName}' was not found on PATH ({_installHint})")
            : (true, "");

    /// <summary>Writes any extra input files and returns the command-line arguments.</summary>
    protected abstract IReadOnlyList<string> PrepareRun(PeerWorkspace workspace, SdpSettings settings);

    /// <summary>The problem as this peer is given it (by default as it is) and how its point maps back.</summary>
    protected virtual PeerLayout Arrange(SdpProblem real) => PeerLayout.AsIs(real);

    /// <summary>The peer's own verdict from its exit code and log.</summary>
    protected abstract PeerVerdict Interpret(int exitCode, string stdout);

    public SdpSolution Solve(SdpProblem problem, SdpSettings? settings = null, CancellationToken cancellation = default)
    {
        settings ??= SdpSettings.Default;
        settings.Validate();
        // m = 0 needs no peer (and CSDP and SDPA cannot read such a file): the shared exact answer, as the built-in gives.
        if (UnconstrainedSdp.Applies(problem)) return UnconstrainedSdp.Solve(problem, settings, Name);
        var executable = ExecutableSearch.Find(_executableName);
        if (executable is null) return Unsolved(problem, SdpStatus.NumericalFailure, Availability.Reason, 0, 0);

        if (cancellation.IsCancellationRequested)
            return Unsolved(problem, SdpStatus.TimeLimit, $"{Name}: cancelled before it started", 0, 0);

        using var workspace = new PeerWorkspace(Name);
        var real = HermitianEmbedding.ToReal(problem);
        var layout = Arrange(real);
        SdpaWriter.WriteFile(layout.Problem, workspace.PathOf(ProblemFile));
        PeerRun run;
        try { run = PeerProcess.Run(executable, PrepareRun(workspace, settings), workspace.Folder, settings.TimeLimit, cancellation); }
        catch (System.ComponentModel.Win32Exception e)
        {
            return Unsolved(problem, SdpStatus.NumericalFailure, $"{Name}: could not start {executable}: {e.Message}", 0, 0);
        }
        if (run.Outcome != PeerRunOutcome.Exited)
        {
            var why = run.Outcome == PeerRunOutcome.Cancelled ? "cancelled" : $"time limit of {settings.TimeLimit} reached";
            return Unsolved(problem, SdpStatus.TimeLimit, $"{Name}: {why}; the process was stopped", 0, run.Seconds);
        }

        var verdict = Interpret(run.ExitCode, run.Stdout);
        var solutionPath = workspace.PathOf(SolutionFile);
        if (!File.Exists(solutionPath))
        {
            var status = verdict.Claim == PeerClaim.IterationLimit ? SdpStatus.IterationLimit : SdpStatus.NumericalFailure;
            return Unsolved(problem, status, $"{verdict.Message}; no solution file was written", verdict.Iterations, run.Seconds);
        }
        PeerPoint point;
        try { point = layout.Restore(SdpaSolutionFile.Read(solutionPath, layout.Problem)); }
        catch (SdpaFormatException e)
        {
            return Unsolved(problem, SdpStatus.NumericalFailure,
                $"{verdict.Message}; its solution file is unreadable ({e.Problem} at line {e.Line})", verdict.Iterations, run.Seconds);
        }
        return PeerSolutionJudge.Judge(problem, ToOriginalBlocks(problem, point), verdict, settings, Name, run.Seconds);
    }

    /// <summary>Hermitian blocks come back as real 2n×2n blocks: X = unembed(X̃), Z = 2·unembed(Z̃).</summary>
    private static PeerPoint ToOriginalBlocks(SdpProblem problem, PeerPoint real)
    {
        if (!HermitianEmbedding.HasHermitianBlocks(problem)) return real;
        return new PeerPoint(real.Y, HermitianEmbedding.BlocksFromReal(problem, real.Z, 2), HermitianEmbedding.BlocksFromReal(problem, real.X, 1));
    }

    private SdpSolution Unsolved(SdpProblem problem, SdpStatus status, string message, int iterations, double seconds) => new()
    {
        Status = status, PrimalObjective = double.NaN, DualObjective = double.NaN, Y = new double[problem.ConstraintCount],
        Dimacs = Enumerable.Repeat(double.NaN, 6).ToArray(), Iterations = iterations, Seconds = seconds, Solver = Name, Message = message,
    };
}
