namespace SteeringRng.Sdp;

/// <summary>
/// A dense value of one diagonal block of X or Z: row-major n×n (Re, and Im for Hermitian blocks), or the
/// n diagonal entries of a Nonnegative block.
/// </summary>
public sealed record SdpBlockValue(SdpBlock Shape, double[] Re, double[]? Im = null);
