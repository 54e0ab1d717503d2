namespace SteeringRng.Sdp.Internal;

/// <summary>
/// The cores shared by the solves that run at once in this process. A parallel sweep runs one point per core, so
/// one solve per core; a solve's own parallel loops (Schur rows, blocks, Cholesky tiles) then find no free core and
/// their workers only spin and wait: in the Fig. 2 benchmark sample the Schur formation's loops spent about half of
/// their thread time waiting. Each solve is counted while it runs, and a loop uses ⌊cores / solves⌋ workers (at least
/// one): a solve alone (a single point, the last point of a sweep) still uses every core. Every parallel loop of the
/// solver computes each piece on one thread in a fixed order, so a result is the same bit for bit with any number of
/// workers.
/// </summary>
internal static class CoreShare
{
    private static int _solves;

    /// <summary>Counts a solve until the scope is disposed.</summary>
    public static Scope Solve()
    {
        Interlocked.Increment(ref _solves);
        return new Scope(counted: true);
    }

    /// <summary>Workers a parallel loop may use now: ⌊cores / running solves⌋, at least one.</summary>
    public static int Workers => Math.Max(1, Environment.ProcessorCount / Math.Max(1, Volatile.Read(ref _solves)));

    /// <summary>Options of a parallel loop that uses <see cref="Workers"/> workers.</summary>
    public static ParallelOptions Options() => new() { MaxDegreeOfParallelism = Workers };

    /// <summary>for (i = from; i &lt; to; i++) body(i), in parallel when more than one worker may be used.</summary>
    public static void For(int from, int to, Action<int> body)
    {
        var workers = Workers;
        if (workers <= 1 || to - from <= 1)
            for (var i = from; i < to; i++) body(i);
        else Parallel.For(from, to, new ParallelOptions { MaxDegreeOfParallelism = workers }, body);
    }

    public readonly struct Scope(bool counted) : IDisposable
    {
        public void Dispose()
        {
            if (counted) Interlocked.Decrement(ref _solves);
        }
    }
}
