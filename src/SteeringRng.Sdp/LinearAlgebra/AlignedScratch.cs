using System.Runtime.InteropServices;

namespace SteeringRng.Sdp.LinearAlgebra;

/// <summary>
/// Aligned native memory for the copies of <see cref="AlignedOperand"/>, kept per thread between calls. Freed copies of
/// block-sized operands (476 KB at n = 244, several per native call) went back to glibc, which after the first freed
/// mapping raises its mmap threshold and serves later ones from its heap; that heap kept about 20 MB of freed copies
/// at the peak of I3322 level 4 (measured: 266 MB against 249 MB with the threshold fixed). Here each thread keeps its
/// <see cref="Kept"/> most recently returned buffers and reuses any that is large enough, so the copies of one solve
/// live in a few buffers per thread.
/// </summary>
internal static unsafe class AlignedScratch
{
    /// <summary>Buffers kept per thread: a native call copies at most three operands at once (dgemm's A, B and C).</summary>
    private const int Kept = 3;

    private const nuint Alignment = 64;

    [ThreadStatic] private static (nint Pointer, long Bytes)[]? _kept;

    /// <summary>At least <paramref name="bytes"/> bytes at a 64-byte boundary: a kept buffer that fits, or a new one.</summary>
    public static (nint Pointer, long Bytes) Rent(long bytes)
    {
        var kept = _kept ??= new (nint, long)[Kept];
        var best = -1;
        for (var k = 0; k < Kept; k++)
            if (kept[k].Pointer != 0 && kept[k].Bytes >= bytes && (best < 0 || kept[k].Bytes < kept[best].Bytes)) best = k;
        if (best >= 0)
        {
            var found = kept[best];
            kept[best] = default;
            return found;
        }
        return ((nint)NativeMemory.AlignedAlloc((nuint)bytes, Alignment), bytes);
    }

    /// <summary>Keeps the buffer for this thread's next copy: in an empty place, else in place of the smallest kept one if that is smaller (which is freed); else frees it.</summary>
    public static void Return((nint Pointer, long Bytes) buffer)
    {
        var kept = _kept ??= new (nint, long)[Kept];
        var slot = 0;
        for (var k = 1; k < Kept; k++)
            if (kept[k].Pointer == 0 && kept[slot].Pointer != 0 || kept[slot].Pointer != 0 && kept[k].Bytes < kept[slot].Bytes) slot = k;
        if (kept[slot].Pointer != 0 && kept[slot].Bytes >= buffer.Bytes)
        {
            NativeMemory.AlignedFree((void*)buffer.Pointer);
            return;
        }
        if (kept[slot].Pointer != 0) NativeMemory.AlignedFree((void*)kept[slot].Pointer);
        kept[slot] = buffer;
    }
}
