using SteeringRng.Certification.Certificates;
using SteeringRng.Certification.Results;
using SteeringRng.Certification.Run;
using SteeringRng.Certification.Tests.Support;
using SteeringRng.Sdp;
using SteeringRng.Sdp.Certificates;

namespace SteeringRng.Certification.Tests.Certificates;

/// <summary>
/// Certified rows against exact values: on noisy GHZ (X, Y, Z; joint guess X, X) the NS bound is P_g = 1.5 − μ for
/// μ ∈ [0.5, 0.65] and 1/4 at μ = 1 (H = 2 bits, facially reduced); a certified H_min must lie in [exact − 1e-7, exact].
/// </summary>
public class CertifiedRowTests
{
    private static IReadOnlyList<ResultRow> Rows(string mu, string bounds, RunSettings? settings = null) =>
        Scenarios.Plan($"""
            node Alice trusted dim 2
            node Bob, Charlie untrusted dim 2
            param mu = {mu}
            state = mu * ghz + (1 - mu) * white
            measure Bob, Charlie: X Y Z
            objective joint = guess Bob.X, Charlie.X
            bounds {bounds}
            """, settings).Execute(new InteriorPointSolver()).Rows;

    private static double Mu(ResultRow row) => row.Parameters.TryGetValue("mu", out var mu) ? mu : double.NaN;

    [Theory]
    [InlineData(true)]  // NS as the symmetry-reduced Q at level 0
    [InlineData(false)] // the plain NS program
    public void NoSignalling_CertifiedHmin_IsWithin1e7BelowTheExactValue(bool symmetry)
    {
        var rows = Rows("[0.55, 0.6, 0.65]", "ns", RunSettings.Default with { Symmetry = symmetry });
        Assert.Equal(3, rows.Count);
        foreach (var row in rows)
        {
            var exact = -Math.Log2(1.5 - Mu(row));
            var c = row.Certificate!;
            Assert.True(c.IsCertified, $"mu {Mu(row)}: {c.Reason}");
            Assert.InRange(c.Hmin!.Value, exact - 1e-7, exact);
            Assert.InRange(c.Pguess!.Value, 1.5 - Mu(row), 1.5 - Mu(row) + 1e-7);
        }
    }

    [Fact]
    public void PureState_FaciallyReducedRows_AreCertifiedNearTwoBits()
    {
        // At μ = 1 Eve cannot guess better than 1/4 (H = 2 bits, the paper's Fig. 2(a)); every relaxation bound is ≥ that P_g.
        foreach (var row in Rows("1", "ns, npa 1"))
        {
            var c = row.Certificate!;
            Assert.True(c.IsCertified, $"{row.Bound}: {c.Reason}");
            Assert.InRange(c.Hmin!.Value, 2 - 1e-6, 2);
        }
    }

    [Fact]
    public void SymmetryReducedQ2_IsCertified_AndNeverAboveTheNsValueItRefines()
    {
        var rows = Rows("0.6", "ns, npa 2");
        var ns = rows.Single(r => r.Bound == "ns").Certificate!;
        var q2 = rows.Single(r => r.Bound == "npa 2").Certificate!;
        Assert.True(q2.IsCertified, q2.Reason);
        // Q2 ⊆ NS, so H^Q2 ≥ H^NS = −log2 0.9; and a certificate never exceeds the raw value by more than the solver gap.
        Assert.True(q2.Hmin >= -Math.Log2(0.9) - 1e-7);
        Assert.True(q2.Hmin <= rows.Single(r => r.Bound == "npa 2").Hmin + 1e-8);
        Assert.True(ns.IsCertified);
    }

    [Fact]
    public void WithoutPrimalX_TheRowIsUncertified_NotAnError()
    {
        var run = Scenarios.Plan("""
            node Alice trusted dim 2
            node Bob untrusted dim 2
            state = ghz
            measure Bob: X Z
            objective b = guess Bob.X
            bounds ns
            """);
        var row = run.Execute(new NoPrimalSolver()).Rows.Single();
        Assert.Equal(RowStatus.Optimal, row.Status);
        Assert.False(row.Certificate!.IsCertified);
        Assert.Null(row.Certificate.Hmin);
        Assert.Contains("no primal X", row.Certificate.Reason);
    }

    [Fact]
    public void CertificateFile_RoundTrips_AndVerifiesToTheSameBound()
    {
        var folder = Path.Combine(Path.GetTempPath(), "steer-cert-" + Guid.NewGuid().ToString("N"));
        try
        {
            var row = Rows("0.6", "ns", RunSettings.Default with { CertificateDirectory = folder }).Single();
            var path = Path.Combine(folder, "joint_ns.cert"); // a single-valued parameter is not part of the row
            Assert.True(File.Exists(path), "files: " + (Directory.Exists(folder) ? string.Join(", ", Directory.GetFiles(folder)) : "no folder"));
            using var reader = new StreamReader(path);
            var (side, bound) = CertificateFile.Read(reader).Verify();
            Assert.True(side.Certified, side.Reason);
            // The verifier redoes the exact correction from the stored X: the same bound up to rounding, and valid (≥ 0.9 exactly).
            Assert.InRange(bound, 0.9, row.Certificate!.Pguess!.Value + 1e-12);
        }
        finally { if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true); }
    }

    /// <summary>The built-in solver's answer with X removed, as a peer that reports only y would give it.</summary>
    private sealed class NoPrimalSolver : ISdpSolver
    {
        private readonly InteriorPointSolver _inner = new();
        public string Name => "no-x";
        public (bool Available, string Reason) Availability => (true, "");
        public SdpSolution Solve(SdpProblem problem, SdpSettings? settings = null, CancellationToken cancellation = default) =>
            _inner.Solve(problem, settings, cancellation) with { X = [], Solver = Name };
    }
}
