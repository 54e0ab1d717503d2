namespace SteeringRng.Extraction;

/// <summary>Which 64×64-bit carry-less multiplication the extractor uses. Every choice gives the same bits.</summary>
public enum ClmulBackend
{
    /// <summary>PCLMULQDQ when the processor has it, else the portable one.</summary>
    Auto,
    /// <summary>PCLMULQDQ (x86); refused on processors without it.</summary>
    Hardware,
    /// <summary>The portable 4-bit-window multiplication (<see cref="CarrylessMultiply.Software"/>).</summary>
    Software,
}
