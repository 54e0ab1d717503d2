namespace SteeringRng.Quantum;

/// <summary>
/// A constructed state together with remarks about the input (e.g. "the amplitudes were not normalised,
/// norm 1.2; divided by it"). Notes never change the meaning of the state; they are for the user to read.
/// </summary>
public sealed record StateResult(DensityMatrix State, IReadOnlyList<string> Notes);
