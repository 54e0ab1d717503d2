namespace SteeringRng.Sdp.LinearAlgebra;

/// <summary>Picks the dense kernels for <see cref="LinearAlgebraBackend"/>.</summary>
internal static class KernelSelection
{
    /// <summary>The kernels, or null with the reason when <see cref="LinearAlgebraBackend.Native"/> is asked for and absent.</summary>
    public static (IDenseKernels? Kernels, string Reason) For(LinearAlgebraBackend backend)
    {
        switch (backend)
        {
            case LinearAlgebraBackend.Managed:
                return (ManagedKernels.Instance, "");
            case LinearAlgebraBackend.Native:
                var (native, why) = NativeLapack.TryGet();
                return native is null ? (null, $"Backend = Native was requested but {why}.") : (native, "");
            default:
                var (auto, _) = NativeLapack.TryGet();
                return (auto is null ? ManagedKernels.Instance : auto, "");
        }
    }
}
