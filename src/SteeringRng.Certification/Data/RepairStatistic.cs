using System.Globalization;

namespace SteeringRng.Certification.Data;

/// <summary>
/// The size of a repair of counts as a goodness-of-fit statistic (docs/formulations/measured-probabilities.md, "Repair"):
/// Pearson's X² = Σ_i N_i (p̂_i − p*_i)² / p*_i with the repaired probabilities p* as the expected values, against its
/// degrees of freedom. Unlike the weighted distance in standard deviations of the frequencies (s_i² ≈ p̂_i(1 − p̂_i)/N_i,
/// which for a cell with no counts is only the floor 1/N_i), the expected counts N_i p*_i are what a cell's spread is
/// under the repaired model, so a cell with no counts where the model expects 10⁻⁷·N counts contributes N p*_i ≈ 1, not
/// "5 sd". Under the hypothesis that the frequencies were sampled from valid data, X² is about χ² with dof degrees of
/// freedom (mean dof, spread √(2 dof)).
/// </summary>
public static class RepairStatistic
{
    /// <summary>X² and the largest Pearson residual r_i = √N_i (p̂_i − p*_i)/√p*_i (its row); ∞ when p*_i = 0 &lt; p̂_i.</summary>
    public static (double X2, double LargestResidual, int Row) Pearson(double[] frequencies, double[] totals, double[] repaired)
    {
        double x2 = 0, largest = 0;
        var row = 0;
        for (var i = 0; i < frequencies.Length; i++)
        {
            var diff = frequencies[i] - repaired[i];
            if (diff == 0) continue;
            var r = repaired[i] > 0 ? Math.Sqrt(totals[i]) * diff / Math.Sqrt(repaired[i]) : double.PositiveInfinity * Math.Sign(diff);
            x2 += r * r;
            if (Math.Abs(r) > Math.Abs(largest)) (largest, row) = (r, i);
        }
        return (x2, largest, row);
    }

    /// <summary>"Pearson X² = … on dof degrees of freedom (…× dof), largest residual … at event" for a row note.</summary>
    public static string Describe(ProbabilityTable table, ProbabilityLayout layout, double[] repaired, int dof)
    {
        if (table.Totals is not { } totals) return "";
        var (x2, largest, row) = Pearson(table.Values, totals, repaired);
        var where = layout.Events().First(e => e.Row == row);
        var scale = dof > 0 ? string.Create(CultureInfo.InvariantCulture, $" on {dof} degrees of freedom ({x2 / dof:0.##}× dof)") : "";
        return string.Create(CultureInfo.InvariantCulture,
            $"Pearson X² = {x2:0.#}{scale}, largest Pearson residual {largest:+0.##;-0.##} at {layout.DescribeEvent(where.Settings, where.Outcomes)}");
    }
}
