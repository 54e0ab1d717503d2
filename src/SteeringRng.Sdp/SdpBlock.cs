namespace SteeringRng.Sdp;

/// <summary>Shape of one diagonal block: its cone and its size n (n×n matrix, or n nonnegative entries).</summary>
public readonly record struct SdpBlock(SdpConeKind Kind, int Size)
{
    public static SdpBlock Psd(int size) => new(SdpConeKind.Psd, size);
    public static SdpBlock Hermitian(int size) => new(SdpConeKind.HermitianPsd, size);
    public static SdpBlock Nonnegative(int size) => new(SdpConeKind.Nonnegative, size);
}
