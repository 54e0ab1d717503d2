using System.Numerics;
using MathNet.Numerics.LinearAlgebra;

namespace SteeringRng.Quantum;

/// <summary>What an assemblage check found: which property, where, and how large the violation is.</summary>
public sealed record AssemblageViolation(string Property, string Where, double Size)
{
    public override string ToString() => $"{Property} violated at {Where}: size {Size:G6}";
}

/// <summary>The result of <see cref="AssemblageChecks.Check"/>; empty <see cref="Violations"/> means valid.</summary>
public sealed record AssemblageReport(IReadOnlyList<AssemblageViolation> Violations, double Tolerance)
{
    public bool IsValid => Violations.Count == 0;

    /// <summary>The largest violation size (0 when valid).</summary>
    public double Worst => Violations.Count == 0 ? 0 : Violations.Max(v => v.Size);
}

/// <summary>
/// Checks that an assemblage is a valid no-signalling assemblage: every block Hermitian PSD,
/// Σ_a Tr σ_{a|x} = 1 for every setting tuple x, and for every untrusted party j the marginal
/// Σ_{a_j} σ_{a|x} does not depend on x_j (for each outcomes/settings of the other parties).
/// </summary>
public static class AssemblageChecks
{
    public static AssemblageReport Check(Assemblage sigma, double tolerance = 1e-8)
    {
        var violations = new List<AssemblageViolation>();
        foreach (var x in sigma.SettingTuples())
        {
            double trace = 0;
            foreach (var a in sigma.OutcomeTuples())
            {
                var block = Matrix<Complex>.Build.DenseOfArray(sigma[a, x]);
                trace += block.Trace().Real;
                var (herm, row, col) = OperatorChecks.HermiticityDefect(block);
                if (herm > tolerance)
                    violations.Add(new("Hermiticity", $"{Label(a, x)}, entry ({row},{col})", herm));
                double min = OperatorChecks.MinEigenvalue(block);
                if (min < -tolerance)
                    violations.Add(new("positivity (most negative eigenvalue)", Label(a, x), -min));
            }
            if (Math.Abs(trace - 1) > tolerance)
                violations.Add(new("normalisation Σ_a Tr σ_{a|x} = 1", $"x = ({string.Join(",", x)}), sum {trace:G10}", Math.Abs(trace - 1)));
        }
        for (int j = 0; j < sigma.PartyCount; j++)
        {
            var worst = WorstSignalling(sigma, j);
            if (worst.Size > tolerance) violations.Add(worst);
        }
        return new AssemblageReport(violations, tolerance);
    }

    /// <summary>
    /// max over (a_{−j}, x_{−j}, x_j) of the largest entry of |Σ_{a_j} σ_{a|x} − Σ_{a_j} σ_{a|x with x_j = 0}|.
    /// </summary>
    public static AssemblageViolation WorstSignalling(Assemblage sigma, int party)
    {
        var worst = new AssemblageViolation($"no-signalling of untrusted party {party}", "nowhere", 0);
        foreach (var x in sigma.SettingTuples())
        {
            if (x[party] == 0) continue;
            var x0 = (int[])x.Clone();
            x0[party] = 0;
            foreach (var a in sigma.OutcomeTuples())
            {
                if (a[party] != 0) continue;
                var gap = Marginal(sigma, party, a, x) - Marginal(sigma, party, a, x0);
                double size = gap.Enumerate().Max(z => z.Magnitude);
                if (size > worst.Size)
                {
                    var others = Enumerable.Range(0, sigma.PartyCount).Where(p => p != party).ToArray();
                    string where = $"other parties' outcomes ({string.Join(",", others.Select(p => a[p]))}) and settings ({string.Join(",", others.Select(p => x[p]))}), "
                                   + $"party {party} setting {x[party]} vs setting 0";
                    worst = worst with { Where = where, Size = size };
                }
            }
        }
        return worst;
    }

    /// <summary>Σ_{a_j} σ_{a|x} with a_j summed out.</summary>
    private static Matrix<Complex> Marginal(Assemblage sigma, int party, int[] a, int[] x)
    {
        var sum = Matrix<Complex>.Build.Dense(sigma.TrustedDimension, sigma.TrustedDimension);
        var t = (int[])a.Clone();
        for (int b = 0; b < sigma.Outcomes[party]; b++)
        {
            t[party] = b;
            sum += Matrix<Complex>.Build.DenseOfArray(sigma[t, x]);
        }
        return sum;
    }

    private static string Label(int[] a, int[] x) => $"σ_{{a|x}} with a = ({string.Join(",", a)}), x = ({string.Join(",", x)})";
}
