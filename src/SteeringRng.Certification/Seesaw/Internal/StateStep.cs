using System.Numerics;
using MathNet.Numerics.LinearAlgebra;

namespace SteeringRng.Certification.Seesaw.Internal;

/// <summary>
/// The seesaw step over Eve's sub-states with all POVMs fixed:
/// <code>
///   max Σ_e Tr[(I_A ⊗ G_e) σ^e]   s.t.  Tr_U[(I_A ⊗ O_{a|x}) Σ_e σ^e] = σ^obs_{a|x}  ∀ a, x,   σ^e ⪰ 0,
/// </code>
/// G_e = ⊗_j (M^j_{e_j|x*_j} on guessed parties, I elsewhere), O_{a|x} = ⊗_j M^j_{a_j|x_j}. Each matrix
/// equality is written as dA² real equalities Tr[(B_l ⊗ O_{a|x}) ρ] = Tr[B_l σ^obs_{a|x}] against an orthonormal
/// Hermitian basis B_l of the trusted system; the same row acts on every σ^e.
/// </summary>
internal static class StateStep
{
    public static StepProblem Build(ObservedData data, SeesawAttack attack)
    {
        int dA = data.TrustedDimension;
        int size = attack.TotalState.RowCount;
        var tuples = AttackAlgebra.GuessTuples(attack.Guess, attack.Povms);
        var trustedBasis = Enumerable.Range(0, dA * dA).Select(l => HermitianCoordinates.BasisElement(l, dA)).ToArray();

        var singleRows = new List<double[]>();
        var rhs = new List<double>();
        for (int x = 0; x < data.SettingTuples.Length; x++)
            for (int a = 0; a < data.OutcomeTuples.Length; a++)
            {
                var o = AttackAlgebra.UntrustedOperator(attack.Povms, data.OutcomeTuples[a], data.SettingTuples[x]);
                var observed = HermitianCoordinates.ToVector(data.Blocks[x, a]);
                for (int l = 0; l < trustedBasis.Length; l++)
                {
                    singleRows.Add(HermitianCoordinates.ToVector(trustedBasis[l].KroneckerProduct(o)));
                    // Tr[B_l σ] is coordinate l of σ, since the B_l are the coordinate basis.
                    rhs.Add(observed[l]);
                }
            }
        // Reduce on one block (the rows are identical on every σ^e), then repeat the reduced rows per block.
        var reduced = IndependentRows.Reduce(singleRows.ToArray(), rhs.ToArray());
        int per = HermitianCoordinates.Count(size);
        var rows = reduced.Rows.Select(q =>
        {
            var full = new double[per * tuples.Length];
            for (int e = 0; e < tuples.Length; e++) Array.Copy(q, 0, full, e * per, per);
            return full;
        }).ToArray();

        var objective = tuples.Select(e =>
            (Matrix<Complex>?)DenseOps.Identity(dA).KroneckerProduct(
                AttackAlgebra.GuessOperator(attack.Povms, attack.PartyDimensions, attack.Guess, e))).ToArray();
        var (problem, _) = StepProblem.Assemble(tuples.Length, size, objective, rows, reduced.Rhs, independent: true);
        return new StepProblem("states", problem, reduced.Inconsistency,
            solution => attack.WithSubStates(StepProblem.Blocks(solution, tuples.Length).Select(DenseOps.ClipToPsd).ToArray()));
    }
}
