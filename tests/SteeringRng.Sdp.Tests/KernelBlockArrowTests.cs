using SteeringRng.Sdp.Internal;
using SteeringRng.Sdp.Kkt;
using SteeringRng.Sdp.LinearAlgebra;

namespace SteeringRng.Sdp.Tests;

/// <summary>
/// The block-arrow storage of the Schur complement (M kept only in its nonzero blocks) against the dense M of the same
/// problem: the solve must satisfy the dense system, and the storage must stay within the memory estimate's 8·m².
/// </summary>
public class KernelBlockArrowTests
{
    /// <summary>Four blocks, every eighth constraint touching all of them (the border), the rest one block each.</summary>
    private static (InternalProblem Problem, SchurComplement Schur, BlockArrowPlan Plan) ArrowProblem() => ArrowProblem("P10,P10,H6,P9", 120, 8);

    /// <summary>
    /// Four blocks, every <paramref name="borderEvery"/>-th of the <paramref name="m"/> constraints touching all of
    /// them (the border), the rest one block each.
    /// </summary>
    private static (InternalProblem Problem, SchurComplement Schur, BlockArrowPlan Plan) ArrowProblem(string shapes, int m, int borderEvery)
    {
        var blocks = PlantedOptimumTests.Blocks(shapes);
        var problem = PlantedProblem.Create(4, blocks, m, 0.5, i => i % borderEvery == 0 ? null : i % blocks.Length).Problem;
        var ip = InternalProblem.From(problem);
        var schur = new SchurComplement(ip);
        var plan = BlockArrowPlan.For(ip, schur.Order) ?? throw new InvalidOperationException("the problem has no block-arrow Schur complement");
        return (ip, schur, plan);
    }

    /// <summary>X = Z⁻¹ = I (internal form): M_ij = ⟨A_i, A_j⟩, the Gram matrix of the constraints, positive definite.</summary>
    private static double[][] Identity(InternalProblem p) => p.Layout.Select(l =>
    {
        var a = new double[l.Length];
        for (var i = 0; i < l.Dim; i++) a[l.IsDiagonal ? i : i * l.Dim + i] = 1;
        return a;
    }).ToArray();

    /// <param name="native">Native or managed kernels.</param>
    /// <param name="large">A border of 800 on m = 2400 (its x_B is formed in parallel pieces) instead of 15 on m = 120.</param>
    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(true, true)]
    public void ArrowSolve_SatisfiesTheDenseSystem(bool native, bool large)
    {
        IDenseKernels kernels = native ? NativeLapack.TryGet().Kernels ?? (IDenseKernels)ManagedKernels.Instance : ManagedKernels.Instance;
        var (p, schur, plan) = large ? ArrowProblem("P60,P60,P60,P60", 2400, 3) : ArrowProblem();
        if (large) Assert.True(plan.Border.Length * (long)p.M >= 1 << 20);
        var m = p.M;
        var identity = Identity(p);
        // The dense upper triangle, mirrored: the reference M, formed by the dense path.
        var dense = new double[m * m];
        schur.Form(identity, identity, dense);
        for (var i = 0; i < m; i++)
        for (var j = 0; j < i; j++) dense[i * m + j] = dense[j * m + i];

        var arrow = new CholeskyFactor(kernels, m, plan);
        Assert.Null(arrow.Matrix);
        schur.Form(identity, identity, arrow.Arrow!);
        Assert.True(arrow.Factor());
        Assert.Equal(0, arrow.Regularization);
        var rng = new Random(3);
        var rhs = Enumerable.Range(0, m).Select(_ => rng.NextDouble() - 0.5).ToArray();
        var x = arrow.Solve(rhs);
        // ‖M x − r‖ with M the dense matrix: the arrow storage held every nonzero of M, and its solve is M⁻¹ r.
        var worst = 0.0;
        for (var i = 0; i < m; i++)
        {
            var r = -rhs[i];
            for (var j = 0; j < m; j++) r += dense[i * m + j] * x[j];
            worst = Math.Max(worst, Math.Abs(r));
        }
        Assert.True(worst <= 1e-10 * (1 + rhs.Max(Math.Abs)), $"residual {worst}");
    }

    // The memory estimate made before a relaxation is built (RelaxationEstimate: solver ≈ 8·m² + 10 dense copies of
    // every block) must cover what the solver allocates for its Schur storage, on both paths. Counted in bytes
    // allocated by this thread, so the test is deterministic.
    [Fact]
    public void SchurStorage_AllocatesNoMoreThanTheEstimate()
    {
        var (p, _, plan) = ArrowProblem();
        var m = p.M;
        var blockCopies = 10.0 * 8 * p.Layout.Sum(l => (double)l.Dim * l.Dim);
        var estimate = 8.0 * m * m + blockCopies;
        foreach (var usePlan in new[] { plan, null })
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var factor = new CholeskyFactor(ManagedKernels.Instance, m, usePlan);
            var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.True(allocated <= estimate, $"{(usePlan is null ? "dense" : "arrow")}: allocated {allocated} > estimate {estimate}");
            Assert.True(factor.Bytes <= allocated, $"Bytes {factor.Bytes} is not among the allocations ({allocated})");
            GC.KeepAlive(factor);
        }
        // The arrow's storage itself is within the dense M's m² doubles (the plan refuses it otherwise).
        Assert.True(plan.StorageLength <= (long)m * m);
        var nb = plan.Border.Length;
        var exact = plan.Groups.Sum(g => (long)g.Length * g.Length + 2L * nb * g.Length) + 2L * nb * nb;
        Assert.InRange(plan.StorageLength, exact, exact + 8 * (3 * plan.Groups.Length + 2) + 7);
    }
}
