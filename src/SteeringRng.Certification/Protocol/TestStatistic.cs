namespace SteeringRng.Certification.Protocol;

/// <summary>One factor of a correlator: a node and the label of one of its settings ("Bob.X").</summary>
public sealed record CorrelatorFactor(string Node, string Setting)
{
    public override string ToString() => $"{Node}.{Setting}";
}

/// <summary>
/// A test statistic of the spot-checking protocol: the correlator ⟨∏_k M_k⟩ = Σ_outcomes (−1)^{Σ o_k} p(o | settings) of
/// two-outcome measurements, one factor (one setting) for every node of the scenario, in declaration order — a full
/// correlator, so that it is estimated from the test rounds of exactly one setting tuple (docs/formulations/finite-protocol.md §2).
/// Its expected value and tolerance δ define the acceptance interval [expected − δ, expected + δ].
/// </summary>
public sealed record TestStatistic(string Name, IReadOnlyList<CorrelatorFactor> Factors, double Expected, double Tolerance)
{
    public double Low => Expected - Tolerance;

    public double High => Expected + Tolerance;

    public bool Accepts(double observed) => observed >= Low && observed <= High;
}
