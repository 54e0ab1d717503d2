using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace SteeringRng.Extraction;

/// <summary>
/// The product of two polynomials of degree &lt; 64 over GF(2) (bit k of a word is the coefficient of z^k): a 127-bit
/// result as (low word, high word). Two implementations that must agree bit for bit (tested): the PCLMULQDQ
/// instruction, and a portable one for processors without it.
/// </summary>
public static class CarrylessMultiply
{
    /// <summary>True when the processor has PCLMULQDQ and .NET exposes it; the fast paths then use it.</summary>
    public static bool HardwareAvailable => Pclmulqdq.IsSupported;

    /// <summary>a(z)·b(z) over GF(2) with the fastest implementation available.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (ulong Low, ulong High) Multiply(ulong a, ulong b) =>
        Pclmulqdq.IsSupported ? Hardware(a, b) : Software(a, b);

    /// <summary>a(z)·b(z) with PCLMULQDQ. Throws <see cref="PlatformNotSupportedException"/> without it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (ulong Low, ulong High) Hardware(ulong a, ulong b)
    {
        var p = Pclmulqdq.CarrylessMultiply(Vector128.CreateScalar(a), Vector128.CreateScalar(b), 0x00);
        return (p.GetElement(0), p.GetElement(1));
    }

    /// <summary>
    /// a(z)·b(z) without special instructions: b is read 4 bits at a time against a table of a(z)·t(z) for the 16
    /// polynomials t of degree &lt; 4 (each at most 67 bits: low word plus 3 bits that spill into the high word).
    /// Constant time in the values (no branch or table index depends on a; the table index is b's bits, as any
    /// window method; the extractor's inputs are not secret from the machine running it).
    /// </summary>
    public static (ulong Low, ulong High) Software(ulong a, ulong b)
    {
        Span<ulong> low = stackalloc ulong[16];
        Span<ulong> high = stackalloc ulong[16];
        // a·t for t = t0 + 2 t1 + 4 t2 + 8 t3: XOR of a shifted by the set bits of t; the bits shifted out of the
        // low word (a >> (64 − s)) go to the high word.
        for (var t = 0; t < 16; t++)
        {
            ulong l = 0, h = 0;
            for (var s = 0; s < 4; s++)
            {
                if ((t >> s & 1) == 0) continue;
                l ^= a << s;
                if (s > 0) h ^= a >> (64 - s);
            }
            low[t] = l;
            high[t] = h;
        }
        ulong resultLow = 0, resultHigh = 0;
        // Horner from the top nibble of b: result = result·z^4 + a·nibble.
        for (var shift = 60; shift >= 0; shift -= 4)
        {
            resultHigh = resultHigh << 4 | resultLow >> 60;
            resultLow <<= 4;
            var nibble = (int)(b >> shift & 0xF);
            resultLow ^= low[nibble];
            resultHigh ^= high[nibble];
        }
        return (resultLow, resultHigh);
    }
}
