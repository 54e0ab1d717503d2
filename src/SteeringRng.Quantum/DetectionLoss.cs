using System.Numerics;
using MathNet.Numerics.LinearAlgebra;

namespace SteeringRng.Quantum;

/// <summary>
/// A measurement seen through a detector of efficiency η (docs/formulations/detection-loss.md): the detector clicks
/// with probability η whatever the state, so every POVM element M_b becomes η M_b, and the no-click event has the
/// element (1 − η) I. Nothing is post-selected: the no-click event is either an outcome of its own (index n for an
/// n-outcome measurement; Eve guesses it too) or is counted as a fixed outcome k (the usual "binning":
/// M'_k = η M_k + (1 − η) I). Both are POVMs for every η ∈ [0, 1] (Σ_b η M_b + (1 − η) I = I).
/// </summary>
public static class DetectionLoss
{
    /// <param name="povm">The ideal measurement {M_b}, n outcomes.</param>
    /// <param name="efficiency">η ∈ [0, 1].</param>
    /// <param name="noClickBin">null: no-click is outcome n (n + 1 outcomes); k: it is added to outcome k (n outcomes).</param>
    /// <exception cref="QuantumValidationException">η outside [0, 1] or not finite, or k not an outcome.</exception>
    public static Povm Apply(Povm povm, double efficiency, int? noClickBin = null)
    {
        ArgumentNullException.ThrowIfNull(povm);
        if (!(efficiency >= 0 && efficiency <= 1))
            throw new QuantumValidationException($"the detection efficiency of {povm.Name} must be between 0 and 1, got {efficiency:R}");
        if (noClickBin is { } bin && (bin < 0 || bin >= povm.OutcomeCount))
            throw new QuantumValidationException($"{povm.Name} has no outcome {bin} to count no-clicks as (outcomes 0 .. {povm.OutcomeCount - 1})");
        var eta = new Complex(efficiency, 0);
        var noClick = Matrix<Complex>.Build.DenseIdentity(povm.Dimension) * new Complex(1 - efficiency, 0);
        var elements = Enumerable.Range(0, povm.OutcomeCount).Select(b => povm.Element(b) * eta).ToList();
        if (noClickBin is { } k) elements[k] += noClick;
        else elements.Add(noClick);
        return Povm.Create(elements, povm.Name);
    }
}
