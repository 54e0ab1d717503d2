using System.Globalization;
using SteeringRng.Certification.Results;

namespace SteeringRng.Certification.Thresholds;

/// <summary>What a threshold search looks for: randomness (H_min &gt; 0) or steering.</summary>
public enum ThresholdQuantity
{
    /// <summary>A relaxation's P_g (NS, Glo, Q_k): past the threshold when P_g ≤ 1 − tol.</summary>
    Randomness,

    /// <summary>The steering test's critical visibility v*: past the threshold (steerable) when v* &lt; 1 − tol.</summary>
    Steering,
}

/// <summary>
/// When a point counts as past the threshold. A number within the tolerance of 1 is "no":
/// <list type="bullet">
/// <item>Randomness: P_g ≤ 1 − tol, i.e. H_min = −log2 P_g ≥ −log2(1 − tol) ≈ tol / ln 2 bits. Below the threshold a
/// relaxation reads P_g = 1 up to the solver's accuracy and is capped at 1 (docs/formulations/min-entropy.md). The read
/// side is an upper bound by weak duality only as far as the primal X is feasible; the solver stops with every DIMACS
/// error ≤ 1e-8 (optimal) or ≤ 1e-6 (near-optimal, SdpSettings), so a reading 1 − 1e-9 is noise, not randomness.
/// tol = 1e-6 is the near-optimal tolerance, the ordering tolerance (OrderingCheck) and the steering job's verdict.</item>
/// <item>Steering: v* &lt; 1 − tol, the steering job's own verdict (Jobs/SteeringJob.cs); v* is the dual (functional) side.</item>
/// </list>
/// Where P_g leaves 1 with slope s in μ (s ≈ 1 for the 3-qubit GHZ under NS), the tolerance moves the threshold by
/// about tol / s ≈ 1e-6, below the default width 1e-5; for steering on a white-noise family v*(μ) = μ*/μ, so the shift is μ* · tol.
/// </summary>
public sealed record ThresholdCriterion(ThresholdQuantity Quantity, double Tolerance = ThresholdCriterion.DefaultTolerance)
{
    public const double DefaultTolerance = 1e-6;

    /// <summary>The value a row gives for this quantity (P_g or v*), or null when it has none.</summary>
    public double? ValueOf(ResultRow row) => Quantity == ThresholdQuantity.Randomness ? row.Pguess : row.CriticalVisibility;

    /// <summary>Whether a value is past the threshold.</summary>
    public bool IsPast(double value) => Quantity == ThresholdQuantity.Randomness ? value <= 1 - Tolerance : value < 1 - Tolerance;

    /// <summary>"P_g", "v*".</summary>
    public string Symbol => Quantity == ThresholdQuantity.Randomness ? "P_g" : "v*";

    /// <summary>"randomness (H_min &gt; 0): P_g &lt;= 1 - 1e-06" or "steering: v* &lt; 1 - 1e-06".</summary>
    public string Describe() => Quantity == ThresholdQuantity.Randomness
        ? string.Create(CultureInfo.InvariantCulture, $"randomness (H_min > 0): P_g <= 1 - {Tolerance:0.##e-0}")
        : string.Create(CultureInfo.InvariantCulture, $"steering: v* < 1 - {Tolerance:0.##e-0}");

    /// <summary>"randomness", "no randomness", "steerable", "not steerable".</summary>
    public string Verdict(bool past) => (Quantity, past) switch
    {
        (ThresholdQuantity.Randomness, true) => "randomness",
        (ThresholdQuantity.Randomness, false) => "no randomness",
        (_, true) => "steerable",
        _ => "not steerable",
    };
}
