using System.Numerics;
using MathNet.Numerics.LinearAlgebra;
using SteeringRng.Quantum;

namespace SteeringRng.Certification.Seesaw.Internal;

/// <summary>
/// The seesaw step over party j's POVM {M_{b|y}} with the sub-states and the other parties' POVMs fixed:
/// <code>
///   max Σ_b Tr[M_{b|x*_j} W_b]   s.t.  Tr[M_{b|y} R_{l,a'|x'}] = Tr[B_l σ^obs_{(a',b)|(x',y)}],   Σ_b M_{b|y} = I,   M_{b|y} ⪰ 0,
///   R_{l,a'|x'} = Tr_{¬j}[(B_l ⊗ O'_{a'|x'} ⊗ I_j) ρ],    W_b = Σ_{e : e_j = b} Tr_{¬j}[(I_A ⊗ G_e with I at j) σ^e],
/// </code>
/// where (a', x') run over the other parties' outcomes and settings, ρ = Σ_e σ^e and B_l is an orthonormal
/// Hermitian basis of the trusted system. W is zero when party j is not guessed (then the step only moves the
/// POVM inside the feasible set). Block (y, b) of the SDP is M_{b|y}, at index y·n_j + b.
/// </summary>
internal static class MeasurementStep
{
    public static StepProblem Build(ObservedData data, SeesawAttack attack, int party)
    {
        int dA = data.TrustedDimension, dj = attack.PartyDimensions[party];
        int settings = data.Settings[party], outcomes = data.Outcomes[party];
        var dims = new[] { dA }.Concat(attack.PartyDimensions).ToArray();
        var rho = attack.TotalState;
        int per = HermitianCoordinates.Count(dj), blockCount = settings * outcomes;
        var trustedBasis = Enumerable.Range(0, dA * dA).Select(l => HermitianCoordinates.BasisElement(l, dA)).ToArray();

        var rows = new List<double[]>();
        var rhs = new List<double>();
        // Data rows: one (a', x') of the other parties at a time, i.e. the tuples with a_j = x_j = 0.
        for (int x = 0; x < data.SettingTuples.Length; x++)
        {
            if (data.SettingTuples[x][party] != 0) continue;
            for (int a = 0; a < data.OutcomeTuples.Length; a++)
            {
                if (data.OutcomeTuples[a][party] != 0) continue;
                var factors = new List<Matrix<Complex>> { DenseOps.Identity(dA) };
                for (int i = 0; i < data.PartyCount; i++)
                    factors.Add(i == party ? DenseOps.Identity(dj) : attack.Povms[i][data.SettingTuples[x][i]][data.OutcomeTuples[a][i]]);
                // T = Tr_{others}[(I_A ⊗ O' ⊗ I_j) ρ] on A ⊗ j; then R_l = Tr_A[(B_l ⊗ I_j) T].
                var t = DenseOps.TraceAllBut(Tensor.Kron(factors.ToArray()) * rho, dims, 0, party + 1);
                for (int l = 0; l < trustedBasis.Length; l++)
                {
                    var r = DenseOps.HermitianPart(DenseOps.TraceAllBut(
                        trustedBasis[l].KroneckerProduct(DenseOps.Identity(dj)) * t, [dA, dj], 1));
                    var rv = HermitianCoordinates.ToVector(r);
                    for (int y = 0; y < settings; y++)
                        for (int b = 0; b < outcomes; b++)
                        {
                            var xt = (int[])data.SettingTuples[x].Clone();
                            var at = (int[])data.OutcomeTuples[a].Clone();
                            xt[party] = y;
                            at[party] = b;
                            var row = new double[blockCount * per];
                            Array.Copy(rv, 0, row, (y * outcomes + b) * per, per);
                            rows.Add(row);
                            var observed = data.Blocks[ObservedData.IndexOf(xt, data.Settings), ObservedData.IndexOf(at, data.Outcomes)];
                            rhs.Add(HermitianCoordinates.ToVector(observed)[l]);
                        }
                }
            }
        }
        // Completeness rows: Σ_b M_{b|y} = I, coordinate by coordinate.
        var identity = HermitianCoordinates.ToVector(DenseOps.Identity(dj));
        for (int y = 0; y < settings; y++)
            for (int c = 0; c < per; c++)
            {
                var row = new double[blockCount * per];
                for (int b = 0; b < outcomes; b++) row[(y * outcomes + b) * per + c] = 1;
                rows.Add(row);
                rhs.Add(identity[c]);
            }

        var objective = new Matrix<Complex>?[blockCount];
        int guessedSetting = attack.Guess.SettingOf(party);
        if (guessedSetting >= 0)
        {
            int position = attack.Guess.Parties.ToList().IndexOf(party);
            var tuples = AttackAlgebra.GuessTuples(attack.Guess, attack.Povms);
            for (int e = 0; e < tuples.Length; e++)
            {
                var g = DenseOps.Identity(dA).KroneckerProduct(
                    AttackAlgebra.GuessOperator(attack.Povms, attack.PartyDimensions, attack.Guess, tuples[e], skip: party));
                var w = DenseOps.HermitianPart(DenseOps.TraceAllBut(g * attack.SubStates[e], dims, party + 1));
                int block = guessedSetting * outcomes + tuples[e][position];
                objective[block] = objective[block] is { } previous ? previous + w : w;
            }
        }

        var (problem, inconsistency) = StepProblem.Assemble(blockCount, dj, objective, rows.ToArray(), rhs.ToArray());
        return new StepProblem($"POVMs of party {party}", problem, inconsistency, solution =>
        {
            var blocks = StepProblem.Blocks(solution, blockCount);
            var povm = Enumerable.Range(0, settings)
                .Select(y => PovmRepair.Repair(blocks.Skip(y * outcomes).Take(outcomes).ToArray()))
                .ToArray();
            return attack.WithPartyPovms(party, povm);
        });
    }
}
