namespace SteeringRng.Sdp.LinearAlgebra;

/// <summary>
/// OpenBLAS's thread count is one setting for the whole process, and a call's last bits depend on it (the work is
/// split differently). Every call of the solver runs with one thread (the large Schur factorisation uses every core
/// through its own tiles, <see cref="TiledCholesky"/>); a caller that raises the count (the benchmark's rate
/// measurement) must hold this gate exclusively. Before, the large factorisation raised it, and without a gate a call
/// made on another thread meanwhile (a parallel sweep point, a second run in the same process) ran with all threads,
/// so the same solve gave results that differed in the last bits with timing: a seesaw value moved by 1.2e-12 and a
/// marginal certificate flipped in CI. Every native call holds the gate shared.
/// </summary>
internal static class BlasThreadGate
{
    private static readonly ReaderWriterLockSlim Gate = new(LockRecursionPolicy.SupportsRecursion);

    /// <summary>Held around every single-threaded native call.</summary>
    public static Scope Shared()
    {
        Gate.EnterReadLock();
        return new Scope(exclusive: false);
    }

    /// <summary>Held around a call that raises the thread count: no other native call runs meanwhile.</summary>
    public static Scope Exclusive()
    {
        Gate.EnterWriteLock();
        return new Scope(exclusive: true);
    }

    public readonly struct Scope(bool exclusive) : IDisposable
    {
        public void Dispose()
        {
            if (exclusive) Gate.ExitWriteLock();
            else Gate.ExitReadLock();
        }
    }
}
