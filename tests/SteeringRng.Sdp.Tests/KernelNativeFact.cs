namespace SteeringRng.Sdp.Tests;

/// <summary>A fact that is skipped, with the loader's reason, when no native LAPACK/OpenBLAS can be loaded.</summary>
public sealed class KernelNativeFactAttribute : FactAttribute
{
    public KernelNativeFactAttribute()
    {
        var (available, why) = InteriorPointSolver.NativeBackend;
        if (!available) Skip = $"native LAPACK/OpenBLAS not loadable on this machine: {why}";
    }
}

/// <summary>A theory that is skipped, with the loader's reason, when no native LAPACK/OpenBLAS can be loaded.</summary>
public sealed class KernelNativeTheoryAttribute : TheoryAttribute
{
    public KernelNativeTheoryAttribute()
    {
        var (available, why) = InteriorPointSolver.NativeBackend;
        if (!available) Skip = $"native LAPACK/OpenBLAS not loadable on this machine: {why}";
    }
}
