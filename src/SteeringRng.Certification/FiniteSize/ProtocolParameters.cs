using System.Globalization;

namespace SteeringRng.Certification.FiniteSize;

/// <summary>
/// The spot-checking protocol, fixed before any data (docs/formulations/finite-size.md §1): n rounds, each a test round
/// with probability γ; the acceptance region |w_k − w_exp,k| ≤ δ_k per statistic; the security parameters ε_s
/// (smoothing), ε_EA (entropy accumulation: the protocol aborts or the bound holds except with this probability),
/// ε_ext (extractor), and the largest completeness error ε_c the honest devices may have.
/// </summary>
/// <param name="Rounds">n, the number of rounds (test and generation).</param>
/// <param name="TestProbability">γ ∈ (0, 1]: the probability that a round is a test round.</param>
/// <param name="Tolerances">δ_k ≥ 0, one per statistic (the acceptance box around the expected statistics).</param>
/// <param name="EpsilonSmoothing">ε_s ∈ (0, 1).</param>
/// <param name="EpsilonEntropyAccumulation">ε_EA ∈ (0, 1).</param>
/// <param name="EpsilonExtraction">ε_ext ∈ (0, 1).</param>
/// <param name="EpsilonCompleteness">ε_c ∈ (0, 1): the largest acceptable probability that honest devices abort.</param>
public sealed record ProtocolParameters(
    double Rounds,
    double TestProbability,
    IReadOnlyList<double> Tolerances,
    double EpsilonSmoothing,
    double EpsilonEntropyAccumulation,
    double EpsilonExtraction,
    double EpsilonCompleteness)
{
    /// <summary>Checks every range; throws <see cref="FiniteSizeInputException"/> (SR1220/SR1221) naming the parameter.</summary>
    public void Validate(int statistics)
    {
        static string F(double v) => v.ToString("R", CultureInfo.InvariantCulture);
        if (!(Rounds >= 1) || !double.IsFinite(Rounds) || Rounds != Math.Floor(Rounds))
            throw new FiniteSizeInputException(FiniteSizeDiagnostics.ParameterRange, $"rounds n must be a whole number ≥ 1, got {F(Rounds)}");
        if (!(TestProbability > 0 && TestProbability <= 1))
            throw new FiniteSizeInputException(FiniteSizeDiagnostics.ParameterRange, $"test probability γ must be in (0, 1], got {F(TestProbability)}");
        if (Tolerances.Count != statistics)
            throw new FiniteSizeInputException(FiniteSizeDiagnostics.ShapeMismatch, $"{Tolerances.Count} tolerances δ given for {statistics} statistics");
        for (var k = 0; k < Tolerances.Count; k++)
            if (!(Tolerances[k] >= 0) || !double.IsFinite(Tolerances[k]))
                throw new FiniteSizeInputException(FiniteSizeDiagnostics.ParameterRange, $"tolerance δ of statistic {k} must be a finite number ≥ 0, got {F(Tolerances[k])}");
        foreach (var (name, e) in new[] { ("ε_s", EpsilonSmoothing), ("ε_EA", EpsilonEntropyAccumulation), ("ε_ext", EpsilonExtraction), ("ε_c", EpsilonCompleteness) })
            if (!(e > 0 && e < 1))
                throw new FiniteSizeInputException(FiniteSizeDiagnostics.ParameterRange, $"{name} must be in (0, 1), got {F(e)}");
    }

    /// <summary>The same protocol with another n.</summary>
    public ProtocolParameters WithRounds(double n) => this with { Rounds = n };
}
