using System.Runtime.InteropServices;

namespace SteeringRng.Sdp.LinearAlgebra;

/// <summary>
/// Aligned native memory for the copies of <see cref="AlignedOperand"/>, kept per thread between calls. Freed copies of
/// block-sized operands (476 KB at n = 244, several per native call) went back to glibc, which after the first freed
/// mapping raises its mmap threshold and serves later ones from its heap; that heap kept about 20 MB of freed copies
/// at the peak of I3322 level 4 (measured: 266 MB against 249 MB with the threshold fixed). Here each thread keeps its
/// <see cref="Kept"/> largest returned buffers of at most <see cref="MaxKeptBytes"/> and reuses any that is large
/// enough, so the copies of one solve live in a few buffers per thread. Larger copies are freed at once, as before
/// (glibc maps and unmaps them). A thread's kept buffers are freed when the thread ends (their holder's finalizer).
/// </summary>
internal static unsafe class AlignedScratch
{
    /// <summary>Buffers kept per thread: a native call copies at most three operands at once (dgemm's A, B and C).</summary>
    private const int Kept = 3;

    /// <summary>Largest buffer kept: 2 MiB (a block of order 512), so a thread holds at most 6 MiB.</summary>
    public const long MaxKeptBytes = 2L << 20;

    private const nuint Alignment = 64;

    [ThreadStatic] private static KeptBuffers? _kept;

    /// <summary>At least <paramref name="bytes"/> bytes at a 64-byte boundary: a kept buffer that fits (the smallest), or a new one.</summary>
    public static (nint Pointer, long Bytes) Rent(long bytes)
    {
        var kept = (_kept ??= new KeptBuffers()).Buffers;
        var best = -1;
        for (var k = 0; k < Kept; k++)
            if (kept[k].Pointer != 0 && kept[k].Bytes >= bytes && (best < 0 || kept[k].Bytes < kept[best].Bytes)) best = k;
        if (best < 0) return ((nint)NativeMemory.AlignedAlloc((nuint)bytes, Alignment), bytes);
        var found = kept[best];
        kept[best] = default;
        return found;
    }

    /// <summary>
    /// Keeps the buffer for this thread's next copy: in an empty place, else in place of the smallest kept one if that
    /// is smaller (which is freed). Frees it instead when it is above <see cref="MaxKeptBytes"/> or smaller than all kept.
    /// </summary>
    public static void Return((nint Pointer, long Bytes) buffer)
    {
        var kept = (_kept ??= new KeptBuffers()).Buffers;
        var slot = 0;
        for (var k = 1; k < Kept; k++)
            if (kept[k].Pointer == 0 && kept[slot].Pointer != 0 || kept[slot].Pointer != 0 && kept[k].Bytes < kept[slot].Bytes) slot = k;
        if (buffer.Bytes > MaxKeptBytes || kept[slot].Pointer != 0 && kept[slot].Bytes >= buffer.Bytes)
        {
            NativeMemory.AlignedFree((void*)buffer.Pointer);
            return;
        }
        if (kept[slot].Pointer != 0) NativeMemory.AlignedFree((void*)kept[slot].Pointer);
        kept[slot] = buffer;
    }

    /// <summary>One thread's kept buffers; when the thread ends its thread-static reference goes, and the finalizer frees them.</summary>
    private sealed class KeptBuffers
    {
        public readonly (nint Pointer, long Bytes)[] Buffers = new (nint, long)[Kept];

        ~KeptBuffers()
        {
            foreach (var (pointer, _) in Buffers)
                if (pointer != 0) NativeMemory.AlignedFree((void*)pointer);
        }
    }
}
