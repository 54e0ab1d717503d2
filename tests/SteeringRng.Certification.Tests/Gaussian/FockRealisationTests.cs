using System.Numerics;
using SteeringRng.Certification.Gaussian.Language;
using SteeringRng.Certification.Gaussian.Realisation;
using SteeringRng.Quantum.Gaussian;

namespace SteeringRng.Certification.Tests.Gaussian;

/// <summary>
/// The Fock-truncated model of CV data (the seesaw's start, continuous-variables.md §9), against values that do not come
/// from the Gaussian generating function: a two-mode squeezed vacuum's textbook amplitudes, a thermal ⊗ squeezed product,
/// the binned effects as integrals of Hermite functions by quadrature, and the model's assemblage against the CV
/// assemblage of the Fourier method (GaussianAssemblage), a different computation of the same numbers.
/// </summary>
public class FockRealisationTests
{
    private const double R = 0.34538776394910684; // −3 dB

    [Fact]
    public void TwoModeSqueezedVacuum_HasTheTextbookFockElements()
    {
        // x-squeezed A, p-squeezed B on 50:50: the two-mode squeezed vacuum √(1−λ²) Σ λ^n (±1)^n |n, n⟩, λ = tanh r.
        var state = GaussianState.Vacuum(2).Apply(SymplecticMap.Squeezer(2, 0, R, 0)).Apply(SymplecticMap.Squeezer(2, 1, R, Math.PI / 2))
            .Apply(SymplecticMap.BeamSplitter(2, 0, 1, 0.5));
        var rho = MultimodeFock.Elements(state.Covariance, [4, 4]);
        double lambda = Math.Tanh(R);
        for (int row = 0; row < 25; row++)
            for (int col = 0; col < 25; col++)
            {
                int m = row / 5, n = row % 5, mp = col / 5, np = col % 5;
                double expected = m == n && mp == np ? (1 - lambda * lambda) * Math.Pow(lambda, m + mp) : 0;
                Assert.Equal(expected, rho[row, col].Magnitude, 14);
            }
    }

    [Fact]
    public void ThermalTimesSqueezedVacuum_IsTheProductOfTheSingleModeElements()
    {
        const double nbar = 0.7;
        var state = GaussianState.Vacuum(2).WithThermal(0, nbar).Apply(SymplecticMap.Squeezer(2, 1, R, 0));
        var rho = MultimodeFock.Elements(state.Covariance, [3, 4]);
        double t = Math.Tanh(R);
        // ⟨2k|sq⟩ = (−tanh r)^k √((2k)!)/(2^k k!)/√cosh r; odd amplitudes vanish. |phase| conventions aside, moduli match.
        double Amplitude(int n) => n % 2 == 1 ? 0
            : Math.Pow(t, n / 2) * Math.Sqrt(Factorial(n)) / (Math.Pow(2, n / 2) * Factorial(n / 2)) / Math.Sqrt(Math.Cosh(R));
        double Thermal(int n) => Math.Pow(nbar, n) / Math.Pow(nbar + 1, n + 1);
        for (int row = 0; row < 20; row++)
            for (int col = 0; col < 20; col++)
            {
                int a = row / 5, b = row % 5, ap = col / 5, bp = col % 5;
                double expected = a == ap ? Thermal(a) * Amplitude(b) * Amplitude(bp) : 0;
                Assert.Equal(expected, rho[row, col].Magnitude, 14);
            }
    }

    [Theory]
    [InlineData(0.0, 5.0)]       // x̂, period 5
    [InlineData(Math.PI / 2, 3.3)] // p̂
    [InlineData(0.4, 9.7)]
    public void BinnedEffects_AreTheHermiteFunctionIntegralsOverTheBins(double angle, double period)
    {
        const int d = 4;
        var setting = new HomodyneSetting(angle, 4, period);
        var effects = BinnedHomodyneEffects.Of(setting, d);
        var identity = new Complex[d, d];
        for (int b = 0; b < 4; b++)
            for (int m = 0; m < d; m++)
                for (int n = 0; n < d; n++)
                {
                    // q̂_θ = V x̂ V† with V = e^{iθn̂}, so its eigenstates are V|q⟩ and ⟨m|Π_b^θ|n⟩ = e^{iθ(m−n)} ∫_bin ψ_m ψ_n.
                    var expected = BinIntegral(setting, b, m, n) * Complex.FromPolarCoordinates(1, angle * (m - n));
                    Assert.True((effects[b][m, n] - expected).Magnitude < 1e-12, $"b {b} ⟨{m}|Π|{n}⟩ = {effects[b][m, n]}, quadrature {expected}");
                    identity[m, n] += effects[b][m, n];
                }
        for (int m = 0; m < d; m++)
            for (int n = 0; n < d; n++) Assert.Equal(m == n ? 1 : 0, identity[m, n].Real, 14);
    }

    [Theory]
    [InlineData(0.0, 4.4, 2.6, 1)]
    [InlineData(0.3, 3.1, 5.3, 1)]
    [InlineData(0.75, 2.0, 9.7, 2)]
    public void FockModel_InDimensionKPlusOne_ReproducesTheGaussianAssemblage(double eta2, double tBob, double tCharlie, int cutoff)
    {
        var s = Sample(eta2, cutoff);
        var point = s.Points()[0];
        var state = CvRun.StateAt(s, point);
        var data = CvRun.DataAt(s, state, point, [tBob, tCharlie]);
        var model = FockRealisation.AtDimension(state, s.Trusted.Mode, cutoff, s.Untrusted.Select(n => n.Mode).ToArray(),
            CvRun.SettingsAt(s, point, [tBob, tCharlie]), cutoff + 1);
        // Alice's photon number = Bob's + Charlie's in this network, so the truncation is exact: only rounding remains.
        Assert.InRange(FockRealisation.Deviation(model, data), 0, 1e-12);
        Assert.Equal(1, model.State.Trace().Real, 14);
    }

    [Fact]
    public void WithLossOnAlicesMode_TheTruncationIsNotExact_AndBuildSaysSo()
    {
        // Loss on Alice's arm breaks the photon-number correlation: Alice at ≤ 1 photon no longer bounds Bob + Charlie.
        var text = File.ReadAllText(CvParserTests.SamplePath)
            .Replace("param eta2 = 0 .. 1 step 0.01", "param eta2 = 0.5")
            .Replace("beamsplitter B, C eta eta2", "beamsplitter B, C eta eta2\nloss A eta 0.3");
        var (s, errors) = CvParser.Parse(text);
        Assert.Empty(errors);
        var point = s!.Points()[0];
        var state = CvRun.StateAt(s, point);
        var data = CvRun.DataAt(s, state, point, [5, 5]);
        var modes = s.Untrusted.Select(n => n.Mode).ToArray();
        var settings = CvRun.SettingsAt(s, point, [5, 5]);
        var (none, reason) = FockRealisation.Build(state, s.Trusted.Mode, 1, modes, settings, data, maxDimension: 2);
        Assert.Null(none);
        Assert.Contains("raise the seesaw dimension", reason);
        // The tail of the lost photons decays geometrically: a larger model reaches the tolerance.
        var (model, _) = FockRealisation.Build(state, s.Trusted.Mode, 1, modes, settings, data, maxDimension: 12);
        Assert.NotNull(model);
        Assert.InRange(FockRealisation.Deviation(model!, data), 0, FockRealisation.Tolerance);
    }

    private static CvScenario Sample(double eta2, int cutoff)
    {
        var text = File.ReadAllText(CvParserTests.SamplePath)
            .Replace("param eta2 = 0 .. 1 step 0.01", FormattableString.Invariant($"param eta2 = {eta2}"))
            .Replace("cutoff 1", $"cutoff {cutoff}");
        var (s, errors) = CvParser.Parse(text);
        Assert.Empty(errors);
        return s!;
    }

    /// <summary>∫ over bin b's intervals of ψ_m ψ_n (x̂ eigenfunctions), by 40-point Gauss–Legendre per interval piece, |x| ≤ 14.</summary>
    private static double BinIntegral(HomodyneSetting s, int bin, int m, int n)
    {
        double width = s.Period / s.Bins, sum = 0;
        for (int k = (int)Math.Floor(-14 / s.Period) - 1; k <= (int)Math.Ceiling(14 / s.Period); k++)
        {
            double lo = k * s.Period + bin * width, hi = lo + width;
            // pieces of at most 0.5 so the quadrature is exact to rounding for these smooth integrands
            int pieces = (int)Math.Ceiling(width / 0.5);
            for (int p = 0; p < pieces; p++)
            {
                double a = lo + p * width / pieces, c = lo + (p + 1) * width / pieces;
                var (nodes, weights) = GaussLegendre;
                for (int i = 0; i < nodes.Length; i++)
                {
                    double x = (a + c) / 2 + (c - a) / 2 * nodes[i];
                    sum += (c - a) / 2 * weights[i] * Psi(m, x) * Psi(n, x);
                }
            }
        }
        return sum;
    }

    /// <summary>ψ_n(x) = π^{−1/4} (2^n n!)^{−1/2} H_n(x) e^{−x²/2} by the normalised recurrence.</summary>
    private static double Psi(int n, double x)
    {
        double previous = 0, current = Math.Pow(Math.PI, -0.25) * Math.Exp(-x * x / 2);
        for (int k = 0; k < n; k++)
        {
            double next = Math.Sqrt(2.0 / (k + 1)) * x * current - Math.Sqrt((double)k / (k + 1)) * previous;
            (previous, current) = (current, next);
        }
        return current;
    }

    private static readonly (double[] Nodes, double[] Weights) GaussLegendre = BuildGaussLegendre(20);

    private static (double[], double[]) BuildGaussLegendre(int n)
    {
        var nodes = new double[n];
        var weights = new double[n];
        for (int i = 0; i < n; i++)
        {
            double x = Math.Cos(Math.PI * (i + 0.75) / (n + 0.5));
            for (int it = 0; it < 100; it++)
            {
                double p0 = 1, p1 = x;
                for (int k = 2; k <= n; k++) (p0, p1) = (p1, ((2 * k - 1) * x * p1 - (k - 1) * p0) / k);
                double dp = n * (x * p1 - p0) / (x * x - 1);
                double dx = p1 / dp;
                x -= dx;
                if (Math.Abs(dx) < 1e-16) break;
            }
            double q0 = 1, q1 = x;
            for (int k = 2; k <= n; k++) (q0, q1) = (q1, ((2 * k - 1) * x * q1 - (k - 1) * q0) / k);
            double d = n * (x * q1 - q0) / (x * x - 1);
            nodes[i] = x;
            weights[i] = 2 / ((1 - x * x) * d * d);
        }
        return (nodes, weights);
    }

    private static double Factorial(int n) => n <= 1 ? 1 : n * Factorial(n - 1);
}
