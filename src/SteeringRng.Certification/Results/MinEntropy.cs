namespace SteeringRng.Certification.Results;

/// <summary>
/// The one place that turns a guessing probability into bits: H_min = −log2 P_g (docs/formulations/min-entropy.md).
/// Every bound reaches here with P_g already read from its conservative side and capped at 1 by its job.
/// </summary>
public static class MinEntropy
{
    /// <summary>H_min = −log2 P_g in bits; P_g = 1 gives 0 bits, P_g = 1/4 gives 2 bits; NaN stays NaN.</summary>
    /// <remarks>Written as 0 − log2 so that P_g = 1 gives +0, not −0 (which would print as "-0").</remarks>
    public static double Bits(double guessingProbability) => 0.0 - Math.Log2(guessingProbability);

    /// <summary>
    /// A proven lower bound on −log2 p for a proven upper bound p on P_g: Math.Log2 is accurate to about one ulp, so the
    /// result is stepped down by two ulps (H is never overstated); p ≥ 1 gives exactly 0.
    /// </summary>
    public static double CertifiedBits(double guessingProbabilityUpperBound)
    {
        if (!(guessingProbabilityUpperBound < 1)) return 0.0;
        var h = -Math.Log2(guessingProbabilityUpperBound);
        return Math.Max(0.0, Math.BitDecrement(Math.BitDecrement(h)));
    }
}
