using SteeringRng.Sdp.Internal;
using SteeringRng.Sdp.Kkt;
using SteeringRng.Sdp.LinearAlgebra;

namespace SteeringRng.Sdp.Tests;

/// <summary>
/// Several right-hand sides solved together with the Schur factor (the search directions' predictor and centring
/// parts, <see cref="DirectionBasis"/>): every column must satisfy the system with the dense M, on the dense and the
/// block-arrow path, and agree with the one-column solve.
/// </summary>
public class KernelMultiColumnSolveTests
{
    [Theory]
    [InlineData(false, false)]
    [InlineData(false, true)]
    [InlineData(true, false)]
    [InlineData(true, true)]
    public void Columns_SolvedTogether_SatisfyTheDenseSystem(bool arrowPath, bool native)
    {
        IDenseKernels kernels = native ? NativeLapack.TryGet().Kernels ?? (IDenseKernels)ManagedKernels.Instance : ManagedKernels.Instance;
        // Four blocks, every eighth constraint touching all of them (a block-arrow Schur complement).
        var blocks = PlantedOptimumTests.Blocks("P10,P10,H6,P9");
        var p = InternalProblem.From(PlantedProblem.Create(4, blocks, 120, 0.5, i => i % 8 == 0 ? null : i % blocks.Length).Problem);
        var schur = new SchurComplement(p);
        var plan = arrowPath ? BlockArrowPlan.For(p, schur.Order) ?? throw new InvalidOperationException("no block arrow") : null;
        var m = p.M;
        // X = Z⁻¹ = I: M_ij = ⟨A_i, A_j⟩, positive definite; the dense reference is formed by the dense path.
        var identity = p.Layout.Select(l =>
        {
            var a = new double[l.Length];
            for (var i = 0; i < l.Dim; i++) a[l.IsDiagonal ? i : i * l.Dim + i] = 1;
            return a;
        }).ToArray();
        var dense = new double[m * m];
        schur.Form(identity, identity, dense);
        for (var i = 0; i < m; i++)
        for (var j = 0; j < i; j++) dense[i * m + j] = dense[j * m + i];

        var factor = new CholeskyFactor(kernels, m, plan);
        if (plan is null) schur.Form(identity, identity, factor.Matrix!, factor.Offset);
        else schur.Form(identity, identity, factor.Arrow!);
        Assert.True(factor.Factor());
        Assert.Equal(0, factor.Regularization);
        var rng = new Random(5);
        var rhs = Enumerable.Range(0, 3).Select(_ => Enumerable.Range(0, m).Select(_ => rng.NextDouble() - 0.5).ToArray()).ToArray();
        var copies = rhs.Select(r => (double[])r.Clone()).ToArray();

        var together = factor.Solve(rhs);

        Assert.Equal(copies, rhs); // the right-hand sides are not modified
        for (var c = 0; c < rhs.Length; c++)
        {
            var worst = 0.0;
            for (var i = 0; i < m; i++)
            {
                var r = -rhs[c][i];
                for (var j = 0; j < m; j++) r += dense[i * m + j] * together[c][j];
                worst = Math.Max(worst, Math.Abs(r));
            }
            Assert.True(worst <= 1e-10 * (1 + rhs[c].Max(Math.Abs)), $"column {c}: residual {worst}");
            var alone = factor.Solve(rhs[c]);
            var scale = alone.Max(Math.Abs);
            for (var i = 0; i < m; i++) Assert.True(Math.Abs(alone[i] - together[c][i]) <= 1e-12 * scale, $"column {c}, row {i}: {together[c][i]} vs {alone[i]}");
        }
    }
}
