using System.Numerics;
using MathNet.Numerics.LinearAlgebra;
using SteeringRng.Certification.Seesaw.Internal;
using SteeringRng.Quantum;

namespace SteeringRng.Certification.Seesaw;

/// <summary>
/// A quantum model of the data: a state ρ on C^{d_A} ⊗ C^{d_1} ⊗ … ⊗ C^{d_k} and POVMs
/// <c>Povms[party][setting][outcome]</c> for each untrusted party. The seesaw embeds it in larger local
/// dimensions as its first feasible start.
/// </summary>
public sealed class QuantumRealisation
{
    public QuantumRealisation(Matrix<Complex> state, int trustedDimension, IReadOnlyList<int> partyDimensions,
        IReadOnlyList<IReadOnlyList<IReadOnlyList<Matrix<Complex>>>> povms)
    {
        if (trustedDimension < 1) throw new ArgumentException("The trusted dimension must be at least 1.");
        if (partyDimensions.Count == 0 || partyDimensions.Any(d => d < 1))
            throw new ArgumentException("Give a positive dimension for each of the k ≥ 1 untrusted parties.");
        int total = trustedDimension * partyDimensions.Aggregate(1, (p, d) => p * d);
        if (state.RowCount != total || state.ColumnCount != total)
            throw new ArgumentException($"The state is {state.RowCount}×{state.ColumnCount}; the dimensions give {total}×{total}.");
        if (povms.Count != partyDimensions.Count)
            throw new ArgumentException($"{povms.Count} parties have measurements but {partyDimensions.Count} dimensions were given.");
        for (int j = 0; j < povms.Count; j++)
            for (int y = 0; y < povms[j].Count; y++)
            {
                if (povms[j][y].Count == 0) throw new ArgumentException($"Party {j}, setting {y}: no outcomes.");
                if (povms[j][y].Count != povms[j][0].Count)
                    throw new ArgumentException($"Party {j}: setting {y} has {povms[j][y].Count} outcomes, setting 0 has {povms[j][0].Count}.");
                foreach (var m in povms[j][y])
                    if (m.RowCount != partyDimensions[j] || m.ColumnCount != partyDimensions[j])
                        throw new ArgumentException($"Party {j}, setting {y}: an effect is {m.RowCount}×{m.ColumnCount}, expected {partyDimensions[j]}×{partyDimensions[j]}.");
            }
        State = state;
        TrustedDimension = trustedDimension;
        PartyDimensions = partyDimensions.ToArray();
        Povms = povms;
    }

    public Matrix<Complex> State { get; }
    public int TrustedDimension { get; }
    public IReadOnlyList<int> PartyDimensions { get; }
    public IReadOnlyList<IReadOnlyList<IReadOnlyList<Matrix<Complex>>>> Povms { get; }

    /// <summary>
    /// From SteeringRng.Quantum objects: party 0 of <paramref name="state"/> is the trusted system, parties 1..k are
    /// the untrusted ones, and <paramref name="measurements"/>[j][x] is the POVM of untrusted party j for setting x.
    /// </summary>
    public static QuantumRealisation From(DensityMatrix state, IReadOnlyList<IReadOnlyList<Povm>> measurements)
    {
        if (state.PartyCount < 2) throw new ArgumentException("The state needs a trusted party 0 and at least one untrusted party.");
        var povms = measurements.Select(party => (IReadOnlyList<IReadOnlyList<Matrix<Complex>>>)party
            .Select(p => (IReadOnlyList<Matrix<Complex>>)Enumerable.Range(0, p.OutcomeCount).Select(p.Element).ToArray()).ToArray()).ToArray();
        return new QuantumRealisation(state.Matrix, state.Dimensions[0], state.Dimensions.Skip(1).ToArray(), povms);
    }

    /// <summary>σ_{a|x} = Tr_U[(I_A ⊗ M_{a_1|x_1} ⊗ … ⊗ M_{a_k|x_k}) ρ].</summary>
    public Quantum.Assemblage Assemblage() => AttackAlgebra.AssemblageOf(State, TrustedDimension, Povms);
}
