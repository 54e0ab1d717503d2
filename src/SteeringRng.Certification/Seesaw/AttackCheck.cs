using System.Numerics;
using MathNet.Numerics.LinearAlgebra;
using SteeringRng.Certification.Seesaw.Internal;
using SteeringRng.Quantum;

namespace SteeringRng.Certification.Seesaw;

/// <summary>
/// An independent check of an attack against the data: the attack's assemblage is recomputed by
/// SteeringRng.Quantum (<see cref="AssemblageBuilder"/>, after validating ρ = Σ_e σ^e as a density matrix and each
/// measurement as a POVM), not by the seesaw's own contraction; the sub-states' positivity and the POVMs'
/// completeness are measured too.
/// </summary>
/// <param name="MaxDeviation">max over a, x and entries of |σ^attack_{a|x} − σ^obs_{a|x}| (∞ if the attack is not a valid state and POVMs).</param>
/// <param name="MinStateEigenvalue">Smallest eigenvalue over the σ^e (≥ 0 for a valid attack).</param>
/// <param name="MinEffectEigenvalue">Smallest eigenvalue over all effects M_{b|y}.</param>
/// <param name="CompletenessError">max over parties and settings of max |Σ_b M_{b|y} − I| entry-wise.</param>
/// <param name="GuessingProbability">Σ_e Tr[(I_A ⊗ G_e) σ^e], recomputed.</param>
/// <param name="Problem">Why the state or a POVM was rejected by validation; empty when they pass.</param>
public sealed record AttackCheck(double MaxDeviation, double MinStateEigenvalue, double MinEffectEigenvalue,
    double CompletenessError, double GuessingProbability, string Problem)
{
    /// <summary>
    /// <see cref="MaxDeviation"/> proven from above in exact arithmetic (<see cref="ExactDeviation"/>); null when not
    /// computed (an unverified attack, or one too large for the exact check).
    /// </summary>
    public double? ProvenMaxDeviation { get; init; }

    /// <summary>Whether every deviation from a valid, data-reproducing attack is within <paramref name="tolerance"/>.</summary>
    public bool Passes(double tolerance) =>
        Problem.Length == 0 && MaxDeviation <= tolerance && MinStateEigenvalue >= -tolerance
        && MinEffectEigenvalue >= -tolerance && CompletenessError <= tolerance;

    /// <param name="validationTolerance">Tolerance for validating ρ and the POVMs as quantum objects.</param>
    public static AttackCheck Of(SeesawAttack attack, Assemblage data, double validationTolerance)
    {
        if (data.TrustedDimension != attack.TrustedDimension || data.PartyCount != attack.PartyDimensions.Count)
            throw new ArgumentException("The attack and the data describe different scenarios.");
        var dims = new[] { attack.TrustedDimension }.Concat(attack.PartyDimensions).ToArray();
        double deviation = double.PositiveInfinity;
        string problem = "";
        try
        {
            var state = DensityMatrix.Create(attack.TotalState, dims, validationTolerance);
            var measurements = attack.Povms.Select((party, j) => (IReadOnlyList<Povm>)party
                .Select((effects, y) => Povm.Create(effects, $"party {j} setting {y}", validationTolerance)).ToArray()).ToArray();
            var produced = AssemblageBuilder.Build(state, [0], measurements);
            deviation = 0;
            foreach (var x in data.SettingTuples())
                foreach (var a in data.OutcomeTuples())
                    deviation = Math.Max(deviation, DenseOps.MaxAbs(DenseOps.FromArray(produced[a, x]) - DenseOps.FromArray(data[a, x])));
        }
        catch (QuantumValidationException invalid)
        {
            problem = invalid.Message;
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
        var identityA = DenseOps.Identity(attack.TrustedDimension);
        var tuples = AttackAlgebra.GuessTuples(attack.Guess, attack.Povms);
        double pg = 0;
        for (int e = 0; e < tuples.Length; e++)
        {
            Matrix<Complex> g = identityA.KroneckerProduct(
                AttackAlgebra.GuessOperator(attack.Povms, attack.PartyDimensions, attack.Guess, tuples[e]));
            pg += DenseOps.TraceOfProduct(g, attack.SubStates[e]);
        }
        return new AttackCheck(deviation, minState, minEffect, completeness, pg, problem);
    }
}
