using MathNet.Numerics.LinearAlgebra;
using Complex = System.Numerics.Complex;
using static SteeringRng.Quantum.Tests.TestMatrices;

namespace SteeringRng.Quantum.Tests;

public class MeasurementsTests
{
    public static TheoryData<int> PrimeDimensions => [2, 3, 5, 7];

    [Theory]
    [MemberData(nameof(PrimeDimensions))]
    public void MutuallyUnbiasedBases_AreUnbiased(int d)
    {
        // |⟨e_i|f_j⟩|² = 1/d for elements of different bases: Tr(P_i Q_j) = |⟨e_i|f_j⟩|² for rank-1 projectors.
        for (int k = 0; k <= d; k++)
            for (int l = k + 1; l <= d; l++)
            {
                var p = Measurements.MutuallyUnbiased(d, k);
                var q = Measurements.MutuallyUnbiased(d, l);
                for (int i = 0; i < d; i++)
                    for (int j = 0; j < d; j++)
                        Assert.Equal(1.0 / d, (p.Element(i) * q.Element(j)).Trace().Real, 12);
            }
    }

    [Theory]
    [MemberData(nameof(PrimeDimensions))]
    public void MutuallyUnbiasedBases_AreOrthonormalProjectorsSummingToIdentity(int d)
    {
        for (int k = 0; k <= d; k++)
        {
            var m = Measurements.MutuallyUnbiased(d, k);
            Assert.Equal(d, m.OutcomeCount);
            var sum = Matrix<Complex>.Build.Dense(d, d);
            for (int i = 0; i < d; i++)
            {
                AssertClose(m.Element(i), m.Element(i) * m.Element(i));
                for (int j = i + 1; j < d; j++) Assert.True((m.Element(i) * m.Element(j)).FrobeniusNorm() < 1e-12);
                sum += m.Element(i);
            }
            AssertClose(Matrix<Complex>.Build.DenseIdentity(d), sum);
        }
    }

    [Fact]
    public void FourierBasis_ExistsForNonPrimeDimension_OtherBasesDoNot()
    {
        var f = Measurements.MutuallyUnbiased(4, 1);
        Assert.Equal(0.25, (f.Element(1) * Measurements.Computational(4).Element(3)).Trace().Real, 12);
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Measurements.MutuallyUnbiased(4, 2));
        Assert.Contains("not prime", ex.Message);
    }

    [Fact]
    public void Paulis_AreEigenprojectorsWithOutcomeZeroForPlusOne()
    {
        var x = M(new Complex[,] { { 0, 1 }, { 1, 0 } });
        var y = M(new Complex[,] { { 0, -Complex.ImaginaryOne }, { Complex.ImaginaryOne, 0 } });
        var z = M(new Complex[,] { { 1, 0 }, { 0, -1 } });
        foreach (var (povm, pauli) in new[] { (Measurements.PauliX, x), (Measurements.PauliY, y), (Measurements.PauliZ, z) })
            AssertClose(pauli, povm.Element(0) - povm.Element(1));
    }

    [Fact]
    public void FromAngles_MatchesBlochVector()
    {
        AssertClose(Measurements.PauliX.Element(0), Measurements.FromAngles(Math.PI / 2, 0).Element(0));
        AssertClose(Measurements.PauliY.Element(1), Measurements.FromAngles(Math.PI / 2, Math.PI / 2).Element(1));
    }

    [Fact]
    public void FromBlochVector_NonUnit_GivesTheNorm()
    {
        var ex = Assert.Throws<QuantumValidationException>(() => Measurements.FromBlochVector(0.6, 0, 0));
        Assert.Contains("|n| = 0.6", ex.Message);
    }

    [Fact]
    public void Povm_NotSummingToIdentity_GivesSizeAndPlace()
    {
        var e0 = M(new Complex[,] { { 1, 0 }, { 0, 0 } });
        var e1 = M(new Complex[,] { { 0, 0 }, { 0, 0.7 } });
        var ex = Assert.Throws<QuantumValidationException>(() => Povm.Create([e0, e1], "detector"));
        Assert.Contains("detector", ex.Message);
        Assert.Contains("(1,1)", ex.Message);
        Assert.Equal(0.3, ex.Violation, 12);
    }

    [Fact]
    public void Povm_NegativeElement_NamesTheElement()
    {
        var e0 = M(new Complex[,] { { 1.2, 0 }, { 0, 1 } });
        var e1 = M(new Complex[,] { { -0.2, 0 }, { 0, 0 } });
        var ex = Assert.Throws<QuantumValidationException>(() => Povm.Create([e0, e1]));
        Assert.Contains("element 1", ex.Message);
        Assert.Contains("-0.2", ex.Message);
    }

    [Fact]
    public void Povm_Trine_IsAcceptedAndComplete()
    {
        // The qubit trine: (2/3)|ψ_k⟩⟨ψ_k| with Bloch vectors 120° apart in the x–z plane.
        var elements = Enumerable.Range(0, 3).Select(k =>
        {
            var m = Measurements.FromAngles(2 * Math.PI * k / 3, 0);
            return m.Element(0) * (2.0 / 3);
        }).ToArray();
        var trine = Povm.Create(elements, "trine");
        var sum = trine.Element(0) + trine.Element(1) + trine.Element(2);
        AssertClose(Matrix<Complex>.Build.DenseIdentity(2), sum, 1e-12);
    }
}
