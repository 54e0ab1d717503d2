namespace SteeringRng.Extraction.Tests;

/// <summary>
/// The reference: the definition, one bit at a time, on bool arrays, sharing no code with the library (its own
/// MSB-first reading of bytes): y_i = ⊕_{j<n} s[i − j + n − 1] ∧ x_j, O(n·m).
/// </summary>
internal static class NaiveToeplitz
{
    public static bool[] Bits(byte[] bytes, long count)
    {
        var bits = new bool[count];
        for (var t = 0; t < count; t++) bits[t] = (bytes[t / 8] >> (7 - t % 8) & 1) == 1;
        return bits;
    }

    public static byte[] Bytes(bool[] bits)
    {
        var bytes = new byte[(bits.Length + 7) / 8];
        for (var t = 0; t < bits.Length; t++)
            if (bits[t]) bytes[t / 8] |= (byte)(0x80 >> (t % 8));
        return bytes;
    }

    public static bool[] Multiply(bool[] seed, bool[] x, int m)
    {
        var n = x.Length;
        if (seed.Length < n + m - 1) throw new ArgumentException("seed too short");
        var y = new bool[m];
        for (var i = 0; i < m; i++)
        {
            var bit = false;
            for (var j = 0; j < n; j++) bit ^= seed[i - j + n - 1] & x[j];
            y[i] = bit;
        }
        return y;
    }

    public static byte[] Extract(byte[] input, int n, byte[] seed, int m) =>
        Bytes(Multiply(Bits(seed, n + m - 1), Bits(input, n), m));
}
