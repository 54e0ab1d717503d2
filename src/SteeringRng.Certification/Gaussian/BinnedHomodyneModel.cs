using SteeringRng.Quantum;
using SteeringRng.Quantum.Gaussian;

namespace SteeringRng.Certification.Gaussian;

/// <summary>
/// A Gaussian network's output with its trusted mode cut off at K and each untrusted party measuring binned quadratures,
/// the x̂ period free and every other quadrature's period fixed by the mutual-unbiasedness rule T = 2πn/T_x
/// (continuous-variables.md §4): the data as a function of the x̂ periods, which the period search varies.
/// </summary>
/// <param name="Angles">Per party its quadrature angles (the first must be x̂, angle 0, whose period is free).</param>
/// <param name="Renormalise">Divide by Tr Σ σ (the paper's reading, §6) or keep Alice's projected, sub-normalised data.</param>
public sealed record BinnedHomodyneModel(GaussianState State, int TrustedMode, IReadOnlyList<int> UntrustedModes,
    IReadOnlyList<IReadOnlyList<double>> Angles, int Bins, int Cutoff, bool Renormalise = true)
{
    /// <summary>The settings at x̂ periods T_x (one per party).</summary>
    public IReadOnlyList<IReadOnlyList<HomodyneSetting>> Settings(IReadOnlyList<double> xPeriods) =>
        Angles.Select((angles, p) => (IReadOnlyList<HomodyneSetting>)angles
            .Select(a => a == 0 ? new HomodyneSetting(0, Bins, xPeriods[p]) : new HomodyneSetting(a, Bins, HomodyneSetting.UnbiasedPeriod(Bins, xPeriods[p])))
            .ToArray()).ToArray();

    public GaussianAssemblage Build(IReadOnlyList<double> xPeriods) =>
        GaussianAssemblage.Build(State, TrustedMode, UntrustedModes, Settings(xPeriods), Cutoff);

    /// <summary>The data the bounds see.</summary>
    public Assemblage DataAt(IReadOnlyList<double> xPeriods)
    {
        var g = Build(xPeriods);
        return Renormalise ? g.Renormalised : g.Projected;
    }
}
