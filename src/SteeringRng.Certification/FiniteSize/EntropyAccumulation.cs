namespace SteeringRng.Certification.FiniteSize;

/// <summary>
/// The EAT rate from one affine bound (docs/formulations/finite-size.md §5): the min-tradeoff function is the tangent
/// of −log2 at the reference v, scaled by the generation fraction,
///   f_v(w) = (1 − γ)(A_v − B_v λ·w),  B_v = 1/((α + λ·v) ln 2),  A_v = B_v λ·v − log2(α + λ·v),
/// which is ≤ (1 − γ)(−log2(α + λ·w)) ≤ (1 − γ) H_min(w) by concavity of −log2 (so it is a valid min-tradeoff function:
/// H(A|E) ≥ H_min ≥ f_v for every strategy with statistics w). It is evaluated at the worst point of the acceptance box,
/// w_exp + sign(λ)·δ (f_v decreases in λ·w), and the second-order terms are subtracted with β optimised:
///   rate = f_v(w_worst) − ε_V(β) − ε_K(β) − ε_Ω(β)/n.
/// </summary>
public static class EntropyAccumulation
{
    public static EatTerms Rate(TestStatistics statistics, AffineGuessingBound dual, ProtocolParameters protocol, int generationOutcomes, IReadOnlyList<double> expected)
    {
        protocol.Validate(statistics.Count);
        if (expected.Count != statistics.Count)
            throw new FiniteSizeInputException(FiniteSizeDiagnostics.ShapeMismatch, $"{expected.Count} expected statistics for {statistics.Count} statistics");
        var gamma = protocol.TestProbability;
        var atV = dual.Evaluate(dual.Reference);
        var b = 1 / (atV * Math.Log(2));
        var lambdaV = atV - dual.Alpha;
        var a = b * lambdaV - Math.Log2(atV);
        var worst = dual.WorstCorner(expected, protocol.Tolerances);
        var lambdaW = dual.Evaluate(worst) - dual.Alpha;
        var f = (1 - gamma) * (a - b * lambdaW);
        var perEvent = statistics.PerEvent(dual.Lambda);
        var spread = perEvent.Max() - perEvent.Min();
        var n = protocol.Rounds;
        // d_O: the EAT's output register A_i holds every outcome the round records (the test outcome must be a function
        // of it), not only the guessed ones; Brown's dirng takes the product of all parties' output counts
        // (eat_methods.py errV/errK, `np.prod(device.generation_output_size)`). The larger of the two is the conservative reading.
        var outcomes = Math.Max(generationOutcomes, statistics.OutcomesPerRound);
        double Loss(double beta) => SecondOrderTerms.Loss(beta, n, gamma, b, spread, outcomes, protocol.EpsilonEntropyAccumulation, protocol.EpsilonSmoothing);
        var beta = BetaOptimizer.Minimise(Loss);
        var ev = SecondOrderTerms.EpsilonV(beta, gamma, b, spread, outcomes);
        var ek = SecondOrderTerms.EpsilonK(beta, gamma, b, spread, outcomes);
        var eo = SecondOrderTerms.EpsilonOmega(beta, protocol.EpsilonEntropyAccumulation, protocol.EpsilonSmoothing);
        return new EatTerms
        {
            B = b, A = a, WorstPoint = worst, MinTradeoff = f, LambdaSpread = spread, Beta = beta,
            OutputAlphabet = outcomes, EpsilonV = ev, EpsilonK = ek, EpsilonOmega = eo, Rate = f - ev - ek - eo / n,
        };
    }

    /// <summary>m = ⌊k − 2 log2(1/ε_ext)⌋, 0 when that is negative (the leftover hash lemma's output length).</summary>
    public static long OutputBits(double entropy, double epsilonExtraction)
    {
        var m = Math.Floor(entropy - 2 * Math.Log2(1 / epsilonExtraction));
        return m <= 0 || double.IsNaN(m) ? 0 : m >= long.MaxValue ? long.MaxValue : (long)m;
    }
}
