using System.Globalization;
using SteeringRng.Certification.Lowering;
using SteeringRng.Quantum;

namespace SteeringRng.Certification.Thresholds;

/// <summary>
/// Whether the scenario's state is a white-noise mixture in the parameter, ρ(μ) = μ ρ(1) + (1 − μ) I/D. Then the data
/// are σ(μ) = μ σ(1) + (1 − μ) σ_white (the measurements do not depend on μ), every threshold is monotone
/// (<see cref="MonotonicityCheck"/>), and the steering threshold is the critical visibility at the pure end,
/// μ* = v*(σ(1)) (<see cref="DirectSteeringThreshold"/>). The check is numerical: ρ(0) = I/D and the affine relation at
/// the range's ends and middle, entry by entry within 1e-12 (the entries are sums of a few products of exact-ish
/// numbers, so a genuine family agrees to rounding, and anything else fails by far more).
/// </summary>
public static class WhiteNoiseFamily
{
    public const double EntryTolerance = 1e-12;

    /// <returns>Null when ρ(μ) = μ ρ(1) + (1 − μ) I/D holds at the probed points; else why not.</returns>
    public static string? Mismatch(ScenarioModel model, string parameter, double rangeLow, double rangeHigh)
    {
        if (!model.HasState) return "the scenario has no state";
        DensityMatrix At(double mu) => model.StateWith(model.ValuesWith(parameter, mu));
        try
        {
            var white = States.WhiteNoise(model.Dimensions).Matrix;
            var zero = At(0).Matrix;
            var one = At(1).Matrix;
            if ((zero - white).Enumerate().Max(z => z.Magnitude) > EntryTolerance)
                return $"ρ({parameter} = 0) is not I/D";
            foreach (var mu in new[] { rangeLow, (rangeLow + rangeHigh) / 2, rangeHigh })
            {
                var affine = one * new System.Numerics.Complex(mu, 0) + white * new System.Numerics.Complex(1 - mu, 0);
                var deviation = (At(mu).Matrix - affine).Enumerate().Max(z => z.Magnitude);
                if (deviation > EntryTolerance)
                    return string.Create(CultureInfo.InvariantCulture,
                        $"ρ({parameter} = {mu:R}) differs from {parameter}·ρ(1) + (1 − {parameter})·I/D by {deviation:E2}");
            }
            return null;
        }
        catch (ArgumentException e) { return $"the state cannot be evaluated at {parameter} = 0 or 1: {e.Message}"; }
    }
}
