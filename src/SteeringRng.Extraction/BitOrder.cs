using System.Buffers.Binary;

namespace SteeringRng.Extraction;

/// <summary>
/// The one bit convention of files and byte arrays: <b>bit t of a byte string is bit (7 − t mod 8) of byte ⌊t/8⌋</b>,
/// i.e. most significant bit first within each byte (as <c>numpy.unpackbits</c> with its default bit order, or as a
/// hex dump read left to right). A string of b bits takes ⌈b/8⌉ bytes; the unused low bits of the last byte are 0 on
/// output and ignored on input. Internally bit t sits at bit (t mod 64) of word ⌊t/64⌋ (<see cref="Gf2Words"/>).
/// </summary>
public static class BitOrder
{
    /// <summary>The first <paramref name="bits"/> bits of <paramref name="bytes"/> as words (bits beyond are 0).</summary>
    public static ulong[] ToWords(ReadOnlySpan<byte> bytes, long bits)
    {
        if (bits < 0 || (bits + 7) / 8 > bytes.Length)
            throw new ArgumentOutOfRangeException(nameof(bits), $"{bits} bits do not fit in {bytes.Length} bytes.");
        var words = new ulong[(bits + 63) / 64];
        var byteCount = (int)((bits + 7) / 8);
        var whole = byteCount / 8;
        for (var w = 0; w < whole; w++)
            words[w] = ReverseBitsInBytes(BinaryPrimitives.ReadUInt64LittleEndian(bytes.Slice(8 * w, 8)));
        if (whole < words.Length)
        {
            Span<byte> tail = stackalloc byte[8];
            bytes.Slice(8 * whole, byteCount - 8 * whole).CopyTo(tail);
            words[whole] = ReverseBitsInBytes(BinaryPrimitives.ReadUInt64LittleEndian(tail));
        }
        Gf2Words.KeepLowBits(words, bits);
        return words;
    }

    /// <summary>The first <paramref name="bits"/> bits of <paramref name="words"/> as ⌈bits/8⌉ bytes, unused low bits of the last byte 0.</summary>
    public static byte[] ToBytes(ReadOnlySpan<ulong> words, long bits)
    {
        if (bits < 0 || (bits + 63) / 64 > words.Length)
            throw new ArgumentOutOfRangeException(nameof(bits), $"{bits} bits do not fit in {words.Length} words.");
        var bytes = new byte[(bits + 7) / 8];
        Span<byte> word = stackalloc byte[8];
        for (var w = 0; 8L * w < bytes.Length; w++)
        {
            var value = words[w];
            var last = 64L * (w + 1) > bits;
            if (last && bits % 64 != 0) value &= (1UL << (int)(bits % 64)) - 1;
            BinaryPrimitives.WriteUInt64LittleEndian(word, ReverseBitsInBytes(value));
            var count = Math.Min(8, bytes.Length - 8 * w);
            word[..count].CopyTo(bytes.AsSpan(8 * w, count));
        }
        return bytes;
    }

    /// <summary>Mirrors the 8 bits inside each byte of a word (swap halves of each byte, then of each nibble, then of each pair).</summary>
    internal static ulong ReverseBitsInBytes(ulong v)
    {
        v = (v >> 4 & 0x0F0F0F0F0F0F0F0FUL) | (v & 0x0F0F0F0F0F0F0F0FUL) << 4;
        v = (v >> 2 & 0x3333333333333333UL) | (v & 0x3333333333333333UL) << 2;
        v = (v >> 1 & 0x5555555555555555UL) | (v & 0x5555555555555555UL) << 1;
        return v;
    }
}
