using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using SteeringRng.Sdp;

namespace SteeringRng.Certification.Run;

/// <summary>
/// A solver for one run of several scenarios that solves each relaxation SDP once: a scenario that asks for an SDP an
/// earlier scenario of the run already solved gets that solution instead of a second solve. The Fig. 2 benchmark
/// sample's seesaw scenario computes Q2 again at its 15 points so that the seesaw has its proven bound: 30 solves,
/// 2.5 s of row time. A solve is deterministic (the same problem, settings and solver give the same bits,
/// docs/architecture.md "Bit-identical results"), so the reused solution is the one a second solve would return.
/// <list type="bullet">
/// <item>Problems are recognised by the SHA-256 of their whole content (every block, entry and right-hand side, bit for
/// bit), the settings (all but the log callback) and the solver's name.</item>
/// <item>Only outcomes that do not depend on the clock are kept (not TimeLimit, not a solve cut short by Ctrl-C), and
/// at most <see cref="CapacityBytes"/> of solutions, or a sixteenth of the memory available to the process if that is
/// less (so the kept solutions stay small beside what `--memory-limit` lets a relaxation take); later problems are
/// solved as usual.</item>
/// <item>Only relaxation rows ask (<see cref="SolveOnce(SdpProblem, SdpSettings, CancellationToken)"/>); every other solve (seesaw steps, checks) goes straight to
/// the solver through <see cref="Solve"/>.</item>
/// </list>
/// A reused solution says so in its message (the row's message in JSON and CSV).
/// </summary>
public sealed class ReusingSolver(ISdpSolver inner) : ISdpSolver
{
    /// <summary>Most bytes of solutions (X, Z, y) held for reuse.</summary>
    public const long CapacityBytes = 256L << 20;

    /// <summary>The message a reused solution carries (after the original one, if any).</summary>
    public const string ReusedNote = "the same SDP was solved earlier in this run; its solution is reused";

    private readonly ConcurrentDictionary<string, SdpSolution> _solved = new();
    private readonly long _capacity = Math.Min(CapacityBytes, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 16);
    private long _bytes;
    private int _reused;

    public string Name => inner.Name;

    public (bool Available, string Reason) Availability => inner.Availability;

    /// <summary>How many solves were answered from an earlier one.</summary>
    public int Reused => _reused;

    public SdpSolution Solve(SdpProblem problem, SdpSettings? settings = null, CancellationToken cancellation = default) =>
        inner.Solve(problem, settings, cancellation);

    /// <summary>A relaxation's solve: through <see cref="SolveOnce(SdpProblem, SdpSettings, CancellationToken)"/> when the solver is a <see cref="ReusingSolver"/>, else directly.</summary>
    public static SdpSolution SolveOnce(ISdpSolver solver, SdpProblem problem, SdpSettings settings, CancellationToken cancellation) =>
        solver is ReusingSolver reusing ? reusing.SolveOnce(problem, settings, cancellation) : solver.Solve(problem, settings, cancellation);

    /// <summary>The solution of an identical earlier solve of this run, or a new solve (kept for later when it may be).</summary>
    public SdpSolution SolveOnce(SdpProblem problem, SdpSettings settings, CancellationToken cancellation)
    {
        var key = Key(problem, settings);
        if (_solved.TryGetValue(key, out var known))
        {
            Interlocked.Increment(ref _reused);
            return known with { Message = known.Message.Length == 0 ? ReusedNote : known.Message + "; " + ReusedNote };
        }
        var solution = inner.Solve(problem, settings, cancellation);
        if (solution.Status == SdpStatus.TimeLimit || cancellation.IsCancellationRequested) return solution;
        var bytes = Bytes(solution);
        if (Interlocked.Add(ref _bytes, bytes) <= _capacity) _solved.TryAdd(key, solution);
        else Interlocked.Add(ref _bytes, -bytes);
        return solution;
    }

    private static long Bytes(SdpSolution s) =>
        8L * (s.Y.Length + s.X.Concat(s.Z).Sum(v => (long)v.Re.Length + (v.Im?.Length ?? 0)));

    /// <summary>SHA-256 of the solver's name, the settings, and the problem's every number.</summary>
    private string Key(SdpProblem problem, SdpSettings settings)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[32 * 1024];
        var used = 0;
        void Flush()
        {
            hash.AppendData(buffer, 0, used);
            used = 0;
        }
        void Int(long v)
        {
            if (used + 8 > buffer.Length) Flush();
            BinaryPrimitives.WriteInt64LittleEndian(buffer.AsSpan(used), v);
            used += 8;
        }
        void Real(double v) => Int(BitConverter.DoubleToInt64Bits(v));
        void Matrix(SdpMatrix m)
        {
            Int(m.Entries.Count);
            foreach (var e in m.Entries)
            {
                Int(e.Block);
                Int(e.Row);
                Int(e.Col);
                Real(e.Value);
                Real(e.Imag);
            }
        }
        // Every setting but the log callback, as the record prints them (a setting added later is included too).
        hash.AppendData(System.Text.Encoding.UTF8.GetBytes(inner.Name + "\n" + (settings with { Log = null }) + "\n"));
        Int(problem.Blocks.Count);
        foreach (var b in problem.Blocks)
        {
            Int((long)b.Kind);
            Int(b.Size);
        }
        Matrix(problem.C);
        Int(problem.A.Count);
        foreach (var a in problem.A) Matrix(a);
        Int(problem.B.Length);
        foreach (var v in problem.B) Real(v);
        Flush();
        return Convert.ToHexString(hash.GetHashAndReset());
    }
}
