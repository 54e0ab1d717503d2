using System.Numerics;
using MathNet.Numerics.LinearAlgebra;

namespace SteeringRng.Certification.Seesaw.Internal;

/// <summary>
/// A seesaw attack whose untrusted spaces are direct sums, C^{d_j} = ⊕_i C^{d_{j,i}}, with every POVM block-diagonal:
/// M^j_{b|y} = ⊕_i M^{j,i}_{b|y}. Then Tr[(I_A ⊗ O_{a|x}) σ] sees only the blocks of σ on the "components"
/// A ⊗ U_{1,t_1} ⊗ … ⊗ U_{k,t_k} (one block index t_j per party), so the sub-states are kept per component,
/// σ^e = ⊕_t σ^e_t, and every seesaw SDP splits into small blocks. Physically: Eve knows which component the
/// devices are in, and in each the parties hold d_{j,t_j}-dimensional devices (a 1-dimensional block is a
/// deterministic strategy). It is still an attack in dimension d_j = Σ_i d_{j,i}; <see cref="ToFull"/> writes it so.
/// One block per party is the unstructured seesaw.
/// A split attack (JointSplitStart) keeps only some components (the others, and every cross block, are zero: block-diagonal
/// measurements never see them) and locks each kept component to one guess (<see cref="Locks"/>): σ^e_t = 0 for e ≠ lock_t.
/// </summary>
internal sealed class BlockAttack
{
    public BlockAttack(int trustedDimension, GuessTarget guess, int[][] blockSizes, Matrix<Complex>[][][][] povms,
        Matrix<Complex>[][] subStates, int[][]? components = null, int[]? locks = null)
    {
        TrustedDimension = trustedDimension;
        Guess = guess;
        BlockSizes = blockSizes;
        Povms = povms;
        Components = components ?? Quantum.Assemblage.Tuples(blockSizes.Select(b => b.Length).ToArray()).ToArray();
        if (locks is not null && locks.Length != Components.Length)
            throw new ArgumentException($"A split attack needs one locked guess per component ({Components.Length}), got {locks.Length}.");
        Locks = locks;
        GuessTuples = Quantum.Assemblage.Tuples(guess.Parties.Select(p => povms[p][0][0].Length).ToArray()).ToArray();
        if (subStates.Length != Components.Length || subStates.Any(s => s.Length != GuessTuples.Length))
            throw new ArgumentException($"A block attack needs {Components.Length} components × {GuessTuples.Length} sub-states.");
        SubStates = subStates;
    }

    public int TrustedDimension { get; }
    public GuessTarget Guess { get; }
    public int PartyCount => BlockSizes.Length;

    /// <summary>d_{j,i}: [party][block].</summary>
    public int[][] BlockSizes { get; }

    /// <summary>M^{j,i}_{b|y}: [party][block][setting][outcome].</summary>
    public Matrix<Complex>[][][][] Povms { get; }

    /// <summary>Block tuples t (one block index per party), lexicographic.</summary>
    public int[][] Components { get; }

    /// <summary>The one guess each component may hold (split attacks), or null: every guess in every component.</summary>
    public int[]? Locks { get; }

    /// <summary>The guesses whose sub-states in component c are free (one when the component is locked).</summary>
    public IEnumerable<int> FreeGuesses(int c) => Locks is null ? Enumerable.Range(0, GuessTuples.Length) : [Locks[c]];

    /// <summary>Eve's guesses e, lexicographic over the guessed parties.</summary>
    public int[][] GuessTuples { get; }

    /// <summary>σ^e_t: [component][guess], on C^{d_A} ⊗ C^{d_{1,t_1}} ⊗ … ⊗ C^{d_{k,t_k}}.</summary>
    public Matrix<Complex>[][] SubStates { get; }

    /// <summary>The local dimensions of component c.</summary>
    public int[] ComponentDimensions(int c) => Components[c].Select((i, j) => BlockSizes[j][i]).ToArray();

    /// <summary>The POVMs restricted to component c, in the [party][setting][outcome] layout of a full attack.</summary>
    public Povms ComponentPovms(int c) =>
        Components[c].Select((i, j) => (IReadOnlyList<IReadOnlyList<Matrix<Complex>>>)Povms[j][i]).ToArray();

    /// <summary>ρ_t = Σ_e σ^e_t.</summary>
    public Matrix<Complex> ComponentState(int c) => AttackAlgebra.Sum(SubStates[c]);

    /// <summary>P_g = Σ_t Σ_e Tr[(I_A ⊗ G^t_e) σ^e_t].</summary>
    public double GuessingProbability =>
        Enumerable.Range(0, Components.Length).Sum(c =>
            AttackAlgebra.GuessingProbability(SubStates[c], TrustedDimension, ComponentDimensions(c), ComponentPovms(c), Guess));

    /// <summary>σ_{a|x} = Σ_t Tr_U[(I_A ⊗ O^t_{a|x}) ρ_t].</summary>
    public Quantum.Assemblage Assemblage()
    {
        var settings = Povms.Select(p => p[0].Length).ToArray();
        var outcomes = Povms.Select(p => p[0][0].Length).ToArray();
        var states = Enumerable.Range(0, Components.Length).Select(ComponentState).ToArray();
        var povms = Enumerable.Range(0, Components.Length).Select(ComponentPovms).ToArray();
        return new Quantum.Assemblage(TrustedDimension, settings, outcomes, (a, x) =>
        {
            var sum = Matrix<Complex>.Build.Dense(TrustedDimension, TrustedDimension);
            for (int c = 0; c < states.Length; c++)
                sum += AttackAlgebra.Conditional(states[c], TrustedDimension, AttackAlgebra.UntrustedOperator(povms[c], a, x));
            return DenseOps.HermitianPart(sum).ToArray();
        });
    }

    public BlockAttack WithSubStates(Matrix<Complex>[][] subStates) => new(TrustedDimension, Guess, BlockSizes, Povms, subStates, Components, Locks);

    public BlockAttack WithPartyPovms(int party, Matrix<Complex>[][][] partyPovms)
    {
        var povms = (Matrix<Complex>[][][][])Povms.Clone();
        povms[party] = partyPovms;
        return new(TrustedDimension, Guess, BlockSizes, povms, SubStates, Components, Locks);
    }

    /// <summary>
    /// The same attack on C^{d_A} ⊗ C^{d_1} ⊗ … ⊗ C^{d_k}: block i of party j occupies levels
    /// offset_{j,i} … offset_{j,i} + d_{j,i} − 1; σ^e = Σ_t V_t σ^e_t V_t† with V_t the isometry placing component t.
    /// </summary>
    public SeesawAttack ToFull()
    {
        var dims = BlockSizes.Select(b => b.Sum()).ToArray();
        var offsets = BlockSizes.Select(b => b.Select((_, i) => b.Take(i).Sum()).ToArray()).ToArray();
        var povms = new IReadOnlyList<IReadOnlyList<Matrix<Complex>>>[PartyCount];
        for (int j = 0; j < PartyCount; j++)
            povms[j] = Enumerable.Range(0, Povms[j][0].Length).Select(y =>
                (IReadOnlyList<Matrix<Complex>>)Enumerable.Range(0, Povms[j][0][y].Length).Select(b =>
                {
                    var m = Matrix<Complex>.Build.Dense(dims[j], dims[j]);
                    for (int i = 0; i < BlockSizes[j].Length; i++)
                        m.SetSubMatrix(offsets[j][i], offsets[j][i], Povms[j][i][y][b]);
                    return m;
                }).ToArray()).ToArray();
        var full = new[] { TrustedDimension }.Concat(dims).ToArray();
        int size = full.Aggregate(1, (p, d) => p * d);
        var subStates = GuessTuples.Select(_ => Matrix<Complex>.Build.Dense(size, size)).ToArray();
        for (int c = 0; c < Components.Length; c++)
        {
            var local = new[] { TrustedDimension }.Concat(ComponentDimensions(c)).ToArray();
            var shift = new[] { 0 }.Concat(Components[c].Select((i, j) => offsets[j][i])).ToArray();
            var map = Enumerable.Range(0, local.Aggregate(1, (p, d) => p * d)).Select(r =>
            {
                var digits = Quantum.Tensor.Digits(r, local);
                for (int s = 0; s < digits.Length; s++) digits[s] += shift[s];
                return Quantum.Tensor.Index(digits, full);
            }).ToArray();
            for (int e = 0; e < GuessTuples.Length; e++)
            {
                var block = SubStates[c][e];
                for (int r = 0; r < map.Length; r++)
                    for (int q = 0; q < map.Length; q++)
                        subStates[e][map[r], map[q]] += block[r, q];
            }
        }
        return new SeesawAttack(TrustedDimension, dims, Guess, subStates, povms);
    }
}
