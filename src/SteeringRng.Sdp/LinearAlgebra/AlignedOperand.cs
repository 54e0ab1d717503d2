using System.Runtime.InteropServices;

namespace SteeringRng.Sdp.LinearAlgebra;

/// <summary>
/// A matrix handed to OpenBLAS at a 64-byte-aligned address. OpenBLAS's kernels take a different path for the first
/// elements of an operand that is not 16-byte aligned, so the same dpotrf or dtrsm gives results that differ in the
/// last bits with the operand's address (measured: dpotrf of the same 8×8 to 161×161 matrix at 8 offsets, 4 of the 8
/// results differ). .NET arrays are only 8-byte aligned, so without this the same solve differed from run to run and
/// with the machine's load (the rows of two identical `steer run`s were not bit-identical). An aligned array is used in
/// place; any other is copied into aligned native memory and, if the call writes it, copied back: O(n²) against the
/// call's O(n³); the copies' memory is kept per thread (<see cref="AlignedScratch"/>). The Schur matrix is allocated aligned (<see cref="AlignedBuffer"/>) and never copied. Operands above <see cref="CopyLimitBytes"/> are used in place (a copy of a multi-gigabyte Schur matrix
/// would double the solver's peak memory); their results are reproducible only as far as their alignment is.
/// </summary>
internal unsafe ref struct AlignedOperand
{
    /// <summary>Largest operand copied to an aligned buffer: 256 MiB (a 5 792 × 5 792 matrix).</summary>
    public const long CopyLimitBytes = 256L << 20;

    private const nuint Alignment = 64;

    private readonly double[] _array;
    private readonly int _offset;
    private readonly int _length;
    private readonly bool _writeBack;
    private GCHandle _pin;
    private readonly double* _copy;
    private readonly (nint Pointer, long Bytes) _scratch; // where _copy lives (AlignedScratch)

    /// <summary>The address to pass to BLAS/LAPACK.</summary>
    public double* Pointer { get; }

    /// <param name="array">The operand.</param>
    /// <param name="length">How many leading elements the call reads or writes.</param>
    /// <param name="writeBack">Whether the call writes the operand (then a copy is copied back on dispose).</param>
    public AlignedOperand(double[] array, int length, bool writeBack) : this(array, 0, length, writeBack)
    {
    }

    /// <param name="array">The storage of the operand.</param>
    /// <param name="offset">Index of the operand's first element in <paramref name="array"/>.</param>
    /// <param name="length">How many elements from there the call reads or writes.</param>
    /// <param name="writeBack">Whether the call writes the operand (then a copy is copied back on dispose).</param>
    public AlignedOperand(double[] array, int offset, int length, bool writeBack)
    {
        if ((uint)offset > (uint)array.Length || length > array.Length - offset) throw new ArgumentOutOfRangeException(nameof(length));
        _array = array;
        _offset = offset;
        _length = length;
        _writeBack = writeBack;
        _pin = GCHandle.Alloc(array, GCHandleType.Pinned);
        var address = (double*)_pin.AddrOfPinnedObject() + offset;
        if (((nuint)address & (Alignment - 1)) == 0 || (long)length * sizeof(double) > CopyLimitBytes || length == 0)
        {
            Pointer = address;
            return;
        }
        _scratch = AlignedScratch.Rent((long)length * sizeof(double));
        _copy = (double*)_scratch.Pointer;
        new ReadOnlySpan<double>(address, length).CopyTo(new Span<double>(_copy, length));
        Pointer = _copy;
    }

    public void Dispose()
    {
        if (_copy != null)
        {
            if (_writeBack) new ReadOnlySpan<double>(_copy, _length).CopyTo(_array.AsSpan(_offset, _length));
            AlignedScratch.Return(_scratch);
        }
        if (_pin.IsAllocated) _pin.Free();
    }
}
