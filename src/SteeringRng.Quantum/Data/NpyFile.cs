using System.Buffers.Binary;
using System.Numerics;

namespace SteeringRng.Quantum.Data;

/// <summary>
/// A NumPy <c>.npy</c> array of complex128 (<c>&lt;c16</c>, <c>&gt;c16</c>) or float64 (<c>&lt;f8</c>, <c>&gt;f8</c>:
/// real data) entries, C or Fortran order, read into C order; and writing complex128 C-order arrays. The entry count
/// is checked against <see cref="AssemblageLayout.MaxEntries"/> from the header, before any data are read.
/// </summary>
public static class NpyFile
{
    /// <summary>The array: shape and entries in C order (last axis fastest).</summary>
    public sealed record Array(long[] Shape, Complex[] Values, string Dtype);

    /// <exception cref="DataFileException">A malformed header, another dtype, too many entries, truncated or trailing data, NaN or ±Inf.</exception>
    public static Array Read(ReadOnlySpan<byte> bytes, string file)
    {
        var header = NpyHeader.Parse(bytes, file);
        var (complex, bigEndian) = header.Descr switch
        {
            "<c16" => (true, false),
            ">c16" => (true, true),
            "<f8" => (false, false),
            ">f8" => (false, true),
            _ => throw new DataFileException(file, "header", $"dtype '{header.Descr}'{Named(header.Descr)} is not accepted; save complex128 (np.complex128) or, for real data, float64"),
        };
        var count = AssemblageLayout.EntryCount(header.Shape);
        if (count > AssemblageLayout.MaxEntries)
            throw new DataFileException(file, "header", $"shape {AssemblageLayout.Describe(header.Shape)} has {count} entries; the limit is {AssemblageLayout.MaxEntries}");
        var itemBytes = complex ? 16 : 8;
        var data = bytes[header.DataOffset..];
        var expected = count * itemBytes;
        if (data.Length < expected)
            throw new DataFileException(file, "data", $"shape {AssemblageLayout.Describe(header.Shape)} of {header.Descr} needs {expected} bytes of data, the file has {data.Length} (truncated file)");
        if (data.Length > expected)
            throw new DataFileException(file, "data", $"{data.Length - expected} bytes follow the {expected} bytes of shape {AssemblageLayout.Describe(header.Shape)} (not one .npy array)");
        var stored = new Complex[count];
        for (var k = 0; k < count; k++)
        {
            double re = ReadDouble(data.Slice(k * itemBytes, 8), bigEndian);
            double im = complex ? ReadDouble(data.Slice(k * itemBytes + 8, 8), bigEndian) : 0;
            stored[k] = new Complex(re, im);
        }
        var values = header.FortranOrder ? FortranToC(stored, header.Shape) : stored;
        return new Array(header.Shape, values, header.Descr);
    }

    /// <summary>A C-order complex128 .npy file (format 1.0) of the given shape.</summary>
    public static byte[] Write(long[] shape, IReadOnlyList<Complex> values)
    {
        if (AssemblageLayout.EntryCount(shape) != values.Count) throw new ArgumentException("the values do not fill the shape");
        var header = NpyHeader.Write(shape);
        var bytes = new byte[header.Length + 16L * values.Count];
        header.CopyTo(bytes, 0);
        var span = bytes.AsSpan(header.Length);
        for (var k = 0; k < values.Count; k++)
        {
            BinaryPrimitives.WriteDoubleLittleEndian(span.Slice(16 * k, 8), values[k].Real);
            BinaryPrimitives.WriteDoubleLittleEndian(span.Slice(16 * k + 8, 8), values[k].Imaginary);
        }
        return bytes;
    }

    private static double ReadDouble(ReadOnlySpan<byte> b, bool bigEndian) =>
        bigEndian ? BinaryPrimitives.ReadDoubleBigEndian(b) : BinaryPrimitives.ReadDoubleLittleEndian(b);

    // Fortran order stores the first axis fastest: entry [i_0, …, i_{n−1}] at Σ_a i_a Π_{b<a} n_b.
    private static Complex[] FortranToC(Complex[] stored, long[] shape)
    {
        var c = new Complex[stored.Length];
        var index = new long[shape.Length];
        for (long flat = 0; flat < c.Length; flat++)
        {
            long f = 0, stride = 1;
            for (var a = 0; a < shape.Length; a++)
            {
                f += index[a] * stride;
                stride *= shape[a];
            }
            c[flat] = stored[f];
            for (var a = shape.Length - 1; a >= 0; a--)
            {
                if (++index[a] < shape[a]) break;
                index[a] = 0;
            }
        }
        return c;
    }

    private static string Named(string descr) => descr.TrimStart('<', '>', '=', '|') switch
    {
        "c8" => " (complex64)",
        "f4" => " (float32)",
        "f2" => " (float16)",
        "c32" or "g" => " (long double)",
        "O" => " (Python objects)",
        var t when t.StartsWith('i') || t.StartsWith('u') => " (integers)",
        var t when t.StartsWith('U') || t.StartsWith('S') => " (strings)",
        "b1" or "?" => " (booleans)",
        _ => "",
    };
}
