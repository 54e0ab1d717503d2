namespace SteeringRng.Reporting;

/// <summary>
/// How a parameter name is shown to a reader: a Greek letter spelled out ("mu") is printed as the letter (μ),
/// which is how the paper writes it; any other name is shown as it is.
/// </summary>
public static class ParameterLabels
{
    private static readonly Dictionary<string, string> Greek = new(StringComparer.Ordinal)
    {
        ["alpha"] = "α", ["beta"] = "β", ["gamma"] = "γ", ["delta"] = "δ", ["epsilon"] = "ε", ["eta"] = "η",
        ["theta"] = "θ", ["kappa"] = "κ", ["lambda"] = "λ", ["mu"] = "μ", ["nu"] = "ν", ["xi"] = "ξ",
        ["rho"] = "ρ", ["sigma"] = "σ", ["tau"] = "τ", ["phi"] = "φ", ["chi"] = "χ", ["psi"] = "ψ", ["omega"] = "ω",
    };

    public static string Display(string name) => Greek.TryGetValue(name, out var letter) ? letter : name;
}
