using System.Globalization;
using System.Numerics;
using MathNet.Numerics.LinearAlgebra;

namespace SteeringRng.Quantum.Data;

/// <summary>One way measured blocks fail to be an assemblage: what (positivity, normalisation, no-signalling of a node), where, and how much.</summary>
public sealed record DataViolation(string Property, string Where, double Size)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Property} violated by {Size:G3} ({Where})");
}

/// <summary>
/// Whether blocks σ_{a|x} (Hermitian, as <see cref="AssemblageFile"/> reads them) form a valid assemblage within a
/// tolerance, and if not, the worst violation of each kind, with node names:
///   positivity       λ_min(σ_{a|x}) ≥ 0 for every block (size: −λ_min);
///   normalisation    Σ_a Tr σ_{a|x} = 1 for every setting tuple x (size: |Σ − 1|);
///   no-signalling    for every untrusted node j, Σ_{a_j} σ_{a|x} is the same for all of j's settings x_j, the other
///                    nodes' outcomes and settings fixed (size: the Frobenius norm of the difference, over setting pairs).
/// </summary>
public static class AssemblageValidity
{
    /// <summary>Data valid to this tolerance are used as they are; the relaxations accept 1e-7, so valid data always pass them.</summary>
    public const double Tolerance = 1e-9;

    /// <summary>The worst violation of each kind above the tolerance, worst first (empty: valid).</summary>
    public static IReadOnlyList<DataViolation> Violations(Assemblage sigma, IReadOnlyList<string> partyNames, double tolerance = Tolerance)
    {
        var found = new List<DataViolation>();
        DataViolation? positivity = null, normalisation = null;
        foreach (var x in sigma.SettingTuples())
        {
            double trace = 0;
            foreach (var a in sigma.OutcomeTuples())
            {
                var block = Matrix<Complex>.Build.DenseOfArray(sigma[a, x]);
                trace += block.Trace().Real;
                var min = OperatorChecks.MinEigenvalue(block);
                if (-min > tolerance && -min > (positivity?.Size ?? 0))
                    positivity = new("positivity", string.Create(CultureInfo.InvariantCulture,
                        $"block {Block(partyNames, a, x)} has eigenvalue {min:G3}"), -min);
            }
            var gap = Math.Abs(trace - 1);
            if (gap > tolerance && gap > (normalisation?.Size ?? 0))
                normalisation = new("normalisation", string.Create(CultureInfo.InvariantCulture,
                    $"Σ_a Tr σ_{{a|x}} = {trace:G10} at settings {Settings(partyNames, x)}"), gap);
        }
        if (positivity is not null) found.Add(positivity);
        if (normalisation is not null) found.Add(normalisation);
        for (var j = 0; j < sigma.PartyCount; j++)
            if (WorstSignalling(sigma, j, partyNames) is { } v && v.Size > tolerance) found.Add(v);
        return found.OrderByDescending(v => v.Size).ToList();
    }

    /// <summary>The largest ‖Σ_{a_j} σ_{a|x} − Σ_{a_j} σ_{a|x'}‖_F over pairs x_j ≠ x'_j, the rest fixed; null for a node with one setting.</summary>
    public static DataViolation? WorstSignalling(Assemblage sigma, int party, IReadOnlyList<string> partyNames)
    {
        var s = sigma.Settings[party];
        if (s < 2) return null;
        DataViolation? worst = null;
        foreach (var x in sigma.SettingTuples())
        {
            if (x[party] != 0) continue;
            foreach (var a in sigma.OutcomeTuples())
            {
                if (a[party] != 0) continue;
                var marginals = Enumerable.Range(0, s).Select(y => Marginal(sigma, party, a, With(x, party, y))).ToArray();
                for (var y1 = 0; y1 < s; y1++)
                    for (var y2 = y1 + 1; y2 < s; y2++)
                    {
                        var size = (marginals[y1] - marginals[y2]).FrobeniusNorm();
                        if (size <= (worst?.Size ?? 0)) continue;
                        var others = Enumerable.Range(0, sigma.PartyCount).Where(p => p != party)
                            .Select(p => $"{partyNames[p]} setting {x[p]} outcome {a[p]}").ToArray();
                        var where = $"{partyNames[party]}'s settings {y1} and {y2}" + (others.Length == 0 ? "" : ", with " + string.Join(", ", others));
                        worst = new($"no-signalling of {partyNames[party]}", where, size);
                    }
            }
        }
        return worst;
    }

    /// <summary>"(Bob setting 0 outcome 1, Charlie setting 1 outcome 0)".</summary>
    public static string Block(IReadOnlyList<string> names, int[] a, int[] x) =>
        "(" + string.Join(", ", names.Select((n, j) => $"{n} setting {x[j]} outcome {a[j]}")) + ")";

    private static string Settings(IReadOnlyList<string> names, int[] x) =>
        "(" + string.Join(", ", names.Select((n, j) => $"{n} {x[j]}")) + ")";

    private static int[] With(int[] t, int j, int v)
    {
        var c = (int[])t.Clone();
        c[j] = v;
        return c;
    }

    private static Matrix<Complex> Marginal(Assemblage sigma, int party, int[] a, int[] x)
    {
        var sum = Matrix<Complex>.Build.Dense(sigma.TrustedDimension, sigma.TrustedDimension);
        for (var b = 0; b < sigma.Outcomes[party]; b++)
            sum += Matrix<Complex>.Build.DenseOfArray(sigma[With(a, party, b), x]);
        return sum;
    }
}
