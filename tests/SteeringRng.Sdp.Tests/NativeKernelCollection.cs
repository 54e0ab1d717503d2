namespace SteeringRng.Sdp.Tests;

/// <summary>
/// Test classes that compare the native kernels' last bits. They run one after another, not beside each other:
/// KernelThreadCountTests raises OpenBLAS's process-wide thread count on purpose, which changes the bits of any
/// native call made meanwhile, and KernelAlignmentTests looks for arrays at given addresses, which other classes'
/// allocations on other threads disturb.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class NativeKernelCollection
{
    public const string Name = "native kernel bits";
}
