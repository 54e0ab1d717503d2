using System.Globalization;

namespace SteeringRng.Peers;

/// <summary>
/// Names the DIMACS errors that exceed a tolerance, for a row's message: a peer that claims success but misses the
/// requested accuracy says which criterion it missed, by how much, and against which tolerance (e.g. "DIMACS error
/// 5 (duality gap) = 2.1E-08 > 1E-08"). Definitions of the six errors: <see cref="Sdp.SdpSolution.Dimacs"/>.
/// </summary>
public static class DimacsShortfall
{
    /// <summary>What each error measures, in the order of <see cref="Sdp.SdpSolution.Dimacs"/>.</summary>
    public static readonly IReadOnlyList<string> Names =
    [
        "primal infeasibility ‖A(X) − b‖",
        "X outside the cone, −λmin(X)",
        "dual infeasibility ‖Σ y_i A_i − C − Z‖",
        "Z outside the cone, −λmin(Z)",
        "duality gap ⟨C, X⟩ − bᵀy",
        "complementarity ⟨X, Z⟩",
    ];

    /// <summary>
    /// "DIMACS error k (name) = v > tolerance" (or "v &lt; −tolerance": error 5 is signed) for every |error| above the
    /// tolerance, worst first, joined by "; " (empty when none is; a NaN error counts as above).
    /// </summary>
    public static string Describe(IReadOnlyList<double> dimacs, double tolerance)
    {
        ArgumentNullException.ThrowIfNull(dimacs);
        var above = Enumerable.Range(0, dimacs.Count)
            .Where(k => !(Math.Abs(dimacs[k]) <= tolerance))
            .OrderByDescending(k => double.IsNaN(dimacs[k]) ? double.PositiveInfinity : Math.Abs(dimacs[k]));
        return string.Join("; ", above.Select(k => string.Create(CultureInfo.InvariantCulture,
            $"DIMACS error {k + 1} ({(k < Names.Count ? Names[k] : "?")}) = {dimacs[k]:G3} {(dimacs[k] < 0 ? "<" : ">")} {(dimacs[k] < 0 ? -tolerance : tolerance):G3}")));
    }
}
