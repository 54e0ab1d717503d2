namespace SteeringRng.Sdp;

/// <summary>Which dense kernels the built-in solver uses.</summary>
public enum LinearAlgebraBackend
{
    /// <summary>The machine's LAPACK/OpenBLAS when it can be loaded, managed SIMD kernels otherwise.</summary>
    Auto,

    /// <summary>Managed SIMD kernels only (always available).</summary>
    Managed,

    /// <summary>Native LAPACK/OpenBLAS through P/Invoke; solving fails with a clear message if absent.</summary>
    Native,
}
