using SteeringRng.Sdp.LinearAlgebra;
using SteeringRng.Sdp.Sdpa;

namespace SteeringRng.Sdp.Tests;

public class SdpaDimacsErrorsTests
{
    // max ⟨diag(1, 2), X⟩ s.t. tr X = 1: optimum 2 at X = diag(0, 1), y = 2, Z = 2I − C = diag(1, 0).
    private static readonly SdpProblem Problem = new([SdpBlock.Psd(2)],
        new SdpMatrix([new SdpEntry(0, 0, 0, 1), new SdpEntry(0, 1, 1, 2)]),
        [new SdpMatrix([new SdpEntry(0, 0, 0, 1), new SdpEntry(0, 1, 1, 1)])], [1]);

    private static SdpBlockValue[] Diag(double a, double b) => [new SdpBlockValue(SdpBlock.Psd(2), [a, 0, 0, b])];

    [Fact]
    public void Exact_optimum_has_zero_errors()
    {
        Assert.Equal([0.0, 0, 0, 0, 0, 0], DimacsErrors.Evaluate(Problem, Diag(0, 1), [2], Diag(1, 0)));
    }

    [Fact]
    public void Each_measure_follows_its_definition()
    {
        // X = diag(−0.5, 1.5): A(X) − b = 0, λmin(X) = −0.5 → err2 = 0.5/(1 + 1); ⟨C,X⟩ = 2.5, bᵀy = 2.
        // Z = diag(1, 0.5) but Σ y A − C = diag(1, 0): ‖R‖_F = 0.5 → err3 = 0.5/(1 + 3).
        // ⟨X, Z⟩ = −0.5 + 0.75 = 0.25 → err6 = 0.25/(1 + 2.5 + 2); err5 = 0.5/5.5.
        var e = DimacsErrors.Evaluate(Problem, Diag(-0.5, 1.5), [2], Diag(1, 0.5));
        Assert.Equal(0, e[0], 15);
        Assert.Equal(0.25, e[1], 14);
        Assert.Equal(0.125, e[2], 15);
        Assert.Equal(0, e[3], 15);
        Assert.Equal(0.5 / 5.5, e[4], 15);
        Assert.Equal(0.25 / 5.5, e[5], 15);
        // Primal residual and dual cone: X = diag(0.1, 1) → err1 = 0.1/2; Z = diag(−1, 0) → err4 = 1/4.
        var f = DimacsErrors.Evaluate(Problem, Diag(0.1, 1), [2], Diag(-1, 0));
        Assert.Equal(0.05, f[0], 15);
        Assert.Equal(0.25, f[3], 14);
        // Z also misses Σ y A − C = diag(1, 0) by diag(2, 0): err3 = 2/4 is the largest.
        Assert.Equal(0.5, f[2], 15);
        Assert.Equal(0.5, DimacsErrors.Worst(f), 14);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(40)]
    public void Min_eigenvalue_of_the_second_difference_matrix(int n)
    {
        // tridiag(−1, 2, −1) has eigenvalues 2 − 2cos(kπ/(n+1)); rotate it by a Householder reflection so the
        // reduction has real work to do.
        var a = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            a[i * n + i] = 2;
            if (i > 0) a[i * n + i - 1] = a[(i - 1) * n + i] = -1;
        }
        var v = Enumerable.Range(0, n).Select(i => Math.Sin(i + 1.0)).ToArray();
        var vv = v.Sum(t => t * t);
        var h = new double[n * n];
        for (var i = 0; i < n; i++)
        for (var j = 0; j < n; j++)
            h[i * n + j] = (i == j ? 1 : 0) - 2 * v[i] * v[j] / vv;
        var rotated = Multiply(Multiply(h, a, n), h, n);
        var expected = 2 - 2 * Math.Cos(Math.PI / (n + 1));
        Assert.Equal(expected, SymmetricEigen.MinEigenvalue(rotated, n), 12);
    }

    private static double[] Multiply(double[] x, double[] y, int n)
    {
        var r = new double[n * n];
        for (var i = 0; i < n; i++)
        for (var k = 0; k < n; k++)
        for (var j = 0; j < n; j++)
            r[i * n + j] += x[i * n + k] * y[k * n + j];
        return r;
    }
}
