using System.Numerics;
using MathNet.Numerics.LinearAlgebra;
using SteeringRng.Quantum;

namespace SteeringRng.Certification.Seesaw.Internal;

/// <summary>
/// The seesaw step over party j's POVM with the sub-states and the other parties' POVMs fixed. Party j's effects are
/// block-diagonal, M_{b|y} = ⊕_i M^i_{b|y} (one block when the attack has no block structure), and component t of
/// the <see cref="BlockAttack"/> sees block t_j:
/// <code>
///   max Σ_i Σ_b Tr[M^i_{b|x*_j} W^i_b]   s.t.  Σ_t Tr[M^{t_j}_{b|y} R^t_{l,a'|x'}] = Tr[B_l σ^obs_{(a',b)|(x',y)}],
///                                          Σ_b M^i_{b|y} = I,   M^i_{b|y} ⪰ 0,
///   R^t_{l,a'|x'} = Tr_{¬j}[(B_l ⊗ O'^t_{a'|x'} ⊗ I_j) ρ_t],    W^i_b = Σ_{t : t_j = i} Σ_{e : e_j = b} Tr_{¬j}[(I_A ⊗ G^t_e with I at j) σ^e_t],
/// </code>
/// where (a', x') run over the other parties' outcomes and settings, ρ_t = Σ_e σ^e_t and B_l is an orthonormal
/// Hermitian basis of the trusted system. W is zero when party j is not guessed (then the step only moves the
/// POVM inside the feasible set). Block (i, y, b) of the SDP is M^i_{b|y}, at index (i·m_j + y)·n_j + b.
/// </summary>
internal static class MeasurementStep
{
    public static StepProblem Build(ObservedData data, BlockAttack attack, int party)
    {
        int dA = data.TrustedDimension;
        int settings = data.Settings[party], outcomes = data.Outcomes[party];
        var blockDims = attack.BlockSizes[party];
        int perBlock = settings * outcomes, blockCount = blockDims.Length * perBlock;
        var sizes = Enumerable.Range(0, blockCount).Select(s => blockDims[s / perBlock]).ToArray();
        var offsets = StepProblem.CoordinateOffsets(sizes);
        int Index(int block, int y, int b) => (block * settings + y) * outcomes + b;
        var trustedBasis = Enumerable.Range(0, dA * dA).Select(l => HermitianCoordinates.BasisElement(l, dA)).ToArray();
        int components = attack.Components.Length;
        var componentDims = Enumerable.Range(0, components).Select(c => new[] { dA }.Concat(attack.ComponentDimensions(c)).ToArray()).ToArray();
        var componentPovms = Enumerable.Range(0, components).Select(attack.ComponentPovms).ToArray();
        var rhoT = Enumerable.Range(0, components).Select(attack.ComponentState).ToArray();

        var rows = new List<double[]>();
        var rhs = new List<double>();
        // Data rows: one (a', x') of the other parties at a time, i.e. the tuples with a_j = x_j = 0.
        for (int x = 0; x < data.SettingTuples.Length; x++)
        {
            if (data.SettingTuples[x][party] != 0) continue;
            for (int a = 0; a < data.OutcomeTuples.Length; a++)
            {
                if (data.OutcomeTuples[a][party] != 0) continue;
                // T_t = Tr_{others}[(I_A ⊗ O' ⊗ I_j) ρ_t] on A ⊗ (block t_j of j), per component.
                var t = new Matrix<Complex>[components];
                for (int c = 0; c < components; c++)
                {
                    int dj = componentDims[c][party + 1];
                    var factors = new List<Matrix<Complex>> { DenseOps.Identity(dA) };
                    for (int i = 0; i < data.PartyCount; i++)
                        factors.Add(i == party ? DenseOps.Identity(dj) : componentPovms[c][i][data.SettingTuples[x][i]][data.OutcomeTuples[a][i]]);
                    t[c] = DenseOps.TraceAllBut(Tensor.Kron(factors.ToArray()) * rhoT[c], componentDims[c], 0, party + 1);
                }
                for (int l = 0; l < trustedBasis.Length; l++)
                {
                    // R^t_l = Tr_A[(B_l ⊗ I_j) T_t].
                    var r = new double[components][];
                    for (int c = 0; c < components; c++)
                    {
                        int dj = componentDims[c][party + 1];
                        r[c] = HermitianCoordinates.ToVector(DenseOps.HermitianPart(DenseOps.TraceAllBut(
                            trustedBasis[l].KroneckerProduct(DenseOps.Identity(dj)) * t[c], [dA, dj], 1)));
                    }
                    for (int y = 0; y < settings; y++)
                        for (int b = 0; b < outcomes; b++)
                        {
                            var xt = (int[])data.SettingTuples[x].Clone();
                            var at = (int[])data.OutcomeTuples[a].Clone();
                            xt[party] = y;
                            at[party] = b;
                            var row = new double[offsets[blockCount]];
                            for (int c = 0; c < components; c++)
                            {
                                int o = offsets[Index(attack.Components[c][party], y, b)];
                                for (int q = 0; q < r[c].Length; q++) row[o + q] += r[c][q];
                            }
                            rows.Add(row);
                            var observed = data.Blocks[ObservedData.IndexOf(xt, data.Settings), ObservedData.IndexOf(at, data.Outcomes)];
                            rhs.Add(HermitianCoordinates.ToVector(observed)[l]);
                        }
                }
            }
        }
        // Completeness rows: Σ_b M^i_{b|y} = I, coordinate by coordinate, per block.
        for (int i = 0; i < blockDims.Length; i++)
        {
            var identity = HermitianCoordinates.ToVector(DenseOps.Identity(blockDims[i]));
            for (int y = 0; y < settings; y++)
                for (int q = 0; q < identity.Length; q++)
                {
                    var row = new double[offsets[blockCount]];
                    for (int b = 0; b < outcomes; b++) row[offsets[Index(i, y, b)] + q] = 1;
                    rows.Add(row);
                    rhs.Add(identity[q]);
                }
        }

        var objective = new Matrix<Complex>?[blockCount];
        int guessedSetting = attack.Guess.SettingOf(party);
        if (guessedSetting >= 0)
        {
            int position = attack.Guess.Parties.ToList().IndexOf(party);
            for (int c = 0; c < components; c++)
                for (int e = 0; e < attack.GuessTuples.Length; e++)
                {
                    var g = DenseOps.Identity(dA).KroneckerProduct(AttackAlgebra.GuessOperator(
                        componentPovms[c], attack.ComponentDimensions(c), attack.Guess, attack.GuessTuples[e], skip: party));
                    var w = DenseOps.HermitianPart(DenseOps.TraceAllBut(g * attack.SubStates[c][e], componentDims[c], party + 1));
                    int block = Index(attack.Components[c][party], guessedSetting, attack.GuessTuples[e][position]);
                    objective[block] = objective[block] is { } previous ? previous + w : w;
                }
        }

        var (problem, inconsistency) = StepProblem.Assemble(sizes, objective, rows.ToArray(), rhs.ToArray());
        return new StepProblem($"POVMs of party {party}", problem, inconsistency, solution =>
        {
            var blocks = StepProblem.Blocks(solution, blockCount);
            var povm = Enumerable.Range(0, blockDims.Length).Select(i =>
                Enumerable.Range(0, settings).Select(y =>
                    PovmRepair.Repair(Enumerable.Range(0, outcomes).Select(b => blocks[Index(i, y, b)]).ToArray()).ToArray()).ToArray()).ToArray();
            return attack.WithPartyPovms(party, povm);
        });
    }
}
