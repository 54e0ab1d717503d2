namespace SteeringRng.Sdp.Sdpa;

/// <summary>One number-like word of an SDPA file with its 1-based position.</summary>
internal readonly record struct SdpaToken(string Text, int Line, int Column);
