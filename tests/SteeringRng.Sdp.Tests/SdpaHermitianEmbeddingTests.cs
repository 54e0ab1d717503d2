using SteeringRng.Sdp.Sdpa;

namespace SteeringRng.Sdp.Tests;

public class SdpaHermitianEmbeddingTests
{
    // H = [[1, 1 − i], [1 + i, 0]]: eigenvalues 1/2 ± √(1/4 + 2) = 2 and −1.
    private static readonly SdpMatrix H = new([new SdpEntry(0, 0, 0, 1), new SdpEntry(0, 0, 1, 1, -1)]);

    [Fact]
    public void Embedding_keeps_inner_products_with_the_real_form_of_X()
    {
        var blocks = new[] { SdpBlock.Hermitian(2) };
        // X = [[2, 0.5 + 0.25i], [0.5 − 0.25i, 3]] stored as Re/Im (upper entry X_01 = 0.5 + 0.25i).
        var x = new SdpBlockValue(SdpBlock.Hermitian(2), [2, 0.5, 0.5, 3], [0, 0.25, -0.25, 0]);
        // ⟨H, X⟩ = Re tr(HX) = 1·2 + 0·3 + 2 Re((1 − i) conj(0.5 + 0.25i)) = 2 + 2(0.5 − 0.25) = 2.5.
        Assert.Equal(2.5, BlockAlgebra.Inner(H, [x]), 14);
        var embedded = HermitianEmbedding.Embed(H, blocks);
        var realX = new SdpBlockValue(SdpBlock.Psd(4), BlockAlgebra.RealForm(x));
        Assert.Equal(2.5, BlockAlgebra.Inner(embedded, [realX]), 14);
    }

    /// <summary>
    /// A planted problem with Hermitian blocks solved as it is and in its real embedding: FromReal gives the same y,
    /// the same X and Z (Hermitian again, Z from the half-scale embedding doubled), and a point that satisfies the
    /// original constraints ⟨A_i, X⟩ = b_i.
    /// </summary>
    // Two solves to relative tolerance 1e-8 of the same problem: y, X and Z agree to about 1e-5 (a factor 2 in Z, the
    // half-scale embedding not undone, is far outside).
    private static void Near(double expected, double actual) =>
        Assert.True(Math.Abs(expected - actual) <= 1e-4 * (1 + Math.Abs(expected)), $"expected {expected:R}, got {actual:R}");

    [Fact]
    public void A_solution_of_the_real_embedding_maps_back_to_the_hermitian_problem()
    {
        var problem = PlantedProblem.Create(7, PlantedOptimumTests.Blocks("H5,P4,H3"), 20, 0.5).Problem;
        var solver = new InteriorPointSolver();
        var direct = solver.Solve(problem);
        var back = HermitianEmbedding.FromReal(problem, solver.Solve(HermitianEmbedding.ToReal(problem)));
        Assert.Equal(SdpStatus.Optimal, direct.Status);
        Assert.Equal(SdpStatus.Optimal, back.Status);
        Assert.Equal(direct.PrimalObjective, back.PrimalObjective, 7);
        for (var i = 0; i < problem.ConstraintCount; i++)
        {
            Near(direct.Y[i], back.Y[i]);
            Assert.Equal(problem.B[i], BlockAlgebra.Inner(problem.A[i], back.X), 6);
        }
        for (var k = 0; k < problem.Blocks.Count; k++)
        {
            Assert.Equal(problem.Blocks[k], back.X[k].Shape);
            Assert.Equal(problem.Blocks[k], back.Z[k].Shape);
            for (var e = 0; e < direct.X[k].Re.Length; e++)
            {
                Near(direct.X[k].Re[e], back.X[k].Re[e]);
                Near(direct.Z[k].Re[e], back.Z[k].Re[e]);
                if (direct.X[k].Im is { } im) Near(im[e], back.X[k].Im![e]);
                if (direct.Z[k].Im is { } zim) Near(zim[e], back.Z[k].Im![e]);
            }
        }
    }

    [Fact]
    public void Unembed_inverts_the_real_form()
    {
        var x = new SdpBlockValue(SdpBlock.Hermitian(2), [2, 0.5, 0.5, 3], [0, 0.25, -0.25, 0]);
        var back = HermitianEmbedding.Unembed(BlockAlgebra.RealForm(x), 2, scale: 1);
        Assert.Equal(x.Re, back.Re);
        Assert.Equal(x.Im, back.Im);
    }

    [Fact]
    public void Real_form_has_the_hermitian_eigenvalues()
    {
        var h = BlockAlgebra.Zeros([SdpBlock.Hermitian(2)]);
        BlockAlgebra.AddSparse(h, H, 1);
        Assert.Equal(-1, BlockAlgebra.MinEigenvalue(h), 13);
    }

    [Fact]
    public void Writer_announces_the_embedding_in_a_comment()
    {
        var p = new SdpProblem([SdpBlock.Hermitian(2)], H, [new SdpMatrix([new SdpEntry(0, 0, 0, 1), new SdpEntry(0, 1, 1, 1)])], [1]);
        var text = SdpaWriter.ToText(p);
        Assert.StartsWith("\"block 1 is Hermitian 2x2, written as the real 4x4 block [[Re, -Im], [Im, Re]]", text);
        var back = SdpaReader.Read(new StringReader(text));
        Assert.Equal([SdpBlock.Psd(4)], back.Blocks);
        // ½ M(H): (1,1) and (3,3) hold 1/2; (1,2) and (3,4) hold 1/2; −Im/2 at (1,4), +Im/2 at (2,3).
        Assert.Equal(
            [new SdpEntry(0, 0, 0, 0.5), new SdpEntry(0, 2, 2, 0.5), new SdpEntry(0, 0, 1, 0.5),
             new SdpEntry(0, 2, 3, 0.5), new SdpEntry(0, 0, 3, 0.5), new SdpEntry(0, 1, 2, -0.5)],
            back.C.Entries);
    }
}
