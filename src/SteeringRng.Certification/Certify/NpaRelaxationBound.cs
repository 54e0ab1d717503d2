using SteeringRng.Certification.Bounds;
using SteeringRng.Quantum;
using SteeringRng.Sdp;

namespace SteeringRng.Certification.Certify;

/// <summary>
/// H^{Q_k} through the generalised NPA builder (formulations §3); with <see cref="BoundKind.NoSignalling"/> and level
/// 0, H^NS as the symmetry-reduced Q at S = {I} (the same program, see Relaxations.TryNoSignallingBySymmetry).
/// </summary>
internal sealed class NpaRelaxationBound(int level, SteeringRng.Relaxation.Relaxation relaxation, BoundKind kind = BoundKind.Npa) : IRelaxationBound
{
    public BoundKind Kind => kind;
    public int Level => level;
    public SdpProblem Problem => relaxation.Problem;

    /// <summary>P_g from the (P) side, offset − ⟨C, X⟩: an upper bound on the relaxation's value by weak duality.</summary>
    /// The symmetry reduction used (if any) is named in the message, after the solver's own remarks.
    public BoundResult Read(SdpSolution solution, double wallSeconds)
    {
        var result = RelaxationReading.From(kind, level, solution, relaxation.UpperBound(solution), wallSeconds);
        if (relaxation.Reduction.Length == 0) return result;
        return result with { Message = result.Message.Length == 0 ? relaxation.Reduction : result.Message + "; " + relaxation.Reduction };
    }

    public IRelaxationBound WithData(Assemblage data) => new NpaRelaxationBound(level, relaxation.WithData(data), kind);
}
