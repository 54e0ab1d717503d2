namespace SteeringRng.Sdp.Sdpa;

/// <summary>An SDPA file as read: the problem and its leading comment lines (without the leading " or *).</summary>
public sealed record SdpaDocument(SdpProblem Problem, IReadOnlyList<string> Comments);
