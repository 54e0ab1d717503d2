using System.Numerics;
using MathNet.Numerics.LinearAlgebra;
using SteeringRng.Certification.Seesaw;
using SteeringRng.Quantum;

namespace SteeringRng.Certification.Tests.Seesaw;

/// <summary>
/// ExactDeviation against values known exactly: the GHZ state measured in Z and X has the assemblage
/// σ_{bc|ZZ} = ½ δ_bc |b⟩⟨b|, σ_{bc|ZX} = ¼ |b⟩⟨b|, σ_{bc|XZ} = ¼ |c⟩⟨c|, σ_{bc|XX} = ⅛ [[1, s], [s, 1]] with
/// s = (−1)^{b+c} (every number a short dyadic, so the attack below reproduces it exactly), and a dyadic
/// perturbation of the data is then the exact deviation.
/// </summary>
public sealed class ExactDeviationTests
{
    private static Matrix<Complex> M(double[,] re) => Matrix<Complex>.Build.Dense(re.GetLength(0), re.GetLength(1), (i, j) => re[i, j]);

    /// <summary>|GHZ⟩⟨GHZ| on A⊗B⊗C split into two equal sub-states; Z and X measurements for B and C.</summary>
    private static SeesawAttack GhzAttack()
    {
        var half = Matrix<Complex>.Build.Dense(8, 8);
        foreach (var r in new[] { 0, 7 })
        foreach (var c in new[] { 0, 7 })
            half[r, c] = 0.25; // ½ |GHZ⟩⟨GHZ| has entries ¼ at (000, 000), (000, 111), (111, 000), (111, 111)
        IReadOnlyList<Matrix<Complex>> z = [M(new double[,] { { 1, 0 }, { 0, 0 } }), M(new double[,] { { 0, 0 }, { 0, 1 } })];
        IReadOnlyList<Matrix<Complex>> x = [M(new double[,] { { 0.5, 0.5 }, { 0.5, 0.5 } }), M(new double[,] { { 0.5, -0.5 }, { -0.5, 0.5 } })];
        IReadOnlyList<IReadOnlyList<Matrix<Complex>>> party = [z, x];
        return new SeesawAttack(2, [2, 2], GuessTarget.Single(0, 0), [half, half.Clone()], [party, party]);
    }

    private static Complex[,] Analytic(int[] a, int[] x)
    {
        var (b, c) = (a[0], a[1]);
        var sigma = new Complex[2, 2];
        switch (x[0], x[1])
        {
            case (0, 0): if (b == c) sigma[b, b] = 0.5; break;
            case (0, 1): sigma[b, b] = 0.25; break;
            case (1, 0): sigma[c, c] = 0.25; break;
            default:
                var s = (b + c) % 2 == 0 ? 1.0 : -1.0;
                sigma[0, 0] = sigma[1, 1] = 0.125;
                sigma[0, 1] = sigma[1, 0] = 0.125 * s;
                break;
        }
        return sigma;
    }

    [Fact]
    public void An_attack_that_reproduces_the_data_exactly_has_deviation_zero()
    {
        var data = new Assemblage(2, [2, 2], [2, 2], Analytic);
        Assert.Equal(0.0, ExactDeviation.UpperBound(GhzAttack(), data));
    }

    // A perturbation 3·2⁻⁴⁰ + 4i·2⁻⁴⁰ of one off-diagonal entry (and its mirror) has modulus exactly 5·2⁻⁴⁰.
    // Parties in the other order (ZX read as XZ) would give ¼ instead: the test also pins the tensor order.
    [Fact]
    public void A_dyadic_perturbation_is_the_exact_deviation()
    {
        var unit = Math.ScaleB(1, -40);
        var data = new Assemblage(2, [2, 2], [2, 2], (a, x) =>
        {
            var sigma = Analytic(a, x);
            if (a[0] == 0 && a[1] == 1 && x[0] == 1 && x[1] == 1)
            {
                sigma[0, 1] += new Complex(3 * unit, 4 * unit);
                sigma[1, 0] += new Complex(3 * unit, -4 * unit);
            }
            return sigma;
        });
        Assert.Equal(5 * unit, ExactDeviation.UpperBound(GhzAttack(), data));
    }

    [Theory]
    [InlineData(1.784e-9, "1.79E-009")]
    [InlineData(1.786e-9, "1.79E-009")]
    [InlineData(9.994e-9, "1.00E-008")]
    [InlineData(1.78e-9, "1.78E-009")]
    public void Printed_bounds_are_rounded_up(double x, string expected)
    {
        Assert.Equal(expected, ExactDeviation.RoundedUp(x));
        Assert.True(double.Parse(expected, System.Globalization.CultureInfo.InvariantCulture) >= x);
    }
}
