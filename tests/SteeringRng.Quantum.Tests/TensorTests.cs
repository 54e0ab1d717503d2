using MathNet.Numerics.LinearAlgebra;
using Complex = System.Numerics.Complex;
using static SteeringRng.Quantum.Tests.TestMatrices;

namespace SteeringRng.Quantum.Tests;

public class TensorTests
{
    [Fact]
    public void PartialTrace_OfProduct_KeepsTheOtherFactorScaledByTheTrace()
    {
        var a = Random(2, 2, 1);
        var b = Random(3, 3, 2);
        var c = Random(2, 2, 3);
        var abc = Tensor.Kron(a, b, c);
        // Tr_B(A ⊗ B ⊗ C) = Tr(B) · A ⊗ C,  Tr_AC(…) = Tr(A) Tr(C) · B.
        AssertClose(a.KroneckerProduct(c) * b.Trace(), Tensor.PartialTrace(abc, [2, 3, 2], [1]));
        AssertClose(b * (a.Trace() * c.Trace()), Tensor.PartialTrace(abc, [2, 3, 2], [0, 2]));
        AssertClose(a.KroneckerProduct(b) * c.Trace(), Tensor.PartialTrace(abc, [2, 3, 2], [2]));
    }

    [Fact]
    public void PartialTrace_OfBellState_IsMaximallyMixed()
    {
        var bell = States.FromKet([1, 0, 0, 1], [2, 2]).State;
        var expected = M(new Complex[,] { { 0.5, 0 }, { 0, 0.5 } });
        AssertClose(expected, bell.TraceOut(0).Matrix);
        AssertClose(expected, bell.TraceOut(1).Matrix);
    }

    [Fact]
    public void PartialTrace_HandValue_OnEntangledQubitQutrit()
    {
        // |ψ⟩ = (|0,2⟩ + i|1,0⟩)/√2 on C²⊗C³: Tr_A = (|2⟩⟨2| + |0⟩⟨0|)/2, Tr_B = I/2 (orthogonal B states).
        var amplitudes = new Complex[6];
        amplitudes[2] = 1;
        amplitudes[3] = Complex.ImaginaryOne;
        var psi = States.FromKet(amplitudes, [2, 3]).State;
        var expectedB = Matrix<Complex>.Build.Dense(3, 3);
        expectedB[0, 0] = 0.5;
        expectedB[2, 2] = 0.5;
        AssertClose(expectedB, psi.TraceOut(0).Matrix);
        AssertClose(M(new Complex[,] { { 0.5, 0 }, { 0, 0.5 } }), psi.TraceOut(1).Matrix);
    }

    [Fact]
    public void Reorder_SwapsKroneckerFactors()
    {
        var a = Random(2, 2, 4);
        var b = Random(3, 3, 5);
        var c = Random(2, 2, 6);
        AssertClose(Tensor.Kron(c, a, b), Tensor.Reorder(Tensor.Kron(a, b, c), [2, 3, 2], [2, 0, 1]));
    }

    [Fact]
    public void KronOfKets_MatchesIndexConvention()
    {
        var zero = Vector<Complex>.Build.DenseOfArray([1, 0]);
        var one = Vector<Complex>.Build.DenseOfArray([0, 1]);
        var ket = Tensor.Kron(zero, one, one);
        Assert.Equal(1.0, ket[0b011].Real);
        Assert.Equal(1.0, ket.L2Norm(), 12);
    }

    [Fact]
    public void PartialTrace_RejectsWrongDimensionWithExpectedAndGot()
    {
        var ex = Assert.Throws<QuantumValidationException>(() => Tensor.PartialTrace(Random(4, 4, 1), [2, 3], [0]));
        Assert.Contains("6×6", ex.Message);
        Assert.Contains("4×4", ex.Message);
    }
}
