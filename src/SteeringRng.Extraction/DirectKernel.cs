using System.Runtime.Intrinsics.X86;

namespace SteeringRng.Extraction;

/// <summary>How the direct (schoolbook) products below the Karatsuba threshold multiply words. All give the same bits.</summary>
internal enum DirectKernel
{
    /// <summary><see cref="CarrylessMultiply.Software"/>, one word product at a time.</summary>
    Portable,
    /// <summary>PCLMULQDQ on 128-bit vectors: two word products per load pair.</summary>
    Clmul128,
    /// <summary>VPCLMULQDQ on 512-bit vectors (AVX-512): eight word products per load pair, the rest as Clmul128.</summary>
    Clmul512,
}

internal static class DirectKernels
{
    /// <summary>The fastest kernel of this processor, or the portable one.</summary>
    public static DirectKernel Best(bool hardware) =>
        !hardware ? DirectKernel.Portable : Pclmulqdq.V512.IsSupported ? DirectKernel.Clmul512 : DirectKernel.Clmul128;

    /// <summary>The kernels this processor can run (tests run each).</summary>
    public static IReadOnlyList<DirectKernel> Available =>
        [DirectKernel.Portable, .. Pclmulqdq.IsSupported ? [DirectKernel.Clmul128] : Array.Empty<DirectKernel>(),
         .. Pclmulqdq.V512.IsSupported ? [DirectKernel.Clmul512] : Array.Empty<DirectKernel>()];
}
