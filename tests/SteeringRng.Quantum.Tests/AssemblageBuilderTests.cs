using Complex = System.Numerics.Complex;
using static SteeringRng.Quantum.Tests.TestMatrices;

namespace SteeringRng.Quantum.Tests;

public class AssemblageBuilderTests
{
    private static readonly Povm[] Xyz = [Measurements.PauliX, Measurements.PauliY, Measurements.PauliZ];
    private static readonly Complex I = Complex.ImaginaryOne;

    private static Assemblage GhzXyz(double mu) =>
        AssemblageBuilder.Build(States.NoisyGhz(3, 2, mu), [0], [Xyz, Xyz]);

    [Fact]
    public void Ghz_ZZ_Blocks_MatchHandComputation()
    {
        // (|000⟩+|111⟩)/√2 with Bob, Charlie measuring Z: σ_{00|ZZ} = ½|0⟩⟨0|, σ_{11|ZZ} = ½|1⟩⟨1|, others 0.
        var s = GhzXyz(1);
        AssertClose(M(new Complex[,] { { 0.5, 0 }, { 0, 0 } }), M(s[[0, 0], [2, 2]]));
        AssertClose(M(new Complex[,] { { 0, 0 }, { 0, 0.5 } }), M(s[[1, 1], [2, 2]]));
        AssertClose(M(new Complex[,] { { 0, 0 }, { 0, 0 } }), M(s[[0, 1], [2, 2]]));
    }

    [Fact]
    public void Ghz_XX_And_XY_Blocks_MatchHandComputation()
    {
        // ⟨±|1⟩ = ±1/√2, ⟨±i|1⟩ = ∓i/√2: σ_{bc|yz} = (1/8)(|0⟩ + s|1⟩)(⟨0| + s*⟨1|) with s = product of the phases.
        var s = GhzXyz(1);
        AssertClose(M(new Complex[,] { { 0.125, 0.125 }, { 0.125, 0.125 } }), M(s[[0, 0], [0, 0]]));
        AssertClose(M(new Complex[,] { { 0.125, -0.125 }, { -0.125, 0.125 } }), M(s[[0, 1], [0, 0]]));
        AssertClose(M(new Complex[,] { { 0.125, 0.125 * I }, { -0.125 * I, 0.125 } }), M(s[[0, 0], [0, 1]]));
    }

    [Fact]
    public void WLike_ZZ_Blocks_MatchHandComputation()
    {
        // α|001⟩ + β|010⟩ + γ|100⟩ (A B C), Bob and Charlie measure Z: (b,c) = (0,0) leaves γ|1⟩_A,
        // (0,1) leaves α|0⟩_A, (1,0) leaves β|0⟩_A, (1,1) nothing. Amplitudes normalised first.
        double alpha = 0.575, beta = 0.582, gamma = 0.576, n2 = alpha * alpha + beta * beta + gamma * gamma;
        var w = States.WLike(alpha, beta, gamma).State;
        var s = AssemblageBuilder.Build(w, [0], [[Measurements.PauliZ], [Measurements.PauliZ]]);
        AssertClose(M(new Complex[,] { { 0, 0 }, { 0, gamma * gamma / n2 } }), M(s[[0, 0], [0, 0]]));
        AssertClose(M(new Complex[,] { { alpha * alpha / n2, 0 }, { 0, 0 } }), M(s[[0, 1], [0, 0]]));
        AssertClose(M(new Complex[,] { { beta * beta / n2, 0 }, { 0, 0 } }), M(s[[1, 0], [0, 0]]));
        AssertClose(M(new Complex[,] { { 0, 0 }, { 0, 0 } }), M(s[[1, 1], [0, 0]]));
    }

    [Fact]
    public void NoisyGhz_Blocks_AreAffineInVisibility()
    {
        // σ(μ) = μσ(1) + (1−μ)σ(0), with σ(0)_{bc|yz} = I/8.
        var combined = AssemblageOperations.Combine(0.3, GhzXyz(1), 0.7, GhzXyz(0));
        var direct = GhzXyz(0.3);
        foreach (var x in direct.SettingTuples())
            foreach (var a in direct.OutcomeTuples())
                AssertClose(M(direct[a, x]), M(combined[a, x]), 1e-12);
        AssertClose(M(new Complex[,] { { 0.125, 0 }, { 0, 0.125 } }), M(GhzXyz(0)[[1, 0], [1, 2]]));
    }

    [Fact]
    public void QuantumAssemblages_AreValidNoSignalling()
    {
        var rho = DensityMatrix.Create(RandomDensity(12, 7), [2, 3, 2]);
        Povm[] bob = [Measurements.MutuallyUnbiased(3, 0), Measurements.MutuallyUnbiased(3, 1), Measurements.MutuallyUnbiased(3, 2)];
        Povm[] alice = [Measurements.PauliX, Measurements.FromAngles(0.3, 1.1)];
        // Trusted party in the middle (Charlie's position 2 is trusted as well: a two-node trusted system).
        var sigma = AssemblageBuilder.Build(rho, [2], [alice, bob]);
        var report = AssemblageChecks.Check(sigma, 1e-12);
        Assert.True(report.IsValid, string.Join("\n", report.Violations));
        Assert.Equal(2, sigma.TrustedDimension);
        Assert.Equal([2, 3], sigma.Settings);
        Assert.Equal([2, 3], sigma.Outcomes);
    }

    [Fact]
    public void SeveralTrustedNodes_GiveTheirTensorProduct()
    {
        // GHZ on 3 qubits, parties 0 and 2 trusted, Bob measures Z: σ_{0|Z} = ½|00⟩⟨00|, σ_{1|Z} = ½|11⟩⟨11|.
        var sigma = AssemblageBuilder.Build(States.NoisyGhz(3, 2, 1), [0, 2], [[Measurements.PauliZ]]);
        Assert.Equal(4, sigma.TrustedDimension);
        Assert.Equal(0.5, sigma[[0], [0]][0, 0].Real, 12);
        Assert.Equal(0.5, sigma[[1], [0]][3, 3].Real, 12);
        Assert.Equal(0.0, sigma[[1], [0]][0, 0].Magnitude, 12);
    }

    [Fact]
    public void TrustedMarginal_IsThePartialTrace()
    {
        var rho = DensityMatrix.Create(RandomDensity(8, 11), [2, 2, 2]);
        var sigma = AssemblageBuilder.Build(rho, [1], [Xyz, Xyz]);
        var marginal = new Complex[2, 2];
        foreach (var a in sigma.OutcomeTuples())
        {
            var block = sigma[a, [1, 2]];
            for (int i = 0; i < 2; i++) for (int j = 0; j < 2; j++) marginal[i, j] += block[i, j];
        }
        AssertClose(rho.TraceOut(0, 2).Matrix, M(marginal), 1e-12);
    }

    [Fact]
    public void Build_MismatchedOutcomes_NamesPartyAndSetting()
    {
        var ex = Assert.Throws<QuantumValidationException>(() =>
            AssemblageBuilder.Build(States.NoisyGhz(2, 3, 1), [0], [[Measurements.Computational(3), Measurements.PauliX]]));
        Assert.Contains("setting 1", ex.Message);
        Assert.Contains("expected 3, got 2", ex.Message);
    }

    [Fact]
    public void Build_WrongPartyCount_SaysHowManyAreExpected()
    {
        var ex = Assert.Throws<QuantumValidationException>(() => AssemblageBuilder.Build(States.NoisyGhz(3, 2, 1), [0], [Xyz]));
        Assert.Contains("2 untrusted parties", ex.Message);
    }

    [Fact]
    public void GroupUntrusted_KeepsBlocksUnderTupleIndex()
    {
        var s = GhzXyz(0.8);
        var g = AssemblageOperations.GroupUntrusted(s);
        Assert.Equal([9], g.Settings);
        Assert.Equal([4], g.Outcomes);
        AssertClose(M(s[[1, 0], [0, 2]]), M(g[[2], [2]]));
    }
}
