using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace SteeringRng.Extraction;

/// <summary>
/// Helpers on bit strings held as 64-bit words, bit t of the string at bit (t mod 64) of word ⌊t/64⌋ (so a word
/// array is a polynomial over GF(2), coefficient of z^t at bit t). Addition over GF(2) is XOR.
/// </summary>
internal static class Gf2Words
{
    /// <summary>destination = a ⊕ b (all three the same length; destination may be a or b).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Xor(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b, Span<ulong> destination)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated && a.Length >= Vector<ulong>.Count)
        {
            var va = MemoryMarshal.Cast<ulong, Vector<ulong>>(a);
            var vb = MemoryMarshal.Cast<ulong, Vector<ulong>>(b);
            var vd = MemoryMarshal.Cast<ulong, Vector<ulong>>(destination);
            for (var k = 0; k < vd.Length && k < va.Length; k++) vd[k] = va[k] ^ vb[k];
            i = Math.Min(va.Length, vd.Length) * Vector<ulong>.Count;
        }
        for (; i < destination.Length; i++) destination[i] = a[i] ^ b[i];
    }

    /// <summary>destination ⊕= a.</summary>
    public static void XorInto(ReadOnlySpan<ulong> a, Span<ulong> destination) => Xor(a, destination, destination);

    /// <summary>Clears the bits at positions ≥ <paramref name="bits"/> (the last word's high bits and every word after).</summary>
    public static void KeepLowBits(Span<ulong> words, long bits)
    {
        var full = (int)(bits / 64);
        var rest = (int)(bits % 64);
        if (full >= words.Length) return;
        if (rest > 0)
        {
            words[full] &= (1UL << rest) - 1;
            full++;
        }
        words[full..].Clear();
    }

    /// <summary>destination = source · z^shift (the bit string moved up by <paramref name="shift"/> positions), cut to destination's length.</summary>
    public static void ShiftUp(ReadOnlySpan<ulong> source, long shift, Span<ulong> destination)
    {
        destination.Clear();
        var words = (int)(shift / 64);
        var bits = (int)(shift % 64);
        for (var i = 0; i < source.Length && i + words < destination.Length; i++)
        {
            destination[i + words] ^= source[i] << bits;
            // The bits pushed out of the top of word i land in the next word (none when the shift is whole words).
            if (bits > 0 && i + words + 1 < destination.Length) destination[i + words + 1] ^= source[i] >> (64 - bits);
        }
    }
}
