using SteeringRng.Sdp.LinearAlgebra;

namespace SteeringRng.Sdp.Tests;

/// <summary>Dense kernels against definitions (reconstruction, residuals) and closed-form eigenvalues; native = managed.</summary>
public class KernelTests
{
    private static IDenseKernels Native => NativeLapack.TryGet().Kernels!;

    private static double[] RandomSpd(int n, int seed)
    {
        var rng = new Random(seed);
        var b = Enumerable.Range(0, n * n).Select(_ => rng.NextDouble() - 0.5).ToArray();
        var a = new double[n * n];
        for (var i = 0; i < n; i++)
        for (var j = 0; j < n; j++)
        {
            var s = i == j ? n : 0.0;
            for (var k = 0; k < n; k++) s += b[i * n + k] * b[j * n + k];
            a[i * n + j] = s;
        }
        return a;
    }

    private static void CheckCholesky(IDenseKernels k, int n)
    {
        var a = RandomSpd(n, n);
        var l = (double[])a.Clone();
        Assert.True(k.Cholesky(l, n));
        for (var i = 0; i < n; i++)
        for (var j = 0; j <= i; j++)
        {
            var s = 0.0;
            for (var t = 0; t <= j; t++) s += l[i * n + t] * l[j * n + t];
            Assert.True(Math.Abs(s - a[i * n + j]) <= 1e-10 * n, $"(L Lᵀ)[{i},{j}] = {s} vs {a[i * n + j]}");
        }
        // The strict upper triangle keeps the original matrix (the Schur solver relies on it).
        for (var i = 0; i < n; i++)
        for (var j = i + 1; j < n; j++) Assert.Equal(a[i * n + j], l[i * n + j]);
        // Solve and inverse: residuals of A x = b and A A⁻¹ = I.
        var rhs = Enumerable.Range(0, n).Select(i => Math.Sin(i + 1.0)).ToArray();
        var x = (double[])rhs.Clone();
        k.CholeskySolve(l, n, x);
        for (var i = 0; i < n; i++) Assert.Equal(rhs[i], Enumerable.Range(0, n).Sum(j => a[i * n + j] * x[j]), 9);
        // Triangular solves on several right-hand sides stored as rows: L w = b, then Lᵀ x = w, gives A x = b.
        var rows = Enumerable.Range(0, 3 * n).Select(i => Math.Cos(0.7 * i)).ToArray();
        var tri = (double[])rows.Clone();
        k.ForwardSolveRows(l, n, tri, 3);
        for (var r = 0; r < 3; r++)
        for (var i = 0; i < n; i++)
            Assert.Equal(rows[r * n + i], Enumerable.Range(0, i + 1).Sum(t => l[i * n + t] * tri[r * n + t]), 9);
        k.BackwardSolveRows(l, n, tri, 3);
        for (var r = 0; r < 3; r++)
        for (var i = 0; i < n; i++)
            Assert.Equal(rows[r * n + i], Enumerable.Range(0, n).Sum(j => a[i * n + j] * tri[r * n + j]), 9);
        var inv = new double[n * n];
        k.CholeskyInverse(l, n, inv);
        var prod = new double[n * n];
        k.Multiply(a, inv, prod, n);
        for (var i = 0; i < n; i++)
        for (var j = 0; j < n; j++) Assert.Equal(i == j ? 1.0 : 0.0, prod[i * n + j], 9);
    }

    [Theory]
    [InlineData(1), InlineData(7), InlineData(65), InlineData(130), InlineData(260)]
    public void Managed_Cholesky_ReconstructsSolvesAndInverts(int n) => CheckCholesky(ManagedKernels.Instance, n);

    [KernelNativeFact]
    public void Native_Cholesky_ReconstructsSolvesAndInverts()
    {
        foreach (var n in new[] { 1, 7, 130 }) CheckCholesky(Native, n);
    }

    [Fact]
    public void Managed_Cholesky_RejectsIndefinite()
    {
        var a = new double[] { 1, 2, 2, 1 }; // eigenvalues 3, −1
        Assert.False(ManagedKernels.Instance.Cholesky(a, 2));
    }

    /// <summary>
    /// tridiag(−1, 2, −1) of size n has λmin = 2 − 2cos(π/(n+1)); a congruence by a random rotation keeps it. The native
    /// kernels reduce blocks up to order 16 managed and larger ones by dsytrd (16 and 17 are either side of the switch).
    /// </summary>
    [Theory]
    [InlineData(1), InlineData(2), InlineData(10), InlineData(16), InlineData(17), InlineData(56), InlineData(97)]
    public void MinEigenvalue_OfSecondDifferenceMatrix_IsClosedForm(int n)
    {
        var a = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            a[i * n + i] = 2;
            if (i > 0) a[i * n + i - 1] = a[(i - 1) * n + i] = -1;
        }
        var expected = 2 - 2 * Math.Cos(Math.PI / (n + 1));
        Assert.Equal(expected, ManagedKernels.Instance.MinEigenvalue((double[])a.Clone(), n), 12);
        if (NativeLapack.TryGet().Kernels is { } native) Assert.Equal(expected, native.MinEigenvalue((double[])a.Clone(), n), 12);
        // Shift by −3 and permute symmetrically (reverse order): λmin − 3, same spectrum.
        var b = new double[n * n];
        for (var i = 0; i < n; i++)
        for (var j = 0; j < n; j++) b[i * n + j] = a[(n - 1 - i) * n + (n - 1 - j)] - (i == j ? 3 : 0);
        Assert.Equal(expected - 3, ManagedKernels.Instance.MinEigenvalue(b, n), 12);
    }

    /// <summary>S' = L⁻¹ S L⁻ᵀ satisfies L S' Lᵀ = S.</summary>
    [Fact]
    public void Congruence_InvertsTheFactor()
    {
        const int n = 40;
        var l = RandomSpd(n, 3);
        Assert.True(ManagedKernels.Instance.Cholesky(l, n));
        var s = RandomSpd(n, 4);
        for (var i = 0; i < n; i++) s[i * n + i] -= 2 * n; // indefinite
        var t = (double[])s.Clone();
        ManagedKernels.Instance.CongruenceByInverseFactor(l, n, t);
        for (var i = 0; i < n; i++)
        for (var j = 0; j < n; j++)
        {
            var v = 0.0;
            for (var p = 0; p <= i; p++)
            for (var q = 0; q <= j; q++) v += l[i * n + p] * t[p * n + q] * l[j * n + q];
            Assert.Equal(s[i * n + j], v, 9);
        }
    }

    [KernelNativeFact]
    public void Native_Congruence_OnALargeBlock_AgreesWithManaged()
    {
        // n = 150 takes the native dsygst path (from n = 128 on); the managed kernel solves with L twice.
        const int n = 150;
        var l = RandomSpd(n, 21);
        Assert.True(Native.Cholesky(l, n));
        var s = RandomSpd(n, 22);
        for (var i = 0; i < n; i++) s[i * n + i] -= 2 * n; // indefinite, as a search direction is
        var (sm, sn) = ((double[])s.Clone(), (double[])s.Clone());
        ManagedKernels.Instance.CongruenceByInverseFactor(l, n, sm);
        Native.CongruenceByInverseFactor(l, n, sn);
        for (var i = 0; i < n * n; i++) Assert.Equal(sm[i], sn[i], 10);
        Assert.Equal(ManagedKernels.Instance.MinEigenvalue(sm, n), Native.MinEigenvalue(sn, n), 10);
    }

    [KernelNativeFact]
    public void Native_AgreesWithManaged_OnEveryKernel()
    {
        const int n = 90;
        var m = ManagedKernels.Instance;
        var a = RandomSpd(n, 11);
        var b = RandomSpd(n, 12);
        var (lm, ln) = ((double[])a.Clone(), (double[])a.Clone());
        Assert.True(m.Cholesky(lm, n));
        Assert.True(Native.Cholesky(ln, n));
        for (var i = 0; i < n; i++)
        for (var j = 0; j <= i; j++) Assert.Equal(lm[i * n + j], ln[i * n + j], 10);
        var (pm, pn) = (new double[n * n], new double[n * n]);
        m.Multiply(a, b, pm, n);
        Native.Multiply(a, b, pn, n);
        for (var i = 0; i < n * n; i++) Assert.Equal(pm[i], pn[i], 8);
        var (sm, sn) = ((double[])b.Clone(), (double[])b.Clone());
        m.CongruenceByInverseFactor(lm, n, sm);
        Native.CongruenceByInverseFactor(ln, n, sn);
        for (var i = 0; i < n * n; i++) Assert.Equal(sm[i], sn[i], 10);
        Assert.Equal(m.MinEigenvalue(sm, n), Native.MinEigenvalue(sn, n), 10);
    }

    /// <summary>
    /// Every kernel of the native backend at orders 1 to 7 (up to 4 they run managed, NativeLapack.ManagedOrder) against
    /// its definition: L Lᵀ = A, the product by a triple loop, L S′ Lᵀ = S, A·A⁻¹ = I, A x = b. The factor keeps A in
    /// its strict upper triangle, as the solver leaves it.
    /// </summary>
    [KernelNativeFact]
    public void Native_small_blocks_meet_the_definitions()
    {
        for (var n = 1; n <= 7; n++)
        {
            var a = RandomSpd(n, 40 + n);
            var b = RandomSpd(n, 60 + n);
            for (var i = 0; i < n; i++) b[i * n + i] -= 2 * n; // indefinite, as a search direction is
            var l = (double[])a.Clone();
            Assert.True(Native.Cholesky(l, n));
            for (var i = 0; i < n; i++)
            for (var j = 0; j < n; j++)
            {
                var llt = 0.0;
                for (var p = 0; p <= Math.Min(i, j); p++) llt += l[i * n + p] * l[j * n + p];
                Assert.Equal(a[i * n + j], llt, 10);
                if (j > i) Assert.Equal(a[i * n + j], l[i * n + j]); // the strict upper triangle is left as it was
            }
            var c = new double[n * n];
            Native.Multiply(a, b, c, n);
            for (var i = 0; i < n; i++)
            for (var j = 0; j < n; j++)
            {
                var v = 0.0;
                for (var p = 0; p < n; p++) v += a[i * n + p] * b[p * n + j];
                Assert.Equal(v, c[i * n + j], 10);
            }
            var t = (double[])b.Clone();
            Native.CongruenceByInverseFactor(l, n, t);
            for (var i = 0; i < n; i++)
            for (var j = 0; j < n; j++)
            {
                var v = 0.0;
                for (var p = 0; p <= i; p++)
                for (var q = 0; q <= j; q++) v += l[i * n + p] * t[p * n + q] * l[j * n + q];
                Assert.Equal(b[i * n + j], v, 9);
            }
            var inv = new double[n * n];
            Native.CholeskyInverse(l, n, inv);
            for (var i = 0; i < n; i++)
            for (var j = 0; j < n; j++)
            {
                var v = 0.0;
                for (var p = 0; p < n; p++) v += a[i * n + p] * inv[p * n + j];
                Assert.Equal(i == j ? 1.0 : 0.0, v, 10);
            }
            var x = Enumerable.Range(0, n).Select(k => 1.0 + k).ToArray();
            var rhs = new double[n];
            for (var i = 0; i < n; i++)
            for (var p = 0; p < n; p++) rhs[i] += a[i * n + p] * x[p];
            Native.CholeskySolve(l, n, rhs);
            for (var i = 0; i < n; i++) Assert.Equal(x[i], rhs[i], 10);
        }
    }
}
