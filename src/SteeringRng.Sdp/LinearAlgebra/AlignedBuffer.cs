using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace SteeringRng.Sdp.LinearAlgebra;

/// <summary>
/// A managed array of doubles whose element <see cref="Offset"/> lies on a 64-byte boundary, for the large Schur
/// matrix. OpenBLAS's results depend on an operand's alignment (see <see cref="AlignedOperand"/>), and .NET arrays are
/// only 8-byte aligned, so an ordinary array would be copied into aligned native memory for every dpotrf and dpotrs:
/// on I3322 level 4 (m = 4491) that copy was a second 161 MB, a third of the solver's peak. The array is allocated on
/// the pinned-object heap, so it never moves and the offset found at allocation stays right; the data starts at
/// the first aligned element (at most 7 doubles of padding) and the kernels work on it in place.
/// </summary>
internal sealed unsafe class AlignedBuffer
{
    /// <summary>The alignment in bytes (a cache line; what <see cref="AlignedOperand"/> gives its copies).</summary>
    public const int Alignment = 64;

    private const int Padding = Alignment / sizeof(double) - 1;

    private AlignedBuffer(double[] array, int offset, int length)
    {
        Array = array;
        Offset = offset;
        Length = length;
    }

    /// <summary>The storage; the data is <c>Array[Offset .. Offset + Length)</c>.</summary>
    public double[] Array { get; }

    /// <summary>Index of the first element of the data, the first element on a 64-byte boundary (0..7).</summary>
    public int Offset { get; }

    /// <summary>Number of doubles of the data.</summary>
    public int Length { get; }

    /// <summary>Largest <see cref="Length"/> that can be allocated (the array also holds the padding).</summary>
    public static long MaxLength => System.Array.MaxLength - Padding;

    /// <summary>A zeroed buffer of <paramref name="length"/> doubles at a 64-byte boundary.</summary>
    public static AlignedBuffer Allocate(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        if (length > MaxLength) throw new InsufficientMemoryException($"{length} doubles exceed the largest array.");
        var array = GC.AllocateArray<double>(length + Padding, pinned: true);
        var address = (nuint)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(array));
        var offset = (int)((Alignment - address % Alignment) % Alignment / sizeof(double));
        return new AlignedBuffer(array, offset, length);
    }

    /// <summary>The address of the data (the array is pinned for its lifetime).</summary>
    public nuint Address => (nuint)Unsafe.AsPointer(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(Array), Offset));
}
