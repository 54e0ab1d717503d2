using System.Numerics;
using SteeringRng.Quantum.Data;

namespace SteeringRng.Quantum.Tests.Data;

/// <summary>
/// The repair is the Frobenius projection onto the valid assemblages: checked against an analytic case, against the
/// projection's defining inequality ⟨σ − P(σ), τ − P(σ)⟩ ≤ 0 for valid τ, and for the validity of what it returns.
/// </summary>
public class NearestAssemblageTests
{
    [Fact]
    public void Valid_data_are_their_own_repair()
    {
        var sigma = DataSamples.NoisyGhz(0.8);
        Assert.Empty(AssemblageValidity.Violations(sigma, DataSamples.Names));
        var r = NearestAssemblage.Repair(sigma);
        Assert.True(r.Converged);
        Assert.True(r.Distance < 1e-12, $"distance {r.Distance}");
    }

    [Fact]
    public void A_signalling_perturbation_orthogonal_to_the_valid_set_is_removed_exactly()
    {
        // σ = GHZ at μ = 0.6 (blocks positive definite), Δ = ε r ⊗ I with r one no-signalling constraint row: Bob's
        // marginal at setting 1 minus setting 0, Charlie at setting 0 with outcome 0. Δ is orthogonal to every direction
        // of the affine set L, so P_L(σ + Δ) = σ, which is PSD: the nearest valid assemblage is σ, at distance
        // ‖Δ‖_F = ε ‖r‖ ‖I‖_F = ε · 2 · √2.
        var sigma = DataSamples.NoisyGhz(0.6);
        const double eps = 1e-3;
        var perturbed = new Assemblage(2, [3, 3], [2, 2], (a, x) =>
        {
            var block = sigma[a, x];
            var sign = a[1] == 0 && x[1] == 0 ? x[0] switch { 1 => 1, 0 => -1, _ => 0 } : 0;
            for (var i = 0; i < 2; i++) block[i, i] += sign * eps;
            return block;
        });
        var worst = AssemblageValidity.Violations(perturbed, DataSamples.Names);
        Assert.Contains(worst, v => v.Property == "no-signalling of Bob" && v.Where.StartsWith("Bob's settings 0 and 1", StringComparison.Ordinal));
        var r = NearestAssemblage.Repair(perturbed);
        Assert.True(Math.Abs(r.Distance - eps * 2 * Math.Sqrt(2)) < 1e-10, $"distance {r.Distance:R}, expected {eps * 2 * Math.Sqrt(2):R}");
        Assert.True(DataSamples.Distance(r.Repaired, sigma) < 1e-10);
    }

    [Theory]
    [InlineData(1.0, 1e-3, 1)]
    [InlineData(0.9, 2e-3, 2)]
    [InlineData(0.7, 1e-2, 3)]
    public void Noisy_data_are_projected_onto_the_valid_set(double mu, double sd, int seed)
    {
        var exact = DataSamples.NoisyGhz(mu);
        var noisy = DataSamples.WithNoise(exact, sd, seed);
        Assert.NotEmpty(AssemblageValidity.Violations(noisy, DataSamples.Names));
        var r = NearestAssemblage.Repair(noisy);
        Assert.True(r.Converged, $"{r.Iterations} iterations");
        Assert.Empty(AssemblageValidity.Violations(r.Repaired, DataSamples.Names, 1e-10));
        Assert.True(Math.Abs(r.Distance - DataSamples.Distance(r.Repaired, noisy)) < 1e-14);
        // Valid assemblages τ: the exact data, GHZ at other visibilities, the uniform one. P(σ) is the nearest, and
        // ⟨σ − P(σ), τ − P(σ)⟩ ≤ 0 (the projection theorem), up to the iteration's accuracy.
        var others = new[] { exact, DataSamples.NoisyGhz(0), DataSamples.NoisyGhz(0.5), DataSamples.NoisyGhz(1) };
        foreach (var tau in others)
        {
            Assert.True(r.Distance <= DataSamples.Distance(tau, noisy) + 1e-12);
            Assert.True(DataSamples.Inner(noisy, r.Repaired, tau) <= 1e-9, $"variational inequality: {DataSamples.Inner(noisy, r.Repaired, tau)}");
        }
    }

    [Fact]
    public void Too_many_blocks_are_refused_before_any_work()
    {
        var big = new Assemblage(1, [8, 8, 8], [2, 2, 2], (_, _) => new Complex[1, 1]);
        Assert.Contains("repair takes at most", Assert.Throws<ArgumentException>(() => NearestAssemblage.Repair(big)).Message);
    }
}
