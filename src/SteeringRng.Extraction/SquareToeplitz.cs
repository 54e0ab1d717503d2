using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace SteeringRng.Extraction;

/// <summary>
/// y = T x over GF(2) for a square Toeplitz matrix of b = 64·W bits, in the word-aligned internal form
/// <code>
///   T[i][j] = σ[i − j + b],   i, j ∈ [0, b),   σ of 2b bits (σ[0] is never read),
///   y_i = Σ_j σ[i − j + b] x_j = coefficient of z^(b + i) in σ(z)·x(z),
/// </code>
/// so y is words W … 2W − 1 of the polynomial product ("middle product"). Recursion (Karatsuba for Toeplitz
/// matrix–vector products): with h = b/2, T = [[A, U], [L, A]] (A: seed σ[h, 3h), U: σ[0, 2h), L: σ[2h, 4h)),
/// <code>
///   P0 = A (x0 + x1),  P1 = (U + A) x1,  P2 = (L + A) x0;   y0 = P0 + P1,  y1 = P0 + P2
/// </code>
/// (over GF(2) y0 = A x0 + A x1 + U x1 + A x1 = A x0 + U x1, and y1 = L x0 + A x1): three half-size products
/// and O(b) XORs, so O(b^log2 3). At W ≤ threshold (or W odd) the middle product is computed directly, W(W+1)
/// word products.
/// <para>x is passed with its <b>words in reverse order</b>, x̃_c = x_{W−1−c} (bits inside a word unchanged): the
/// direct product then pairs σ and x̃ at equal offsets (see <see cref="BaseHardware"/>), and the halves swap
/// places (x̃[0, h) is x1 reversed, x̃[h, 2h) is x0 reversed; x0 ⊕ x1 reversed is x̃[0, h) ⊕ x̃[h, 2h)).</para>
/// </summary>
internal static class SquareToeplitz
{
    /// <summary>Words of scratch <see cref="Multiply"/> needs for size W: 2W per level, halving (≤ 4W).</summary>
    public static int ScratchWords(int w) => 4 * w + 4;

    /// <param name="sigma">2W words.</param>
    /// <param name="xReversed">The W words of x, last word first.</param>
    /// <param name="y">W words, overwritten with T x (in normal order).</param>
    /// <param name="threshold">Largest W computed directly (≥ 1).</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Multiply(ReadOnlySpan<ulong> sigma, ReadOnlySpan<ulong> xReversed, Span<ulong> y, Span<ulong> scratch, int threshold, DirectKernel kernel)
    {
        var w = xReversed.Length;
        if (w <= threshold || w % 2 == 1)
        {
            if (kernel == DirectKernel.Portable) BaseSoftware(sigma, xReversed, y);
            else BaseHardware(sigma, xReversed, y, wide: kernel == DirectKernel.Clmul512);
            return;
        }
        var h = w / 2;
        var seedSum = scratch[..(2 * h)];
        var xSum = scratch.Slice(2 * h, h);
        var p0 = scratch.Slice(3 * h, h);
        var rest = scratch[(4 * h)..];
        var a = sigma.Slice(h, 2 * h);
        var x1 = xReversed[..h]; // x1, reversed
        var x0 = xReversed[h..]; // x0, reversed
        // P1 = (U + A) x1 into y0.
        Gf2Words.Xor(sigma[..(2 * h)], a, seedSum);
        Multiply(seedSum, x1, y[..h], rest, threshold, kernel);
        // P2 = (L + A) x0 into y1.
        Gf2Words.Xor(sigma.Slice(2 * h, 2 * h), a, seedSum);
        Multiply(seedSum, x0, y[h..], rest, threshold, kernel);
        // P0 = A (x0 + x1), added to both halves.
        Gf2Words.Xor(x0, x1, xSum);
        Multiply(a, xSum, p0, rest, threshold, kernel);
        Gf2Words.XorInto(p0, y[..h]);
        Gf2Words.XorInto(p0, y[h..]);
    }

    /// <summary>
    /// Direct middle product: D_s = ⊕_{a + c = s} σ_a ⊗ x_c (128-bit products of words), y_k = low(D_{W+k}) ⊕
    /// high(D_{W+k−1}); for s ∈ [W − 1, 2W − 1] every c ∈ [0, W) has a = s − c inside σ. With x̃_t = x_{W−1−t},
    /// D_s = ⊕_t σ_{o+t} ⊗ x̃_t with o = s − W + 1: an element-wise product of σ from word o with x̃, so whole
    /// vectors multiply lane by lane (VPCLMULQDQ on 512 bits: 8 word products per 2 instructions).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void BaseHardware(ReadOnlySpan<ulong> sigma, ReadOnlySpan<ulong> xReversed, Span<ulong> y, bool wide)
    {
        var w = xReversed.Length;
        ref var sigmaStart = ref MemoryMarshal.GetReference(sigma);
        ref var xStart = ref MemoryMarshal.GetReference(xReversed);
        ulong previousHigh = 0;
        for (var o = 0; o <= w; o++)
        {
            var t = 0;
            var acc = Vector128<ulong>.Zero;
            if (wide && Pclmulqdq.V512.IsSupported && w >= 8)
            {
                var sum = Vector512<ulong>.Zero;
                for (; t + 8 <= w; t += 8)
                {
                    var sv = Vector512.LoadUnsafe(ref sigmaStart, (nuint)(o + t));
                    var xv = Vector512.LoadUnsafe(ref xStart, (nuint)t);
                    // imm 0x00: the low words of each 128-bit lane, 0x11: the high words; lane by lane σ_{o+t}·x̃_t.
                    sum ^= Pclmulqdq.V512.CarrylessMultiply(sv, xv, 0x00) ^ Pclmulqdq.V512.CarrylessMultiply(sv, xv, 0x11);
                }
                var half = sum.GetLower() ^ sum.GetUpper();
                acc = half.GetLower() ^ half.GetUpper();
            }
            for (; t + 2 <= w; t += 2)
            {
                var sv = Vector128.LoadUnsafe(ref sigmaStart, (nuint)(o + t));
                var xv = Vector128.LoadUnsafe(ref xStart, (nuint)t);
                acc ^= Pclmulqdq.CarrylessMultiply(sv, xv, 0x00) ^ Pclmulqdq.CarrylessMultiply(sv, xv, 0x11);
            }
            if (t < w) acc ^= Pclmulqdq.CarrylessMultiply(Vector128.CreateScalar(sigma[o + t]), Vector128.CreateScalar(xReversed[t]), 0x00);
            // o = 0 is diagonal s = W − 1: only its high word is used (by y_0).
            if (o > 0) y[o - 1] = acc.GetElement(0) ^ previousHigh;
            previousHigh = acc.GetElement(1);
        }
    }

    private static void BaseSoftware(ReadOnlySpan<ulong> sigma, ReadOnlySpan<ulong> xReversed, Span<ulong> y)
    {
        var w = xReversed.Length;
        ulong previousHigh = 0;
        for (var o = 0; o <= w; o++)
        {
            ulong low = 0, high = 0;
            for (var t = 0; t < w; t++)
            {
                var (l, hi) = CarrylessMultiply.Software(sigma[o + t], xReversed[t]);
                low ^= l;
                high ^= hi;
            }
            if (o > 0) y[o - 1] = low ^ previousHigh;
            previousHigh = high;
        }
    }
}
