using System.Numerics;
using MathNet.Numerics.LinearAlgebra;
using SteeringRng.Certification.Seesaw.Internal;

namespace SteeringRng.Certification.Seesaw;

/// <summary>
/// An explicit classical–quantum attack ρ_ABCE = Σ_e |e⟩⟨e| ⊗ σ^e: one sub-state σ^e ⪰ 0 on
/// C^{d_A} ⊗ C^{d_1} ⊗ … ⊗ C^{d_k} per guess e (tuples over <see cref="Guess"/>'s parties, lexicographic), and POVMs
/// <c>Povms[party][setting][outcome]</c>. If it reproduces the data, its guessing probability is achievable by Eve.
/// </summary>
public sealed class SeesawAttack
{
    public SeesawAttack(int trustedDimension, IReadOnlyList<int> partyDimensions, GuessTarget guess,
        IReadOnlyList<Matrix<Complex>> subStates, Povms povms)
    {
        TrustedDimension = trustedDimension;
        PartyDimensions = partyDimensions.ToArray();
        Guess = guess;
        SubStates = subStates.ToArray();
        Povms = povms;
        int expected = AttackAlgebra.GuessTuples(guess, povms).Length;
        if (SubStates.Count != expected)
            throw new ArgumentException($"An attack on {guess} needs {expected} sub-states, got {SubStates.Count}.");
    }

    public int TrustedDimension { get; }
    public IReadOnlyList<int> PartyDimensions { get; }
    public GuessTarget Guess { get; }

    /// <summary>σ^e, one per guess tuple.</summary>
    public IReadOnlyList<Matrix<Complex>> SubStates { get; }

    /// <summary>[party][setting][outcome] effects.</summary>
    public Povms Povms { get; }

    /// <summary>ρ_ABC = Σ_e σ^e.</summary>
    public Matrix<Complex> TotalState => AttackAlgebra.Sum(SubStates);

    /// <summary>P_g = Σ_e Tr[(I_A ⊗ M_{e|x*}) σ^e] (non-guessed parties carry I).</summary>
    public double GuessingProbability =>
        AttackAlgebra.GuessingProbability(SubStates, TrustedDimension, PartyDimensions, Povms, Guess);

    /// <summary>The assemblage this attack produces at Alice: Σ_e Tr_U[(I_A ⊗ O_{a|x}) σ^e].</summary>
    public Quantum.Assemblage Assemblage() => AttackAlgebra.AssemblageOf(TotalState, TrustedDimension, Povms);

    internal SeesawAttack WithSubStates(IReadOnlyList<Matrix<Complex>> subStates) =>
        new(TrustedDimension, PartyDimensions, Guess, subStates, Povms);

    internal SeesawAttack WithPartyPovms(int party, IReadOnlyList<IReadOnlyList<Matrix<Complex>>> partyPovms)
    {
        var povms = Povms.ToArray();
        povms[party] = partyPovms;
        return new(TrustedDimension, PartyDimensions, Guess, SubStates, povms);
    }
}
