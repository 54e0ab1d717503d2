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
/// </summary>
internal static class SquareToeplitz
{
    /// <summary>Words of scratch <see cref="Multiply"/> needs for size W: 2W per level, halving (≤ 4W).</summary>
    public static int ScratchWords(int w) => 4 * w + 4;

    /// <param name="sigma">2W words.</param>
    /// <param name="x">W words.</param>
    /// <param name="y">W words, overwritten with T x.</param>
    /// <param name="threshold">Largest W computed directly (≥ 1).</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Multiply(ReadOnlySpan<ulong> sigma, ReadOnlySpan<ulong> x, Span<ulong> y, Span<ulong> scratch, int threshold, DirectKernel kernel)
    {
        var w = x.Length;
        if (w <= threshold || w % 2 == 1)
        {
            if (kernel == DirectKernel.Portable) BaseSoftware(sigma, x, y);
            else BaseHardware(sigma, x, y, wide: kernel == DirectKernel.Clmul512);
            return;
        }
        var h = w / 2;
        var seedSum = scratch[..(2 * h)];
        var xSum = scratch.Slice(2 * h, h);
        var p0 = scratch.Slice(3 * h, h);
        var rest = scratch[(4 * h)..];
        var a = sigma.Slice(h, 2 * h);
        // P1 = (U + A) x1 into y0.
        Gf2Words.Xor(sigma[..(2 * h)], a, seedSum);
        Multiply(seedSum, x[h..], y[..h], rest, threshold, kernel);
        // P2 = (L + A) x0 into y1.
        Gf2Words.Xor(sigma.Slice(2 * h, 2 * h), a, seedSum);
        Multiply(seedSum, x[..h], y[h..], rest, threshold, kernel);
        // P0 = A (x0 + x1), added to both halves.
        Gf2Words.Xor(x[..h], x[h..], xSum);
        Multiply(a, xSum, p0, rest, threshold, kernel);
        Gf2Words.XorInto(p0, y[..h]);
        Gf2Words.XorInto(p0, y[h..]);
    }

    /// <summary>
    /// Direct middle product: D_s = ⊕_{a + c = s} σ_a ⊗ x_c (128-bit products of words), y_k = low(D_{W+k}) ⊕
    /// high(D_{W+k−1}); for s ∈ [W − 1, 2W − 1] every c ∈ [0, W) has a = s − c inside σ. With σ reversed,
    /// ρ_t = σ_{2W−1−t}, the diagonal is an element-wise product, D_s = ⊕_c ρ_{r+c} ⊗ x_c with r = 2W − 1 − s, so
    /// whole vectors of ρ and x multiply lane by lane (VPCLMULQDQ on 512 bits: 8 word products per 2 instructions).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void BaseHardware(ReadOnlySpan<ulong> sigma, ReadOnlySpan<ulong> x, Span<ulong> y, bool wide)
    {
        var w = x.Length;
        Span<ulong> rho = w <= 256 ? stackalloc ulong[2 * w] : new ulong[2 * w];
        for (var t = 0; t < 2 * w; t++) rho[t] = sigma[2 * w - 1 - t];
        ref var rhoStart = ref MemoryMarshal.GetReference(rho);
        ref var xStart = ref MemoryMarshal.GetReference(x);
        ulong previousHigh = 0;
        for (var s = w - 1; s <= 2 * w - 1; s++)
        {
            var r = 2 * w - 1 - s;
            var c = 0;
            var acc = Vector128<ulong>.Zero;
            if (wide && Pclmulqdq.V512.IsSupported && w >= 8)
            {
                var sum = Vector512<ulong>.Zero;
                for (; c + 8 <= w; c += 8)
                {
                    var rv = Vector512.LoadUnsafe(ref rhoStart, (nuint)(r + c));
                    var xv = Vector512.LoadUnsafe(ref xStart, (nuint)c);
                    // imm 0x00: the low words of each 128-bit lane, 0x11: the high words; lane by lane ρ_{r+c}·x_c.
                    sum ^= Pclmulqdq.V512.CarrylessMultiply(rv, xv, 0x00) ^ Pclmulqdq.V512.CarrylessMultiply(rv, xv, 0x11);
                }
                var half = sum.GetLower() ^ sum.GetUpper();
                acc = half.GetLower() ^ half.GetUpper();
            }
            for (; c + 2 <= w; c += 2)
            {
                var rv = Vector128.LoadUnsafe(ref rhoStart, (nuint)(r + c));
                var xv = Vector128.LoadUnsafe(ref xStart, (nuint)c);
                acc ^= Pclmulqdq.CarrylessMultiply(rv, xv, 0x00) ^ Pclmulqdq.CarrylessMultiply(rv, xv, 0x11);
            }
            if (c < w) acc ^= Pclmulqdq.CarrylessMultiply(Vector128.CreateScalar(rho[r + c]), Vector128.CreateScalar(x[c]), 0x00);
            if (s >= w) y[s - w] = acc.GetElement(0) ^ previousHigh;
            previousHigh = acc.GetElement(1);
        }
    }

    private static void BaseSoftware(ReadOnlySpan<ulong> sigma, ReadOnlySpan<ulong> x, Span<ulong> y)
    {
        var w = x.Length;
        ulong previousHigh = 0;
        for (var s = w - 1; s <= 2 * w - 1; s++)
        {
            ulong low = 0, high = 0;
            for (var c = 0; c < w; c++)
            {
                var (l, hi) = CarrylessMultiply.Software(sigma[s - c], x[c]);
                low ^= l;
                high ^= hi;
            }
            if (s >= w) y[s - w] = low ^ previousHigh;
            previousHigh = high;
        }
    }
}
