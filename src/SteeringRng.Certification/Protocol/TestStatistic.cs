namespace SteeringRng.Certification.Protocol;

/// <summary>One factor of a correlator: a node and the label of one of its settings ("Bob.X").</summary>
public sealed record CorrelatorFactor(string Node, string Setting)
{
    public override string ToString() => $"{Node}.{Setting}";
}

/// <summary>
/// A declared correlator test: ⟨∏_k M_k⟩ = Σ_o (−1)^{Σ o} p(o | s) of two-outcome settings, one factor (one setting)
/// for every node of the scenario, in declaration order — a full correlator, a function of the test rounds of one
/// setting tuple s (docs/formulations/finite-protocol.md §2). Its expected value and tolerance δ define its acceptance
/// interval [expected − δ, expected + δ]; it adds to the box on every conditional probability, never replaces it.
/// </summary>
public sealed record TestStatistic(string Name, IReadOnlyList<CorrelatorFactor> Factors, double Expected, double Tolerance);
