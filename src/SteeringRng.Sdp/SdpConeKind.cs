namespace SteeringRng.Sdp;

/// <summary>The cone one diagonal block of an SDP lives in.</summary>
public enum SdpConeKind
{
    /// <summary>Real symmetric positive semidefinite n×n matrices.</summary>
    Psd,

    /// <summary>
    /// Complex Hermitian positive semidefinite n×n matrices. Entries carry an imaginary part.
    /// The solver may embed such a block as the real 2n×2n block [[Re, −Im], [Im, Re]].
    /// </summary>
    HermitianPsd,

    /// <summary>The nonnegative orthant of dimension n (an SDPA "diagonal" block, written with a negative size).</summary>
    Nonnegative,
}
