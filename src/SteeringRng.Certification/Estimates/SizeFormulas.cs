using SteeringRng.Algebra;
using AlgebraScenario = SteeringRng.Algebra.Scenario;

namespace SteeringRng.Certification.Estimates;

/// <summary>
/// The size formulas of the relaxations (docs/formulations/npa-levels.md, steering-test.md), from counts only: no
/// moment matrix is built. Notation: d = d_A the trusted dimension, G the number of Eve's guess tuples, n = |S| the
/// generating set (<see cref="WordCount.generatingSet"/>), D the distinct words u†v of the moment matrix
/// (<see cref="WordCount.momentWords"/>), W the assemblage words (products of at most one generator per party,
/// |W| = Π_j (1 + g_j), g_j the generators of party j) and T the full outcome tuples (a, x) (T = Π_j Σ_x n_{j,x}).
/// </summary>
public static class SizeFormulas
{
    /// <summary>
    /// Q(S): per guess tuple e, Γ^e of size n·d and, unless S holds every assemblage word, T positivity blocks of size d.
    /// Every distinct word is a d×d block of real parameters (d² per word; w and w† share 2d²), the assemblage words
    /// coupled to the data included, so m ≤ G · d² · (D + |W|). Each upper-triangle entry of Γ^e is one free parameter
    /// (Re, Im) or, for assemblage words of the last guess, G − 1 of them: nnz ≈ 2 · G · (n d)²/2 + G · T · d² · |W|.
    /// </summary>
    /// <param name="variables">A known bound on m (the symmetry-reduced layout's count, <see cref="SymmetricEstimate"/>); null: the formula.</param>
    public static RelaxationEstimate MomentRelaxation(string what, AlgebraScenario parties, int trustedDimension, double guesses,
        GeneratingSetSpec generatingSet, bool positivityBlocks = true, double? variables = null)
    {
        var (n, longest) = WordCount.generatingSet(parties, generatingSet);
        return MomentRelaxation(what, trustedDimension, guesses, n, WordCount.momentWords(parties, n, longest), AssemblageWords(parties),
            positivityBlocks ? OutcomeTuples(parties) : 0, variables);
    }

    /// <summary>The same from the counts: n = |S|, D moment words, |W| assemblage words, T positivity blocks per guess.</summary>
    public static RelaxationEstimate MomentRelaxation(string what, int trustedDimension, double guesses, double n, double moments,
        double words, double tuples, double? knownVariables = null)
    {
        var d = (double)trustedDimension;
        var variables = knownVariables ?? guesses * d * d * (moments + words);
        var nonzeros = guesses * (n * d) * (n * d) + guesses * tuples * d * d * words;
        var blocks = new List<(double, double)> { (n * d, guesses) };
        if (tuples > 0) blocks.Add((d, guesses * tuples));
        return Finish(what, blocks, variables, nonzeros, momentEntries: n * n / 2) with { GeneratingSetSize = n };
    }

    /// <summary>
    /// The LHS model of the steering test: one d×d PSD block per deterministic strategy λ (an outcome for every setting
    /// of every party), Λ = Π_j Π_x n_{j,x}; m ≈ Λ · d² + 1; every block entry appears in the T data constraints it
    /// feeds (one per setting tuple): nnz ≈ Λ · d² · Π_j m_j.
    /// </summary>
    public static RelaxationEstimate LhsModel(string what, AlgebraScenario parties, int trustedDimension)
    {
        var d = (double)trustedDimension;
        var strategies = parties.Parties.Aggregate(1.0, (acc, p) => p.Outcomes.Aggregate(acc, (a, o) => a * o));
        var settingTuples = parties.Parties.Aggregate(1.0, (acc, p) => acc * p.Outcomes.Length);
        return Finish(what, [(d, strategies)], strategies * d * d + 1, strategies * d * d * settingTuples, momentEntries: 0);
    }

    /// <summary>|W| = Π_j (1 + g_j): the words with at most one generator of each party.</summary>
    public static double AssemblageWords(AlgebraScenario parties) =>
        parties.Parties.Aggregate(1.0, (acc, p) => acc * (1 + p.Outcomes.Sum(o => o - 1)));

    /// <summary>T = Π_j Σ_x n_{j,x}: the (outcome, setting) tuples of all parties, one σ_{a|x} each.</summary>
    public static double OutcomeTuples(AlgebraScenario parties) =>
        parties.Parties.Aggregate(1.0, (acc, p) => acc * p.Outcomes.Sum());

    /// <summary>Memory from the sizes (formulas in <see cref="RelaxationEstimate"/>); blocks are Hermitian (embedded at 2s).</summary>
    private static RelaxationEstimate Finish(string what, List<(double Size, double Count)> blocks, double variables, double nonzeros,
        double momentEntries)
    {
        var build = 100 * nonzeros + 40 * momentEntries;
        var solver = 8 * variables * variables + blocks.Sum(b => b.Count * 10 * 8 * (2 * b.Size) * (2 * b.Size));
        return new RelaxationEstimate(what, blocks.OrderByDescending(b => b.Size).ToList(), variables, nonzeros, build, solver);
    }
}
