using System.Numerics;
using MathNet.Numerics.LinearAlgebra;
using SteeringRng.Certification.Seesaw.Internal;
using SteeringRng.Quantum;

namespace SteeringRng.Certification.Seesaw;

/// <summary>
/// An independent check of an attack against the data: it recomputes the attack's assemblage through the full
/// operators, σ_{a|x} = Tr_U[(I_A ⊗ O_{a|x}) Σ_e σ^e] with a general partial trace (not the seesaw's own
/// contraction), and checks that the sub-states are PSD and the POVMs are POVMs.
/// </summary>
/// <param name="MaxDeviation">max over a, x and entries of |σ^attack_{a|x} − σ^obs_{a|x}|.</param>
/// <param name="MinStateEigenvalue">Smallest eigenvalue over the σ^e (≥ 0 for a valid attack).</param>
/// <param name="MinEffectEigenvalue">Smallest eigenvalue over all effects M_{b|y}.</param>
/// <param name="CompletenessError">max over parties and settings of max |Σ_b M_{b|y} − I| entry-wise.</param>
/// <param name="GuessingProbability">Σ_e Tr[(I_A ⊗ G_e) σ^e], recomputed.</param>
public sealed record AttackCheck(double MaxDeviation, double MinStateEigenvalue, double MinEffectEigenvalue,
    double CompletenessError, double GuessingProbability)
{
    /// <summary>Whether every deviation from a valid, data-reproducing attack is within <paramref name="tolerance"/>.</summary>
    public bool Passes(double tolerance) =>
        MaxDeviation <= tolerance && MinStateEigenvalue >= -tolerance && MinEffectEigenvalue >= -tolerance && CompletenessError <= tolerance;

    public static AttackCheck Of(SeesawAttack attack, Assemblage data)
    {
        if (data.TrustedDimension != attack.TrustedDimension || data.PartyCount != attack.PartyDimensions.Count)
            throw new ArgumentException("The attack and the data describe different scenarios.");
        var dims = new[] { attack.TrustedDimension }.Concat(attack.PartyDimensions).ToArray();
        var rho = attack.TotalState;
        var identityA = DenseOps.Identity(attack.TrustedDimension);
        double deviation = 0;
        foreach (var x in data.SettingTuples())
            foreach (var a in data.OutcomeTuples())
            {
                var o = AttackAlgebra.UntrustedOperator(attack.Povms, a, x);
                var produced = DenseOps.PartialTraceKeep(identityA.KroneckerProduct(o) * rho, dims, [0]);
                deviation = Math.Max(deviation, DenseOps.MaxAbs(produced - DenseOps.FromArray(data[a, x])));
            }
        double minState = attack.SubStates.Min(DenseOps.MinEigenvalue);
        double minEffect = double.PositiveInfinity, completeness = 0;
        for (int j = 0; j < attack.Povms.Count; j++)
            foreach (var setting in attack.Povms[j])
            {
                minEffect = Math.Min(minEffect, setting.Min(DenseOps.MinEigenvalue));
                completeness = Math.Max(completeness,
                    DenseOps.MaxAbs(AttackAlgebra.Sum(setting) - DenseOps.Identity(attack.PartyDimensions[j])));
            }
        var tuples = AttackAlgebra.GuessTuples(attack.Guess, attack.Povms);
        double pg = 0;
        for (int e = 0; e < tuples.Length; e++)
        {
            Matrix<Complex> g = identityA.KroneckerProduct(
                AttackAlgebra.GuessOperator(attack.Povms, attack.PartyDimensions, attack.Guess, tuples[e]));
            pg += (g * attack.SubStates[e]).Trace().Real;
        }
        return new AttackCheck(deviation, minState, minEffect, completeness, pg);
    }
}
