namespace SteeringRng.Extraction;

/// <summary>
/// Output length of a two-universal extractor from the leftover hash lemma against quantum side information
/// (Renner, PhD thesis ETH 2005, arXiv quant-ph/0512258, Cor. 5.6.1; Tomamichel, Schaffner, Smith, Renner, IEEE
/// Trans. Inf. Theory 57, 5524 (2011), arXiv 1002.2436): for X with H_min^ε_s(X|E) ≥ k and m output bits,
/// <code>
///   ½‖ρ_{F(X) S E} − 𝟙/2^m ⊗ ρ_{S E}‖₁ ≤ 2ε_s + 2^{−(k − m)/2}   (Renner; TSSR has ½·2^{−(k−m)/2}),
/// </code>
/// so the extractor error 2^{−(k−m)/2} is at most ε_ext when m ≤ k − 2 log2(1/ε_ext):
/// m = ⌊k − 2 log2(1/ε_ext)⌋ (2 bits fewer than TSSR's constant would allow). The total error is 2ε_s + ε_ext.
/// </summary>
public static class LeftoverHash
{
    /// <summary>
    /// ⌊k − 2 log2(1/ε)⌋, computed in decimal with the error's upper bound on log2(1/ε) (so the result is never one
    /// bit too long); 0 or less when nothing can be extracted.
    /// </summary>
    public static long OutputBits(decimal entropy, ExtractorError error)
    {
        var value = entropy - 2 * error.Log2InverseUpper;
        return (long)decimal.Floor(value);
    }
}
