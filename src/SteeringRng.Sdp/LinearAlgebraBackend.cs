namespace SteeringRng.Sdp;

/// <summary>Which dense kernels the built-in solver uses.</summary>
public enum LinearAlgebraBackend
{
    /// <summary>The machine's LAPACK/OpenBLAS when it can be loaded, managed SIMD kernels otherwise.</summary>
    Auto,

    /// <summary>Managed SIMD kernels only (always available).</summary>
    Managed,

    /// <summary>
    /// Native LAPACK/OpenBLAS through P/Invoke. When no library can be loaded, the built-in solver does not throw: it
    /// returns <see cref="SdpStatus.NumericalFailure"/> with a message naming the libraries it tried.
    /// </summary>
    Native,
}
