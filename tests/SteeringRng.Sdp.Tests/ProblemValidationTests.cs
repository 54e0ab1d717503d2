namespace SteeringRng.Sdp.Tests;

/// <summary>Bad problems are rejected at construction with a message that says what and where.</summary>
public class ProblemValidationTests
{
    private static readonly SdpBlock[] Blocks = [SdpBlock.Psd(3), SdpBlock.Nonnegative(2), SdpBlock.Hermitian(2)];

    private static ArgumentException Reject(SdpMatrix c, SdpMatrix[]? a = null, double[]? b = null) =>
        Assert.Throws<ArgumentException>(() => new SdpProblem(Blocks, c, a ?? [], b ?? []));

    [Theory]
    [InlineData(3, 0, 0, "block index 3 is out of range 0..2")]
    [InlineData(-1, 0, 0, "block index -1 is out of range 0..2")]
    [InlineData(0, 2, 1, "Row > Col")]
    [InlineData(0, 0, 3, "outside the 3×3 block")]
    [InlineData(1, 0, 1, "off-diagonal entry in a Nonnegative (diagonal) block")]
    public void Entry_IsRejected_WithPosition(int block, int row, int col, string expected)
    {
        var e = Reject(new SdpMatrix([new SdpEntry(0, 0, 0, 1), new SdpEntry(block, row, col, 1.0)]));
        Assert.Contains(expected, e.Message);
        Assert.Contains("C entry 1", e.Message);
    }

    [Fact]
    public void Duplicate_IsRejected()
    {
        var a = new SdpMatrix([new SdpEntry(0, 0, 1, 1), new SdpEntry(2, 0, 1, 1), new SdpEntry(0, 0, 1, 2)]);
        var e = Reject(SdpMatrix.Zero, [a], [1.0]);
        Assert.Contains("A[0]: duplicate entry at block 0, row 0, col 1", e.Message);
    }

    [Fact]
    public void ImaginaryPart_InRealBlock_IsRejected()
    {
        var e = Reject(new SdpMatrix([new SdpEntry(0, 0, 1, 1, 0.5)]));
        Assert.Contains("imaginary part 0.5 in a real (Psd) block", e.Message);
    }

    [Fact]
    public void ImaginaryPart_OnHermitianDiagonal_IsRejected()
    {
        var e = Reject(new SdpMatrix([new SdpEntry(2, 1, 1, 1, 0.5)]));
        Assert.Contains("on the diagonal of a Hermitian block", e.Message);
    }

    [Fact]
    public void ImaginaryPart_OffHermitianDiagonal_IsAccepted() =>
        Assert.Equal(3, new SdpProblem(Blocks, new SdpMatrix([new SdpEntry(2, 0, 1, 1, 0.5)]), [], []).Blocks.Count);

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void NonFinite_IsRejected(double bad)
    {
        Assert.Contains("is not finite", Reject(new SdpMatrix([new SdpEntry(0, 1, 2, bad)])).Message);
        Assert.Contains("b[0] is", Reject(SdpMatrix.Zero, [new SdpMatrix([new SdpEntry(0, 0, 0, 1)])], [bad]).Message);
    }

    [Fact]
    public void LengthMismatch_IsRejected()
    {
        var e = Reject(SdpMatrix.Zero, [new SdpMatrix([new SdpEntry(0, 0, 0, 1)])], [1.0, 2.0]);
        Assert.Contains("A has 1 constraint matrices but b has 2 entries", e.Message);
    }

    [Fact]
    public void ConstraintMatrix_IsNamed()
    {
        var a = new[] { new SdpMatrix([new SdpEntry(0, 0, 0, 1)]), new SdpMatrix([new SdpEntry(0, 1, 0, 1)]) };
        Assert.Contains("A[1] entry 0 (block 0, row 1, col 0)", Reject(SdpMatrix.Zero, a, [1, 1]).Message);
    }

    [Fact]
    public void BadBlockSize_IsRejected() =>
        Assert.Contains("Block 0 has size 0", Assert.Throws<ArgumentException>(() => new SdpProblem([SdpBlock.Psd(0)], SdpMatrix.Zero, [], [])).Message);

    /// <summary>FromMomentForm negates F0, F_i and g: (D) min −gᵀw s.t. Σ w_i(−F_i) − (−F0) ⪰ 0.</summary>
    [Fact]
    public void FromMomentForm_NegatesEverything()
    {
        var p = SdpProblem.FromMomentForm([SdpBlock.Hermitian(2)], new SdpMatrix([new SdpEntry(0, 0, 0, 1)]),
            [new SdpMatrix([new SdpEntry(0, 0, 1, 2, 3)])], [5.0]);
        Assert.Equal(new SdpEntry(0, 0, 0, -1), p.C.Entries[0]);
        Assert.Equal(new SdpEntry(0, 0, 1, -2, -3), p.A[0].Entries[0]);
        Assert.Equal([-5.0], p.B);
    }

    /// <summary>A data swap keeps A and b (same instances) and validates the new C like the constructor does.</summary>
    [Fact]
    public void WithObjective_SharesConstraintsAndValidatesC()
    {
        var p = new SdpProblem([SdpBlock.Psd(2)], SdpMatrix.Zero, [new SdpMatrix([new SdpEntry(0, 0, 0, 1)])], [1.0]);
        var q = p.WithObjective(new SdpMatrix([new SdpEntry(0, 0, 1, 4)]));
        Assert.Same(p.A, q.A);
        Assert.Same(p.B, q.B);
        Assert.Equal(new SdpEntry(0, 0, 1, 4), q.C.Entries[0]);
        var e = Assert.Throws<ArgumentException>(() => p.WithObjective(new SdpMatrix([new SdpEntry(0, 1, 0, 4)])));
        Assert.Contains("C entry 0 (block 0, row 1, col 0)", e.Message);
    }
}
