namespace SteeringRng.Sdp.Sdpa;

/// <summary>One number-like word of an SDPA file with its 1-based position.</summary>
public readonly record struct SdpaToken(string Text, int Line, int Column)
{
    /// <summary>A format error pointing at this token.</summary>
    public SdpaFormatException Error(string problem) => new(Line, problem, Column, Text);
}
