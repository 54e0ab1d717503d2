namespace SteeringRng.Certification.FiniteSize;

/// <summary>
/// A guessing relaxation (NS, Q_k, NPA) as a function of the test statistics w: solve it at a reference statistic and
/// return the certified affine bound P_g(w) ≤ α + λ·w (<see cref="AffineGuessingBound"/>). Implementations:
/// <see cref="SteeringGuessingProgram"/> (trusted tomography, statistics = the trusted node's p(a b c | x y z)) and
/// <see cref="DeviceIndependentGuessingProgram"/> (Bell values, no trusted node).
/// </summary>
public interface IGuessingProgram
{
    /// <summary>The statistics the program takes (their order is the order of w).</summary>
    TestStatistics Statistics { get; }

    /// <summary>Number of outcomes of one generation round that Eve guesses (d_O of the EAT's second-order terms).</summary>
    int GenerationOutcomes { get; }

    /// <summary>What is certified, for reports ("P_g of Bob and Charlie (joint) under Q1 from the trusted node's statistics").</summary>
    string Description { get; }

    /// <summary>Solves the relaxation at <paramref name="reference"/> and reads off α, λ.</summary>
    /// <exception cref="FiniteSizeInputException">SR1224 when the relaxation does not solve at v (e.g. v is not a possible statistic).</exception>
    AffineGuessingBound BoundAt(IReadOnlyList<double> reference, CancellationToken cancel = default);

    /// <summary>
    /// No solver: the recorded point X̃ of a bound (<see cref="AffineGuessingBound.Point"/>) re-checked in exact arithmetic
    /// on the relaxation rebuilt here, and α, λ recomputed from it exactly as <see cref="BoundAt"/> does (for <c>steer verify</c>).
    /// Certified = false, with the reason in Method, when X̃ does not give a feasible PSD X̂.
    /// </summary>
    AffineGuessingBound Recheck(IReadOnlyList<double> reference, IReadOnlyList<double> point, CancellationToken cancel = default);
}
