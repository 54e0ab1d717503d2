namespace SteeringRng.Sdp;

/// <summary>
/// One stored entry of a block-diagonal symmetric (or Hermitian) matrix: 0-based block, row and column with
/// Row ≤ Col (upper triangle; the lower one is implied by symmetry, or by conjugation for Hermitian blocks).
/// For Nonnegative blocks Row = Col. <see cref="Imag"/> is nonzero only in HermitianPsd blocks, off the diagonal.
/// </summary>
public readonly record struct SdpEntry(int Block, int Row, int Col, double Value, double Imag = 0.0);
