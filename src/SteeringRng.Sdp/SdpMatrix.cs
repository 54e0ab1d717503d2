namespace SteeringRng.Sdp;

/// <summary>
/// A sparse block-diagonal symmetric/Hermitian matrix given by its upper-triangle entries. Entries with the same
/// position are not allowed (a problem validates this at construction); zero entries may be omitted.
/// </summary>
public sealed class SdpMatrix
{
    public static readonly SdpMatrix Zero = new([]);

    public SdpMatrix(IReadOnlyList<SdpEntry> entries) => Entries = entries;

    public IReadOnlyList<SdpEntry> Entries { get; }
}
