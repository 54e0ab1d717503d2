using System.Globalization;
using System.Text.RegularExpressions;
using SteeringRng.Certification.Jobs;
using SteeringRng.Certification.Run;

namespace SteeringRng.Cli.Output;

/// <summary>
/// The comment lines that make an exported SDPA file self-describing: what was built (scenario, objective, bound,
/// point), the exact offset and sign that turn the SDP optimum into the reported value, which optimum that is under
/// each solver's naming, and what the value means. The value formula comes from the relaxation (IRelaxation.ValueFormula):
/// "P_g = 0.25 − ⟨C, X⟩ (moment form)", "Bell value = 2 − ⟨C, X⟩ …" or "v* = objective = 0 + ⟨C, X⟩ …".
/// </summary>
public static partial class SdpaHeader
{
    /// <summary>The header's comment lines (without the leading '"' that SdpaWriter adds).</summary>
    public static IReadOnlyList<string> Lines(ScenarioRun run, string source, BoundJob job, PointInput point, string formula)
    {
        var lines = new List<string>
        {
            $"steer export: scenario '{run.Title}' ({source})",
            $"objective {job.Objective}, bound {job.Bound}, parameters {(point.Parameters.Count == 0 ? "(none)" : point.Parameters.ToString())}",
            $"moment form: max <C,X> s.t. <A_i,X> = b_i, X psd; {formula}",
        };
        if (ValueOf(formula) is not { } value) return lines;
        lines.Add(value.Sign < 0
            ? $"offset {value.Offset}: {value.Quantity} = offset - <C,X>, with <C,X> the optimum below"
            : $"offset {value.Offset}: {value.Quantity} = offset + <C,X>, with <C,X> the optimum below");
        // SDPA-format naming: the file's c vector is b, F0 is C and F_i is A_i. CSDP solves (P) as its primal; the SDPA
        // solver's primal is min c'x with sum x_i F_i - F0 psd, so this optimum is its dual objective.
        lines.Add("sign convention: <C,X> is the optimal value of (P) max <C,X> s.t. <A_i,X> = b_i, X psd, equal at the optimum " +
                  "to (D) min b'y s.t. sum_i y_i A_i - C psd (this file: c = b, F0 = C, Fi = A_i); 'steer sdp' and CSDP print it " +
                  "as the primal objective, the SDPA solver as objValDual");
        lines.Add("meaning: " + value.Quantity switch
        {
            "P_g" => $"P_g is the {job.Bound} relaxation's upper bound on Eve's probability of guessing the outcomes of objective '{job.Objective}' " +
                     "at this point (steer run reports it capped at 1); H_min = -log2 P_g bits",
            "Bell value" => $"the {job.Bound} upper bound on the Bell expression of objective '{job.Objective}'",
            _ => "v* is the critical visibility of this point's assemblage against white noise, relative to the point's state " +
                 "(steerable iff v* < 1; for mu * state + (1 - mu) * white the family's threshold is mu * v*)",
        });
        return lines;
    }

    /// <summary>The quantity, offset (exactly as the relaxation wrote it) and sign of a value formula; null if unknown.</summary>
    public static (string Quantity, string Offset, int Sign)? ValueOf(string formula)
    {
        var minus = MomentForm().Match(formula);
        if (minus.Success) return (minus.Groups["quantity"].Value, minus.Groups["offset"].Value, -1);
        if (formula.StartsWith("v* = objective", StringComparison.Ordinal)) return ("v*", 0.0.ToString(CultureInfo.InvariantCulture), +1);
        return null;
    }

    // MomentFormReading.formula: "{quantity} = {offset:R} − ⟨C, X⟩ (moment form)".
    [GeneratedRegex(@"^(?<quantity>P_g|Bell value) = (?<offset>\S+) − ⟨C, X⟩")]
    private static partial Regex MomentForm();
}
