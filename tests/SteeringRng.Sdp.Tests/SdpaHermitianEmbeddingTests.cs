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
