using SteeringRng.Reporting;

namespace SteeringRng.Reporting.Tests;

/// <summary>Reports used by several tests. The numbers are made up for rendering, not physics.</summary>
internal static class SampleReports
{
    public static ParameterSet Mu(double mu) => ParameterSet.Of(("mu", mu));

    public static ResultRow Optimal(double mu, string objective, string bound, double pguess) =>
        ResultRow.FromGuessingProbability(Mu(mu), objective, bound, pguess, RowStatus.Optimal, iterations: 12, seconds: 0.5);

    /// <summary>
    /// A Fig. 2 shaped sweep: μ from 0.3 to 1 in steps of 0.01 (71 points), 4 bounds × 2 objectives.
    /// H_min rises from 0 at μ = 1/2 (joint) or 0.7 (separate) to 2 bits (joint) or 1 bit (separate) at μ = 1.
    /// </summary>
    public static RunReport Sweep(int points = 71)
    {
        var rows = new List<ResultRow>();
        string[] bounds = ["ns", "npa 1", "npa 2", "global", "seesaw dim 10"];
        for (var i = 0; i < points; i++)
        {
            var mu = 0.3 + 0.7 * i / (points - 1);
            foreach (var (objective, onset, bits) in new[] { ("joint", 0.5, 2.0), ("B", 0.7, 1.0) })
            {
                for (var b = 0; b < bounds.Length; b++)
                {
                    if (bounds[b] == "seesaw dim 10" && i % 5 != 0) continue;
                    var shift = bounds[b] == "global" ? 0.1 : 0.002 * b;
                    var fraction = Math.Clamp((mu - onset - shift) / (1 - onset - shift), 0, 1);
                    var hmin = bits * Math.Pow(fraction, 0.8);
                    rows.Add(ResultRow.FromMinEntropy(Mu(mu), objective, bounds[b], hmin, RowStatus.Optimal, 20, 0.1));
                }
            }
        }
        rows[7] = ResultRow.Failed(rows[7].Parameters, rows[7].Objective, rows[7].Bound, RowStatus.IterationLimit, "stopped after 200 iterations");
        return new RunReport("GHZ N=3 d=2", rows);
    }
}
