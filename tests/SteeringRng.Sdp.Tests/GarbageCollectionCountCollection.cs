namespace SteeringRng.Sdp.Tests;

/// <summary>
/// Test classes that count the process's full garbage collections. They run alone: a solve in another class, run
/// beside them, forces or triggers collections of its own, which the count would include.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class GarbageCollectionCountCollection
{
    public const string Name = "garbage collection counts";
}
