using System.Numerics;
using SteeringRng.Certification.Certificates;
using SteeringRng.Certification.Jobs;
using SteeringRng.Certification.Results;
using SteeringRng.Certification.Tests.Support;
using SteeringRng.Quantum;
using SteeringRng.Relaxation;
using SteeringRng.Sdp;
using SteeringRng.Sdp.Certificates;

namespace SteeringRng.Certification.Tests.Certificates;

/// <summary>
/// The certified side of the steering test (docs/formulations/steering-test.md, "Certified witness"), against exact
/// values: noisy GHZ (3 qubits, Alice trusted) is fully-LHS exactly up to μ* = 3/7 with X, Y, Z and up to 1/2 with X, Y
/// (samples/fig3-thresholds.scn; the paper's text). A certified v* bound is an upper bound on the true v*, so the certified
/// critical μ must lie in [μ*, μ* + 1e-7]; below μ* nothing may be certified steerable, and an explicit LHS assemblage
/// built here (Σ_λ D_λ τ_λ) is never certified steerable, whatever functional is tried.
/// </summary>
public class SteeringWitnessTests
{
    private static IReadOnlyList<ResultRow> Rows(string mu, string settings) =>
        Scenarios.Plan($"""
            node Alice trusted dim 2
            node Bob, Charlie untrusted dim 2
            param mu = {mu}
            state = mu * ghz + (1 - mu) * white
            measure Bob, Charlie: {settings}
            objective joint = guess Bob.X, Charlie.X
            bounds steering
            """).Execute(new InteriorPointSolver()).Rows;

    private static double Mu(ResultRow row) => row.Parameters.TryGetValue("mu", out var mu) ? mu : double.NaN;

    /// <summary>σ_white of two untrusted qubit parties with unbiased two-outcome measurements: I/2 · 1/2 · 1/2 = I/8 per block.</summary>
    private static Assemblage White(int settings) =>
        new(2, [settings, settings], [2, 2], (_, _) => new Complex[,] { { 0.125, 0 }, { 0, 0.125 } });

    [Theory]
    [InlineData("X Y Z", 3.0 / 7.0)]
    [InlineData("X Y", 0.5)]
    public void AboveTheThreshold_SteerableIsCertified_AndTheCriticalMuIsProvenWithin1e7(string settings, double threshold)
    {
        var rows = Rows("[0.6, 0.8, 1.0]", settings);
        Assert.Equal(3, rows.Count);
        foreach (var row in rows)
        {
            var c = row.Certificate!;
            Assert.True(c.IsCertified, $"mu {Mu(row)}: {c.Reason}");
            Assert.True(c.Steerable, $"mu {Mu(row)}: {c.Method}");
            // v* = μ*/μ exactly; the witness proves an upper bound on it (the data are doubles: 1e-12 for their rounding).
            Assert.InRange(c.Visibility!.Value, threshold / Mu(row) - 1e-12, threshold / Mu(row) + 1e-7);
            Assert.InRange(c.Critical!.TryGetValue("mu", out var proven) ? proven : double.NaN, threshold - 1e-12, threshold + 1e-7);
        }
    }

    [Fact]
    public void BelowTheThreshold_NothingIsCertifiedSteerable()
    {
        // μ ≤ 3/7: the state is fully LHS, so no valid witness can be negative on it; the bound proven is then ≥ 1.
        foreach (var row in Rows("[0.2, 0.35, 0.42]", "X Y Z"))
        {
            var c = row.Certificate!;
            Assert.NotEqual(true, c.Steerable);
            if (c.IsCertified) Assert.True(c.Visibility >= 3.0 / 7.0 / Mu(row) - 1e-12, $"mu {Mu(row)}: v* ≤ {c.Visibility}");
        }
    }

    /// <summary>The dual functional of the GHZ μ = 1 steering test (X, Y, Z), F in the data's tuple order.</summary>
    private static (Complex[][,] F, Assemblage Data) GhzFunctional()
    {
        var data = Ghz.Create(1.0).Data;
        var relaxation = Relaxations.CriticalVisibility(data, White(3));
        var solution = new InteriorPointSolver().Solve(relaxation.Problem, SdpSettings.Default);
        return (relaxation.SteeringFunctional(solution), data);
    }

    /// <summary>An explicit fully-LHS assemblage: σ_{a|x} = Σ_λ Π_j δ(a_j, λ_j[x_j]) τ_λ with seeded random τ_λ ⪰ 0.</summary>
    private static Assemblage Lhs(int seed)
    {
        var random = new Random(seed);
        var tau = new Complex[64][,];
        for (var l = 0; l < 64; l++)
        {
            // τ = g g† / 64 with g a random complex 2×2: PSD by construction.
            var g = new Complex[2, 2];
            for (var i = 0; i < 2; i++) for (var j = 0; j < 2; j++) g[i, j] = new Complex(random.NextDouble() - 0.5, random.NextDouble() - 0.5);
            tau[l] = new Complex[2, 2];
            for (var i = 0; i < 2; i++) for (var j = 0; j < 2; j++)
                tau[l][i, j] = (g[i, 0] * Complex.Conjugate(g[j, 0]) + g[i, 1] * Complex.Conjugate(g[j, 1])) / 64;
        }
        // Normalise: Σ_λ Tr τ_λ = Tr ρ_A = 1.
        var trace = tau.Sum(t => (t[0, 0] + t[1, 1]).Real);
        foreach (var t in tau) for (var i = 0; i < 2; i++) for (var j = 0; j < 2; j++) t[i, j] /= trace;
        // λ = (λ_B, λ_C), λ_B = 3 bits (outcome per setting), index l = 8 λ_B + λ_C.
        return new Assemblage(2, [3, 3], [2, 2], (a, x) =>
        {
            var sum = new Complex[2, 2];
            for (var l = 0; l < 64; l++)
            {
                if (((l >> 3) >> (2 - x[0]) & 1) != a[0] || ((l & 7) >> (2 - x[1]) & 1) != a[1]) continue;
                for (var i = 0; i < 2; i++) for (var j = 0; j < 2; j++) sum[i, j] += tau[l][i, j];
            }
            return sum;
        });
    }

    [Fact]
    public void AnExplicitLhsAssemblage_IsNeverCertifiedSteerable()
    {
        var (f, _) = GhzFunctional();
        foreach (var seed in new[] { 1, 2, 3 })
        {
            var lhs = Lhs(seed);
            // The genuine GHZ witness on LHS data: certified (it separates nothing wrongly) but never steerable.
            var withGhzWitness = SteeringWitnessCertifier.Certify(f, lhs, White(3), 1.0, null, CancellationToken.None);
            Assert.NotEqual(true, withGhzWitness.Steerable);
            // And the test's own functional for these data.
            var relaxation = Relaxations.CriticalVisibility(lhs, White(3));
            var solution = new InteriorPointSolver().Solve(relaxation.Problem, SdpSettings.Default);
            var own = SteeringWitnessCertifier.Certify(relaxation.SteeringFunctional(solution), lhs, White(3), relaxation.Read(solution).Bound, null,
                CancellationToken.None);
            Assert.NotEqual(true, own.Steerable);
            if (own.IsCertified) Assert.True(own.Visibility >= 1 - 1e-12, $"seed {seed}: v* ≤ {own.Visibility} < 1 for LHS data");
        }
    }

    [Fact]
    public void TheWitnessIsNonnegativeOnEveryDeterministicStrategy_AndAWrongSignIsRefused()
    {
        var (f, data) = GhzFunctional();
        var witness = new SteeringWitness(2, [3, 3], [2, 2], f);
        Assert.Equal(64, witness.StrategyCount);
        // Dual feasibility up to the solver's tolerance: λ_min(W_λ) ≥ −1e-7 (it may be proven slightly negative; the shift covers it).
        Assert.True(witness.ProvenMinEigenvalue() > -1e-7);
        var negated = f.Select(m => Scale(m, -1)).ToArray();
        Assert.True(new SteeringWitness(2, [3, 3], [2, 2], negated).ProvenMinEigenvalue() < -0.1);
        var wrong = SteeringWitnessCertifier.Certify(negated, data, White(3), 0.4286, null, CancellationToken.None);
        Assert.NotEqual(true, wrong.Steerable);
        Assert.False(wrong.IsCertified, wrong.Method);
    }

    [Theory]
    [InlineData(1e-6)]
    [InlineData(1e-3)]
    [InlineData(3e-2)]
    public void APerturbedFunctional_IsEitherRefusedOrCertifiesABoundOnTheSafeSide(double noise)
    {
        var (f, data) = GhzFunctional();
        var random = new Random(7);
        var perturbed = f.Select(m =>
        {
            var p = (Complex[,])m.Clone();
            for (var i = 0; i < 2; i++) for (var j = 0; j < 2; j++)
                p[i, j] += new Complex(noise * (2 * random.NextDouble() - 1), noise * (2 * random.NextDouble() - 1));
            return p;
        }).ToArray();
        var c = SteeringWitnessCertifier.Certify(perturbed, data, White(3), 3.0 / 7.0, null, CancellationToken.None);
        // Soundness: whatever F is, a certified bound is ≥ the true v* = 3/7 (up to the data's double rounding).
        if (c.IsCertified) Assert.True(c.Visibility >= 3.0 / 7.0 - 1e-12, $"noise {noise}: v* ≤ {c.Visibility}");
        if (noise <= 1e-6) Assert.True(c.IsCertified && c.Visibility <= 3.0 / 7.0 + 1e-4, $"noise {noise}: {c.Reason}{c.Method}");
    }

    [Fact]
    public void HermitianSumLowerBound_IsProvenAndTight_OnAnExactMatrix()
    {
        // [[2, i], [−i, 2]] (eigenvalues 1 and 3) as a sum of two terms: 2 = 1.5 + 0.5, i = 0.25i + 0.75i.
        var re = new[] { new[] { 1.5, 0.0, 0, 1.5 }, new[] { 0.5, 0.0, 0, 0.5 } };
        var im = new[] { new[] { 0.0, 0.25, 0, 0 }, new[] { 0.0, 0.75, 0, 0 } };
        var bound = HermitianSumLowerBound.Of(2, re, im);
        Assert.InRange(bound, 1 - 1e-8, 1); // PsdLowerBound aims 1e-9 (relative) below λ_min
        // Off-diagonal 3i: eigenvalues 2 ± 3, so λ_min = −1 < 0 is proven below 0.
        var negative = HermitianSumLowerBound.Of(2, [new[] { 2.0, 0, 0, 2.0 }], [new[] { 0.0, 3.0, 0, 0 }]);
        Assert.InRange(negative, -1 - 1e-8, -1);
        // A sum that is not a double: 0.1 + 0.2 (exact dyadics) on the diagonal, 0 elsewhere: λ_min = fl(0.1) + fl(0.2) exactly.
        var exact = (Rational.FromDouble(0.1) + Rational.FromDouble(0.2));
        var inexact = HermitianSumLowerBound.Of(2, [new[] { 0.1, 0, 0, 0.1 }, new[] { 0.2, 0, 0, 0.2 }], [new double[4], new double[4]]);
        Assert.True(Rational.FromDouble(inexact) <= exact);
        Assert.True(inexact > 0.3 - 1e-8);
    }

    [Fact]
    public void CertifiedCriticalParameter_RoundsOutward()
    {
        // w(p) = p: p_c = v_c · p exactly, rounded up; here v_c = 1/2 at p = 0.6 gives 0.3 (not a double: rounded up).
        var family = new SteeringRng.Scenario.NoiseFamily.WhiteNoiseFamily("mu", 1.0, 0.0, Microsoft.FSharp.Core.FSharpValueOption<double>.ValueNone);
        var critical = CriticalParameter.Certified(family, ParameterSet.Of(("mu", 0.6)), Rational.FromDouble(0.5))!;
        Assert.True(critical.TryGetValue("mu", out var p));
        Assert.True(Rational.FromDouble(p) >= Rational.FromDouble(0.5) * Rational.FromDouble(0.6));
        Assert.True(p <= 0.3 + 1e-15);
        // A critical weight above 1 (v_c · w > 1) proves no member of the family steerable: none.
        Assert.Null(CriticalParameter.Certified(family, ParameterSet.Of(("mu", 0.6)), Rational.FromDouble(2.0)));
    }

    private static Complex[,] Scale(Complex[,] m, double s)
    {
        var r = (Complex[,])m.Clone();
        for (var i = 0; i < r.GetLength(0); i++) for (var j = 0; j < r.GetLength(1); j++) r[i, j] *= s;
        return r;
    }
}
