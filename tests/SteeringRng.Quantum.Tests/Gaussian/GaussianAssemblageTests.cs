using MathNet.Numerics;
using SteeringRng.Quantum.Gaussian;
using Complex = System.Numerics.Complex;

namespace SteeringRng.Quantum.Tests.Gaussian;

public class GaussianAssemblageTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private readonly Xunit.Abstractions.ITestOutputHelper _output = output;

    private static double MaxDiff(Complex[,] a, Complex[,] b)
    {
        double w = 0;
        for (int i = 0; i < a.GetLength(0); i++)
            for (int j = 0; j < a.GetLength(1); j++) w = Math.Max(w, (a[i, j] - b[i, j]).Magnitude);
        return w;
    }

    private static IReadOnlyList<HomodyneSetting> XP(double tx, int bins = 4) =>
        [HomodyneSetting.X(bins, tx), HomodyneSetting.P(bins, HomodyneSetting.UnbiasedPeriod(bins, tx))];

    [Theory]
    [InlineData(0.3, 3.1, 5.3, 1)]
    [InlineData(0.8, 2.0, 9.7, 2)]
    [InlineData(0.0, 4.4, 2.6, 1)]
    public void Fig4_MatchesFockBruteForce(double eta2, double tb, double tc, int cutoff)
    {
        // Independent model: 3-mode state vector, total photons ≤ 30 (dropped squeezing tail ~ tanh(r)^32 ≈ 5e-16).
        const int N = 30;
        var fock = Fig4Network.Fock(eta2, N);
        var settingsB = XP(tb);
        var settingsC = XP(tc);
        var g = GaussianAssemblage.Build(Fig4Network.Gaussian(eta2), 0, [1, 2], [settingsB, settingsC], cutoff);
        Assert.True(g.ErrorBound < 1e-14, $"bound {g.ErrorBound}");
        double worst = 0;
        for (int y = 0; y < 2; y++)
            for (int z = 0; z < 2; z++)
                for (int b = 0; b < 4; b++)
                {
                    var pb = FockBruteForce.HomodyneElement(N, settingsB[y].Angle, 4, settingsB[y].Period, b);
                    for (int c = 0; c < 4; c++)
                    {
                        var pc = FockBruteForce.HomodyneElement(N, settingsC[z].Angle, 4, settingsC[z].Period, c);
                        worst = Math.Max(worst, MaxDiff(fock.Conditional(pb, pc, cutoff), g.Projected[[b, c], [y, z]]));
                    }
                }
        Assert.True(worst < 1e-8, $"largest difference to the Fock brute force {worst:G3}");
        _output.WriteLine($"η2 = {eta2}, T = ({tb}, {tc}), K = {cutoff}: largest |Δ| = {worst:G3}, proven truncation bound {g.ErrorBound:G3}, terms {string.Join("/", g.Terms.Select(t => string.Join("x", t)))}");
    }

    [Fact]
    public void TwoModeSqueezedVacuum_OneHomodyne_MatchesClosedForm()
    {
        // |ψ⟩ = √(1−λ²) Σ λ^k |k,k⟩, λ = tanh r: ⟨m|σ_b|n⟩ = (1−λ²) λ^{m+n} ⟨n|Π_b|m⟩, with ⟨n|Π_b|m⟩ = e^{iθ(n−m)} ∫_bin ψ_n ψ_m
        // and for n, m ≤ 1 the antiderivatives ½erf(x) (ψ0²), −e^{−x²}/√(2π) (ψ0ψ1), ½erf(x) − x e^{−x²}/√π (ψ1²).
        double r = 0.6, c = Math.Cosh(2 * r), s = Math.Sinh(2 * r), lambda = Math.Tanh(r);
        var state = GaussianState.FromCovariance(new double[,]
        {
            { c / 2, 0, s / 2, 0 }, { 0, c / 2, 0, -s / 2 }, { s / 2, 0, c / 2, 0 }, { 0, -s / 2, 0, c / 2 },
        });
        foreach (var setting in new[] { HomodyneSetting.X(3, 2.7), HomodyneSetting.P(3, 4.1), new HomodyneSetting(0.7, 5, 6.0) })
        {
            var g = GaussianAssemblage.Build(state, 0, [1], [[setting]], 1);
            for (int b = 0; b < setting.Bins; b++)
            {
                double i00 = 0, i01 = 0, i11 = 0;
                for (int cell = -20; cell <= 20; cell++)
                {
                    double lo = cell * setting.Period + b * setting.Period / setting.Bins, hi = lo + setting.Period / setting.Bins;
                    i00 += 0.5 * (SpecialFunctions.Erf(hi) - SpecialFunctions.Erf(lo));
                    i01 += -(Math.Exp(-hi * hi) - Math.Exp(-lo * lo)) / Math.Sqrt(2 * Math.PI);
                    i11 += 0.5 * (SpecialFunctions.Erf(hi) - SpecialFunctions.Erf(lo)) - (hi * Math.Exp(-hi * hi) - lo * Math.Exp(-lo * lo)) / Math.Sqrt(Math.PI);
                }
                double[,] integral = { { i00, i01 }, { i01, i11 } };
                var expected = new Complex[2, 2];
                for (int m = 0; m < 2; m++)
                    for (int n = 0; n < 2; n++)
                        expected[m, n] = (1 - lambda * lambda) * Math.Pow(lambda, m + n) * Complex.FromPolarCoordinates(1, setting.Angle * (n - m)) * integral[n, m];
                Assert.True(MaxDiff(expected, g.Projected[[b], [0]]) < 1e-13, $"θ = {setting.Angle}, bin {b}: {MaxDiff(expected, g.Projected[[b], [0]]):G3}");
            }
        }
    }

    [Fact]
    public void Vacuum_GivesBinProbabilitiesTimesVacuumProjector()
    {
        var setting = HomodyneSetting.X(4, 3.3);
        var g = GaussianAssemblage.Build(GaussianState.Vacuum(2), 0, [1], [[setting]], 2);
        for (int b = 0; b < 4; b++)
        {
            double p = 0;
            for (int cell = -20; cell <= 20; cell++)
            {
                double lo = cell * 3.3 + b * 3.3 / 4, hi = lo + 3.3 / 4;
                p += 0.5 * (SpecialFunctions.Erf(hi) - SpecialFunctions.Erf(lo)); // vacuum x density e^{−x²}/√π
            }
            var expected = new Complex[3, 3];
            expected[0, 0] = p;
            Assert.True(MaxDiff(expected, g.Projected[[b], [0]]) < 1e-14);
        }
        Assert.Equal(1, g.SuccessProbability, 14);
    }

    [Fact]
    public void ReducedState_OfThermalAndSqueezedModes_MatchesKnownFockElements()
    {
        // Thermal: ⟨k|ρ|k⟩ = n̄^k/(n̄+1)^{k+1}, off-diagonal 0.
        double nbar = 0.7;
        var thermal = SingleModeFock.Elements(new double[,] { { nbar + 0.5, 0 }, { 0, nbar + 0.5 } }, 0, 0, 5);
        for (int k = 0; k <= 5; k++)
            for (int l = 0; l <= 5; l++)
                Assert.True((thermal[k, l] - (k == l ? Math.Pow(nbar, k) / Math.Pow(nbar + 1, k + 1) : 0)).Magnitude < 1e-15);
        // x-squeezed vacuum: amplitudes c_{2k} = (−tanh r)^k √((2k)!)/(2^k k!)/√cosh r.
        double r = 0.5;
        var sq = GaussianState.Vacuum(1).Apply(SymplecticMap.Squeezer(1, 0, r));
        var rho = SingleModeFock.Elements(sq.Covariance, 0, 0, 6);
        var amp = new double[7];
        for (int k = 0; 2 * k <= 6; k++)
            amp[2 * k] = Math.Pow(-Math.Tanh(r), k) * Math.Sqrt(SpecialFunctions.Factorial(2 * k)) / (Math.Pow(2, k) * SpecialFunctions.Factorial(k)) / Math.Sqrt(Math.Cosh(r));
        for (int m = 0; m <= 6; m++)
            for (int n = 0; n <= 6; n++) Assert.True((rho[m, n] - amp[m] * amp[n]).Magnitude < 1e-15, $"({m},{n})");
        // Coherent state with mean (x̄, p̄): ⟨m|γ⟩ = e^{−|γ|²/2} γ^m/√m!, γ = (x̄ + i p̄)/√2.
        var gamma = new Complex(0.3, -0.8) / Math.Sqrt(2);
        var coh = SingleModeFock.Elements(new double[,] { { 0.5, 0 }, { 0, 0.5 } }, 0.3, -0.8, 4);
        for (int m = 0; m <= 4; m++)
            for (int n = 0; n <= 4; n++)
            {
                var e = Math.Exp(-gamma.Magnitude * gamma.Magnitude) * Complex.Pow(gamma, m) * Complex.Pow(Complex.Conjugate(gamma), n)
                        / Math.Sqrt(SpecialFunctions.Factorial(m) * SpecialFunctions.Factorial(n));
                Assert.True((coh[m, n] - e).Magnitude < 1e-15);
            }
    }

    [Fact]
    public void Fig4_IsNoSignallingPositiveAndRenormalisable()
    {
        var g = GaussianAssemblage.Build(Fig4Network.Gaussian(0.37), 0, [1, 2], [XP(2.9), XP(7.3)], 1);
        var s = g.Projected;
        for (int z = 0; z < 2; z++)
            for (int c = 0; c < 4; c++)
            {
                var m0 = Marginal(s, 0, c, z, bob: false);
                var m1 = Marginal(s, 1, c, z, bob: false);
                Assert.True(MaxDiff(m0, m1) < 1e-12);
            }
        for (int y = 0; y < 2; y++)
            for (int b = 0; b < 4; b++)
                Assert.True(MaxDiff(Marginal(s, 0, b, y, bob: true), Marginal(s, 1, b, y, bob: true)) < 1e-12);
        foreach (var x in s.SettingTuples())
            foreach (var a in s.OutcomeTuples())
            {
                var m = MathNet.Numerics.LinearAlgebra.Matrix<Complex>.Build.DenseOfArray(s[a, x]);
                var min = m.Evd().EigenValues.Min(e => e.Real);
                Assert.True(min > 1e-12, $"σ_{{{a[0]}{a[1]}|{x[0]}{x[1]}}} smallest eigenvalue {min}");
            }
        // p_K is close to but below 1 (the paper's cut-off keeps ≈ 99 %), and the renormalised data have trace 1.
        Assert.InRange(g.SuccessProbability, 0.97, 0.999);
        var total = Complex.Zero;
        foreach (var a in g.Renormalised.OutcomeTuples()) { var blk = g.Renormalised[a, [1, 0]]; total += blk[0, 0] + blk[1, 1]; }
        Assert.True((total - 1).Magnitude < 1e-13);
    }

    /// <summary>Σ over the other party's outcomes at that party's setting <paramref name="other"/>.</summary>
    private static Complex[,] Marginal(Assemblage s, int other, int outcome, int setting, bool bob)
    {
        var sum = new Complex[2, 2];
        for (int o = 0; o < 4; o++)
        {
            var blk = bob ? s[[outcome, o], [setting, other]] : s[[o, outcome], [other, setting]];
            for (int i = 0; i < 2; i++) for (int j = 0; j < 2; j++) sum[i, j] += blk[i, j];
        }
        return sum;
    }

    [Fact]
    public void ErrorBound_HoldsAgainstAConvergedSum()
    {
        // A loose tolerance keeps few terms; its proven bound must cover the difference to the converged sum.
        var state = Fig4Network.Gaussian(0.5);
        var loose = GaussianAssemblage.Build(state, 0, [1, 2], [XP(9.5), XP(9.8)], 2, tolerance: 1e-3);
        var tight = GaussianAssemblage.Build(state, 0, [1, 2], [XP(9.5), XP(9.8)], 2);
        double worst = 0;
        foreach (var x in tight.Projected.SettingTuples())
            foreach (var a in tight.Projected.OutcomeTuples()) worst = Math.Max(worst, MaxDiff(loose.Projected[a, x], tight.Projected[a, x]));
        Assert.True(worst <= loose.ErrorBound + tight.ErrorBound, $"difference {worst:G3} > bound {loose.ErrorBound:G3}");
        Assert.True(loose.Terms[0][0] < tight.Terms[0][0]);
    }

    [Fact]
    public void BadInput_IsRefusedWithTheReason()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SymplecticMap.Squeezer(2, 0, -0.1));
        Assert.Throws<ArgumentOutOfRangeException>(() => SymplecticMap.BeamSplitter(2, 0, 1, 1.2));
        Assert.Throws<ArgumentOutOfRangeException>(() => GaussianState.Vacuum(2).Loss(0, -0.1));
        Assert.Throws<ArgumentOutOfRangeException>(() => HomodyneSetting.X(0, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => HomodyneSetting.X(4, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => GaussianAssemblage.Build(GaussianState.Vacuum(2), 0, [1], [[HomodyneSetting.X(2, 3)]], 64));
        Assert.Throws<QuantumValidationException>(() => GaussianState.FromCovariance(new double[,] { { 0.1, 0 }, { 0, 0.1 } }));
    }

    [Fact]
    public void Loss_OnOneArm_EqualsABeamSplitterWithVacuum()
    {
        var two = GaussianState.Vacuum(2).Apply(SymplecticMap.Squeezer(2, 0, 0.4)).Apply(SymplecticMap.Squeezer(2, 1, 0.4, Math.PI / 2))
            .Apply(SymplecticMap.BeamSplitter(2, 0, 1, 0.5));
        var lossy = two.Loss(1, 0.7);
        var three = GaussianState.Vacuum(3).Apply(SymplecticMap.Squeezer(3, 0, 0.4)).Apply(SymplecticMap.Squeezer(3, 1, 0.4, Math.PI / 2))
            .Apply(SymplecticMap.BeamSplitter(3, 0, 1, 0.5)).Apply(SymplecticMap.BeamSplitter(3, 1, 2, 0.7));
        for (int i = 0; i < 4; i++)
            for (int j = 0; j < 4; j++) Assert.Equal(three[i, j], lossy[i, j], 14);
        // Purity 1/(4√det V) on two modes: 1 before the loss, below 1 after it; both physical.
        static double Det(GaussianState g) => MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseOfArray(g.Covariance).Determinant();
        Assert.Equal(1.0 / 16, Det(two), 12);
        Assert.True(Det(lossy) > 1.0 / 16 + 1e-3);
        Assert.True(lossy.SmallestUncertaintyEigenvalue() > -1e-12);
    }
}
