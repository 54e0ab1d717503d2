using SteeringRng.Certification.Bounds;
using SteeringRng.Quantum;
using SteeringRng.Sdp;

namespace SteeringRng.Certification.Certify;

/// <summary>
/// One relaxation (NS, Glo or Q_k) built for a scenario: its SDP, how to read a bound from a solution, and the
/// same relaxation for other data of the same shape without rebuilding its structure (for sweeps).
/// </summary>
internal interface IRelaxationBound
{
    BoundKind Kind { get; }
    int Level { get; }
    SdpProblem Problem { get; }

    /// <summary>P_g from the conservative (dual) side; Valid only for an optimal or near-optimal solve.</summary>
    BoundResult Read(SdpSolution solution, double wallSeconds);

    IRelaxationBound WithData(Assemblage data);
}
