using MathNet.Numerics.LinearAlgebra;
using Complex = System.Numerics.Complex;

namespace SteeringRng.Quantum.Tests;

/// <summary>
/// A measurement through a detector of efficiency η: η M_b plus (1 − η) I as its own outcome, or added to a bin.
/// Expected matrices written out by hand for Z on a qubit at η = 0.8.
/// </summary>
public class DetectionLossTests
{
    private static Matrix<Complex> Diag(double a, double b) => Matrix<Complex>.Build.DenseOfDiagonalArray([new Complex(a, 0), new Complex(b, 0)]);

    private static void Same(Matrix<Complex> expected, Matrix<Complex> actual) =>
        Assert.True((expected - actual).FrobeniusNorm() < 1e-15, $"expected {expected}, got {actual}");

    [Fact]
    public void No_click_is_a_further_outcome_with_element_one_minus_eta_times_identity()
    {
        var lossy = DetectionLoss.Apply(Measurements.PauliZ, 0.8);
        Assert.Equal(3, lossy.OutcomeCount);
        Same(Diag(0.8, 0), lossy.Element(0));
        Same(Diag(0, 0.8), lossy.Element(1));
        Same(Diag(0.2, 0.2), lossy.Element(2));
    }

    [Fact]
    public void Binning_adds_the_no_click_element_to_the_chosen_outcome()
    {
        var lossy = DetectionLoss.Apply(Measurements.PauliZ, 0.8, noClickBin: 0);
        Assert.Equal(2, lossy.OutcomeCount);
        Same(Diag(1.0, 0.2), lossy.Element(0));
        Same(Diag(0, 0.8), lossy.Element(1));
    }

    [Theory]
    [InlineData(-0.1, null)]
    [InlineData(1.1, null)]
    [InlineData(double.NaN, null)]
    [InlineData(0.5, 2)]
    [InlineData(0.5, -1)]
    public void An_efficiency_outside_0_1_or_a_missing_bin_is_refused(double eta, int? bin)
    {
        Assert.Throws<QuantumValidationException>(() => DetectionLoss.Apply(Measurements.PauliZ, eta, bin));
    }
}
