namespace SteeringRng.Sdp.LinearAlgebra;

/// <summary>
/// OpenBLAS's thread count is one setting for the whole process, and a call's last bits depend on it (the work is
/// split differently). The large Schur factorisation runs with every core (<see cref="NativeLapack.Cholesky(double[], int, int)"/>) and
/// every other call with one thread; without a gate, a call made on another thread during such a factorisation (a
/// parallel sweep point, a second run in the same process) ran with all threads, so the same solve gave results that
/// differed in the last bits with timing: a seesaw value moved by 1.2e-12 and a marginal certificate flipped in CI.
/// Every native call holds the gate shared; the threaded factorisation holds it exclusively, so nothing else runs
/// while the thread count is raised. The factorisation uses every core anyway, so waiting costs little.
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
