using System.Globalization;
using SteeringRng.Quantum;
using SteeringRng.Sdp.Certificates;

namespace SteeringRng.Certification.Certificates;

/// <summary>
/// Re-checks a <see cref="WitnessCertificate"/> from its own data, without the solver and without the LHS model
/// (docs/formulations/certificates.md, "Witness certificate files"):
/// <list type="number">
/// <item>refuses above the run's work limit (<see cref="SteeringWitnessCertifier.WorkLimit"/>, SR1256);</item>
/// <item>enumerates every deterministic strategy λ itself and proves W_λ + N_x s I ⪰ 0 (hinted bound, else exact LDLᵀ;
/// SR1251 names the first λ that fails);</item>
/// <item>recomputes β(σ) and β(σ_white) exactly and compares them with the claims (SR1252, with the σ entry that breaks
/// Hermiticity or no-signalling when one does, as a hint where the file was changed);</item>
/// <item>requires β(σ_white) ≥ 0 and β(σ) &lt; β(σ_white) (SR1257), then checks each claim against what is proven:
/// v* ≤ claimed visibility (SR1253), "steerable" only if β(σ) &lt; 0 (SR1254), the critical parameter's side (SR1255).</item>
/// </list>
/// </summary>
public static class WitnessCertificateCheck
{
    /// <summary>The outcome: the proven statements, or the first failure (code, located message).</summary>
    public sealed record Result(IReadOnlyList<string> Proven, string? Failure)
    {
        public bool Verified => Failure is null;
    }

    public static Result Verify(WitnessCertificate c, CancellationToken cancellation = default)
    {
        var inv = CultureInfo.InvariantCulture;
        var w = c.Witness;
        if (w.Work > SteeringWitnessCertifier.WorkLimit)
            return Fail("SR1256", string.Create(inv,
                $"the positivity check over {w.StrategyCount:G4} deterministic strategies (about {w.Work:G3} steps) exceeds the limit of {SteeringWitnessCertifier.WorkLimit:G3} the run uses; refused before starting"));
        var proven = new List<string>();

        // 1. Positivity on every fully-LHS assemblage: W_λ + N_x·s·I ⪰ 0 for every λ.
        var count = Rational.FromInteger(w.SettingTupleCount);
        var shift = Rational.FromDouble(c.Shift);
        var positivity = w.CheckPositivity(count * shift, cancellation);
        if (positivity.Violation is { } lambda)
            return Fail("SR1251", $"strategy {lambda}: Σ_x (F + s·I)_{{λ(x)|x}} is not positive semidefinite (decided exactly); with this F and shift{c.At("shift")} the functional is not a fully-LHS witness");
        proven.Add(string.Create(inv,
            $"witness: Σ_x (F + s·I)_{{λ(x)|x}} ⪰ 0 for all {positivity.Strategies} deterministic strategies (s = {c.Shift:G3}; {positivity.Strategies - positivity.ExactlyDecided} by the hinted λ_min bound, {positivity.ExactlyDecided} by exact LDLᵀ)"));

        // 2. β exactly, on the file's data.
        var betaSigma = w.Value(c.Sigma) + shift * w.TraceSum(c.Sigma);
        var betaWhite = w.Value(c.White) + shift * w.TraceSum(c.White);
        if (!betaSigma.Equals(c.BetaSigma) || !betaWhite.Equals(c.BetaWhite))
        {
            var (name, claimed, actual, data) = !betaSigma.Equals(c.BetaSigma)
                ? ("β(σ)", c.BetaSigma, betaSigma, (Section: "sigma", Assemblage: c.Sigma))
                : ("β(σ_white)", c.BetaWhite, betaWhite, (Section: "white", Assemblage: c.White));
            var hint = AssemblageDefect(c, data.Section, data.Assemblage);
            return Fail("SR1252", string.Create(inv,
                $"{name} recomputed from this file's F, shift and data is {actual.Nearest():G17}, but the file claims {claimed.Nearest():G17} (difference {(actual - claimed).Nearest():G3}){c.At(name == "β(σ)" ? "beta-sigma" : "beta-white")}: the entries differ from those the claim was made for{hint}"));
        }
        proven.Add(string.Create(inv, $"exact: β(σ) = {betaSigma.Nearest():G10}, β(σ_white) = {betaWhite.Nearest():G10}"));

        // 3. The proven visibility and verdict.
        if (betaWhite < Rational.Zero)
            return Fail("SR1257", string.Create(inv, $"β(σ_white) = {betaWhite.Nearest():G4} < 0 on white noise, which is LHS: the data are inconsistent"));
        if (betaSigma >= betaWhite)
            return Fail("SR1257", string.Create(inv, $"β(σ) = {betaSigma.Nearest():G4} ≥ β(σ_white) = {betaWhite.Nearest():G4}: the witness does not separate the data from white noise, it proves nothing"));
        var visibility = betaWhite / (betaWhite - betaSigma);
        if (Rational.FromDouble(c.Visibility) < visibility)
            return Fail("SR1253", string.Create(inv,
                $"the file claims v* ≤ {c.Visibility:R}{c.At("visibility")}, but the witness proves only v* ≤ {visibility.UpperDouble():R}"));
        proven.Add(string.Create(inv, $"v* ≤ {c.Visibility:R} (proven: v σ + (1 − v) σ_white is steerable for every v > {visibility.UpperDouble():R})"));
        var steerable = betaSigma < Rational.Zero;
        if (c.Steerable && !steerable)
            return Fail("SR1254", $"the file claims 'steerable'{c.At("steerable")}, but β(σ) ≥ 0: σ itself is not shown steerable");
        proven.Add(steerable ? "steerable: proven (β(σ) < 0: σ has no fully-LHS model)" : "steerable: not shown (β(σ) ≥ 0)");

        // 4. The critical parameter of the white-noise family, if claimed.
        if (c.Family is { } family && c.Critical is { } critical)
        {
            var exact = family.ExactBound(visibility);
            if (exact is null || !family.Covers(critical, exact.Value))
            {
                var gives = exact is { } e ? string.Create(inv, $" (it gives {family.Outward(e):R})") : " (no member of the family is shown steerable)";
                return Fail("SR1255", string.Create(inv,
                    $"the file claims {family.Parameter}* {(family.Slope > 0 ? "≤" : "≥")} {critical:R}{c.At("critical")}, which the proven v* ≤ {visibility.UpperDouble():R} does not give{gives}"));
            }
            proven.Add(string.Create(inv,
                $"critical {family.Parameter} {(family.Slope > 0 ? "≤" : "≥")} {critical:R}, given that σ is the member {family.Parameter} = {family.At:R} of ρ({family.Parameter}) = w ρ₁ + (1 − w) I/D, w = {family.Slope:R}·{family.Parameter} + {family.Intercept:R}, and σ_white its white noise"));
        }
        return new Result(proven, null);
    }

    private static Result Fail(string code, string message) => new([], $"error {code}: {message}");

    /// <summary>
    /// Where an assemblage looks edited (a hint for the message, not part of the proof): the first entry with
    /// σ_kj ≠ conj σ_jk beyond 1e-9, else the setting tuple whose Σ_a σ_{a|x} departs from the others' (no-signalling),
    /// each with its line; "" when neither.
    /// </summary>
    private static string AssemblageDefect(WitnessCertificate c, string section, Assemblage data)
    {
        const double tolerance = 1e-9;
        var d = data.TrustedDimension;
        var sums = new List<(int[] X, System.Numerics.Complex[,] Sum)>();
        foreach (var x in data.SettingTuples())
        {
            var sum = new System.Numerics.Complex[d, d];
            foreach (var a in data.OutcomeTuples())
            {
                var block = data[a, x];
                for (var j = 0; j < d; j++)
                for (var k = 0; k < d; k++)
                {
                    if (k > j && System.Numerics.Complex.Abs(block[k, j] - System.Numerics.Complex.Conjugate(block[j, k])) > tolerance)
                        return $"; {section} x={string.Join(",", x)} a={string.Join(",", a)} is not Hermitian at ({j},{k}){c.At(WitnessCertificate.EntryKey(section, x, a, j, k))}";
                    sum[j, k] += block[j, k];
                }
            }
            sums.Add((x, sum));
        }
        // The odd one out: the setting tuple whose marginal agrees with the fewest others.
        int Agreements(int i) => sums.Count(s => Distance(s.Sum, sums[i].Sum, d) <= tolerance);
        var worst = Enumerable.Range(0, sums.Count).MinBy(Agreements);
        if (Agreements(worst) == sums.Count) return "";
        var other = sums[(worst + 1) % sums.Count].Sum;
        for (var j = 0; j < d; j++)
        for (var k = 0; k < d; k++)
            if (System.Numerics.Complex.Abs(sums[worst].Sum[j, k] - other[j, k]) > tolerance)
            {
                var lines = data.OutcomeTuples().Select(a => c.At(WitnessCertificate.EntryKey(section, sums[worst].X, a, j, k)).Trim(' ', '(', ')')).Where(l => l.Length > 0);
                return $"; {section}: Σ_a σ_{{a|x}} at x={string.Join(",", sums[worst].X)} differs from the other settings' at ({j},{k}) (no-signalling; {string.Join(", ", lines)})";
            }
        return "";
    }

    private static double Distance(System.Numerics.Complex[,] p, System.Numerics.Complex[,] q, int d)
    {
        var max = 0.0;
        for (var j = 0; j < d; j++) for (var k = 0; k < d; k++) max = Math.Max(max, System.Numerics.Complex.Abs(p[j, k] - q[j, k]));
        return max;
    }
}
