using System.Buffers.Binary;
using System.Numerics;
using System.Text;
using SteeringRng.Quantum.Data;

namespace SteeringRng.Quantum.Tests.Data;

/// <summary>
/// The .npy reader against files built byte by byte here from the format's definition (NEP 1), independently of
/// <see cref="NpyHeader.Write"/>: versions, byte orders, dtypes, Fortran order, and every way a file can be broken.
/// </summary>
public class NpyFileTests
{
    /// <summary>A .npy file: magic, version, header length, the dict padded to 64, then the data as given.</summary>
    internal static byte[] Npy(string dict, byte[] data, int major = 1)
    {
        var lengthBytes = major == 1 ? 2 : 4;
        var unpadded = 8 + lengthBytes + dict.Length + 1;
        var header = dict + new string(' ', (64 - unpadded % 64) % 64) + "\n";
        var bytes = new List<byte> { 0x93 };
        bytes.AddRange(Encoding.ASCII.GetBytes("NUMPY"));
        bytes.Add((byte)major);
        bytes.Add(0);
        var length = new byte[lengthBytes];
        if (major == 1) BinaryPrimitives.WriteUInt16LittleEndian(length, (ushort)header.Length);
        else BinaryPrimitives.WriteUInt32LittleEndian(length, (uint)header.Length);
        bytes.AddRange(length);
        bytes.AddRange(Encoding.ASCII.GetBytes(header));
        bytes.AddRange(data);
        return [.. bytes];
    }

    internal static byte[] Doubles(IEnumerable<double> values, bool bigEndian = false) =>
        values.SelectMany(v =>
        {
            var b = new byte[8];
            if (bigEndian) BinaryPrimitives.WriteDoubleBigEndian(b, v);
            else BinaryPrimitives.WriteDoubleLittleEndian(b, v);
            return b;
        }).ToArray();

    [Fact]
    public void Reads_complex128_in_C_order()
    {
        // a[i, j] = i + 10 j + (100 i + j) i for shape (2, 3), C order: j fastest.
        var values = new List<double>();
        for (var i = 0; i < 2; i++)
            for (var j = 0; j < 3; j++) values.AddRange([i + 10 * j, 100 * i + j]);
        var array = NpyFile.Read(Npy("{'descr': '<c16', 'fortran_order': False, 'shape': (2, 3), }", Doubles(values)), "a.npy");
        Assert.Equal([2L, 3L], array.Shape);
        for (var i = 0; i < 2; i++)
            for (var j = 0; j < 3; j++) Assert.Equal(new Complex(i + 10 * j, 100 * i + j), array.Values[i * 3 + j]);
    }

    [Fact]
    public void Reads_Fortran_order_big_endian_float64_and_version_2_into_C_order()
    {
        // Fortran order: i fastest. Entry [i, j] = i + 10 j, real.
        var values = new List<double>();
        for (var j = 0; j < 3; j++)
            for (var i = 0; i < 2; i++) values.Add(i + 10 * j);
        var array = NpyFile.Read(Npy("{'descr': '>f8', 'fortran_order': True, 'shape': (2, 3)}", Doubles(values, bigEndian: true), major: 2), "a.npy");
        for (var i = 0; i < 2; i++)
            for (var j = 0; j < 3; j++) Assert.Equal(new Complex(i + 10 * j, 0), array.Values[i * 3 + j]);
    }

    [Fact]
    public void Writes_what_it_reads_and_pads_the_header_to_64_bytes()
    {
        var values = Enumerable.Range(0, 24).Select(k => new Complex(k * 0.1, -k / 3.0)).ToArray();
        long[] shape = [1, 1, 2, 3, 2, 2];
        var bytes = NpyFile.Write(shape, values);
        var offset = 10 + BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(8, 2));
        Assert.Equal(0, offset % 64);
        Assert.Equal(offset + 16 * 24, bytes.Length);
        var back = NpyFile.Read(bytes, "w.npy");
        Assert.Equal(shape, back.Shape);
        Assert.Equal(values, back.Values);
    }

    public static TheoryData<string, byte[], string> Broken()
    {
        var ok = "{'descr': '<c16', 'fortran_order': False, 'shape': (1, 1, 2, 2, 2, 2), }";
        var data = Doubles(new double[32]);
        var good = Npy(ok, data);
        return new TheoryData<string, byte[], string>
        {
            { "not npy", Encoding.ASCII.GetBytes("{\"format\": 1}"), "header: not a NumPy .npy file" },
            { "empty", [], "header: not a NumPy .npy file" },
            { "version", Npy(ok, data, major: 4), "format version 4.0 is not known" },
            { "header cut", good[..40], "truncated file" },
            { "data cut", good[..^5], "truncated file" },
            { "trailing", [.. good, 0], "1 bytes follow" },
            { "complex64", Npy("{'descr': '<c8', 'fortran_order': False, 'shape': (1, 1, 2, 2, 2, 2), }", data), "dtype '<c8' (complex64) is not accepted" },
            { "ints", Npy("{'descr': '<i8', 'fortran_order': False, 'shape': (1, 1, 2, 2, 2, 2), }", data), "(integers) is not accepted" },
            { "structured", Npy("{'descr': [('a', '<f8')], 'fortran_order': False, 'shape': (2,), }", data), "structured dtype" },
            { "no shape", Npy("{'descr': '<c16', 'fortran_order': False, }", data), "no 'shape' tuple" },
            { "bad shape", Npy("{'descr': '<c16', 'fortran_order': False, 'shape': (1, x), }", data), "not an axis length" },
            { "huge shape", Npy("{'descr': '<c16', 'fortran_order': False, 'shape': (100000, 100000, 2, 2), }", data), "the limit is 1000000" },
            { "unclosed", Npy("{'descr': '<c16', 'fortran_order': False, 'shape': (1, 1", data), "cut short" },
            { "bad bool", Npy("{'descr': '<c16', 'fortran_order': Maybe, 'shape': (1,), }", data), "unexpected value 'Maybe'" },
        };
    }

    [Theory]
    [MemberData(nameof(Broken))]
    public void Broken_files_are_refused_with_a_located_message(string what, byte[] bytes, string expected)
    {
        var e = Assert.Throws<DataFileException>(() => NpyFile.Read(bytes, "sigma.npy"));
        Assert.StartsWith("'sigma.npy': ", e.Message);
        Assert.True(e.Message.Contains(expected, StringComparison.Ordinal), $"{what}: {e.Message}");
    }
}
