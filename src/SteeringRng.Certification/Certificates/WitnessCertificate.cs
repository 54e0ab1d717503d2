using System.Globalization;
using SteeringRng.Certification.Jobs;
using SteeringRng.Quantum;
using SteeringRng.Sdp.Certificates;

namespace SteeringRng.Certification.Certificates;

/// <summary>
/// A self-contained certificate of a steering-test row (docs/formulations/certificates.md, "Witness certificate files"):
/// the data σ and σ_white, the witness F (the exact Hermitian completion of its upper triangle) and shift s, and what
/// they claim, so that <c>steer verify</c> can re-check everything without the solver and without the LHS model:
/// <code>
///   W_λ = Σ_x (F + s·I)_{λ(x)|x} ⪰ 0 for every deterministic λ      (so β ≥ 0 on every fully-LHS assemblage)
///   β(σ), β(σ_white) = Σ_{a,x} Re Tr[(F + s·I)_{a|x} ·_{a|x}]         (exact)
///   v* ≤ v_c = β(σ_white) / (β(σ_white) − β(σ)) ≤ Visibility;  steerable iff β(σ) &lt; 0;  p* ≤ p_c ≤ Critical
/// </code>
/// Text, one item per line (<see cref="WitnessCertificateReader"/> reads it back). Every number is an exact rational
/// <c>p</c> or <c>p/q</c>; the entries of F, σ, σ_white and s are binary64 values (the doubles the run used), written
/// exactly. '#' starts a comment (the decimal approximations).
/// </summary>
/// <param name="Family">The white-noise family the critical parameter refers to (null: none claimed).</param>
/// <param name="Critical">The claimed proven side p_c of the critical parameter (null: none claimed).</param>
public sealed record WitnessCertificate(SteeringWitness Witness, Assemblage Sigma, Assemblage White, double Shift,
    Rational BetaSigma, Rational BetaWhite, double Visibility, bool Steerable,
    CriticalParameter.FamilyLine? Family, double? Critical, IReadOnlyList<string> Notes)
{
    public const string Magic = "steer witness certificate 1";

    /// <summary>Source line of each item read from a file ("shift", "beta-sigma", "F 0,1 1,0 0 1", …); empty when built in memory.</summary>
    public IReadOnlyDictionary<string, int> Lines { get; init; } = new Dictionary<string, int>();

    /// <summary>The line an item came from, as " (line N)", or "" when unknown.</summary>
    public string At(string key) => Lines.TryGetValue(key, out var line) ? $" (line {line})" : "";

    /// <summary>The key of one matrix entry: "F 0,2 1,0 0 1" (section, setting tuple, outcome tuple, row, column).</summary>
    public static string EntryKey(string section, IEnumerable<int> x, IEnumerable<int> a, int j, int k) =>
        $"{section} {string.Join(",", x)} {string.Join(",", a)} {j} {k}";

    public void Write(TextWriter w)
    {
        var inv = CultureInfo.InvariantCulture;
        var d = Witness.Dimension;
        w.WriteLine(Magic);
        foreach (var note in Notes) w.WriteLine("note " + note);
        w.WriteLine("claim: with W_λ = Σ_x (F + s·I)_{λ(x)|x}: W_λ ⪰ 0 for every deterministic strategy λ, so β(τ) = Σ_{a,x} Re Tr[(F + s·I)_{a|x} τ_{a|x}] ≥ 0");
        w.WriteLine("claim: on every fully-LHS assemblage τ; β is linear, so v σ + (1 − v) σ_white is steerable for every v > v_c = β(σ_white) / (β(σ_white) − β(σ))");
        w.WriteLine("numbers: exact rationals p or p/q; the entries of F, sigma, white and the shift are binary64 values written exactly");
        w.WriteLine("order: blocks by setting tuple x, then outcome tuple a (each lexicographic, first party slowest); matrix row j, column k from 0");
        w.WriteLine("functional: F_{a|x} is Hermitian by definition: its lines give Re F_jk and Im F_jk for j <= k only, F_kj = conj F_jk");
        w.WriteLine(string.Create(inv,
            $"strategies: every λ = (λ_1..λ_k) with λ_j[x] in 0..o_j-1 for each setting x of party j: {Witness.StrategyCount:R} (the verifier enumerates them)"));
        w.WriteLine($"dimension {d}");
        w.WriteLine($"settings {string.Join(" ", Witness.Settings)}");
        w.WriteLine($"outcomes {string.Join(" ", Witness.Outcomes)}");
        w.WriteLine(Claim("shift", Rational.FromDouble(Shift)));
        w.WriteLine(Claim("beta-sigma", BetaSigma));
        w.WriteLine(Claim("beta-white", BetaWhite));
        w.WriteLine(Claim("visibility", Rational.FromDouble(Visibility)) + "   v* <= this");
        w.WriteLine($"steerable {(Steerable ? "true" : "false")}");
        if (Family is { } f && Critical is { } c)
            w.WriteLine($"critical {f.Parameter} {Exact(c)} slope {Exact(f.Slope)} intercept {Exact(f.Intercept)} at {Exact(f.At)}" +
                        string.Create(inv, $"   # {f.Parameter}* {(f.Slope > 0 ? "<=" : ">=")} {c:R} for w({f.Parameter}) = {f.Slope:R}·{f.Parameter} + {f.Intercept:R}, tested at {f.At:R}"));
        w.WriteLine("F");
        var t = 0;
        foreach (var x in Sigma.SettingTuples())
        foreach (var a in Sigma.OutcomeTuples())
        {
            for (var j = 0; j < d; j++)
            for (var k = j; k < d; k++)
            {
                var (re, im) = Witness.Entry(t, j, k);
                w.WriteLine($"{EntryKey("", x, a, j, k).TrimStart()} {Exact(re)} {Exact(im)}");
            }
            t++;
        }
        WriteAssemblage(w, "sigma", Sigma);
        WriteAssemblage(w, "white", White);
    }

    private static void WriteAssemblage(TextWriter w, string section, Assemblage assemblage)
    {
        w.WriteLine(section);
        foreach (var x in assemblage.SettingTuples())
        foreach (var a in assemblage.OutcomeTuples())
        {
            var block = assemblage[a, x];
            for (var j = 0; j < assemblage.TrustedDimension; j++)
            for (var k = 0; k < assemblage.TrustedDimension; k++)
                w.WriteLine($"{EntryKey("", x, a, j, k).TrimStart()} {Exact(block[j, k].Real)} {Exact(block[j, k].Imaginary)}");
        }
    }

    private static string Claim(string key, Rational value) =>
        string.Create(CultureInfo.InvariantCulture, $"{key} {value}   # ≈ {value.Nearest():G10}");

    private static string Exact(double value) => Rational.FromDouble(value).ToString();
}
