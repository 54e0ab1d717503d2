namespace SteeringRng.Sdp.Tests;

/// <summary>Problems without constraints (m = 0) with known answers, shared by the built-in and peer tests.</summary>
public static class UnconstrainedProblems
{
    /// <summary>
    /// C ≺ 0 on every kind of block: Psd [[−2, 1], [1, −1]] (eigenvalues (−3 ± √5)/2), Hermitian
    /// [[−1, ½ − ½i], [½ + ½i, −1]] (eigenvalues −1 ± 1/√2), Nonnegative (−1, −½). max ⟨C, X⟩ over X ⪰ 0 is 0 at X = 0,
    /// and Z = −C ≻ 0 is strictly feasible, so a dual method such as DSDP can also solve the padded file.
    /// </summary>
    public static SdpProblem NegativeDefinite() => new(
        [SdpBlock.Psd(2), SdpBlock.Hermitian(2), SdpBlock.Nonnegative(2)],
        new SdpMatrix([
            new SdpEntry(0, 0, 0, -2), new SdpEntry(0, 0, 1, 1), new SdpEntry(0, 1, 1, -1),
            new SdpEntry(1, 0, 0, -1), new SdpEntry(1, 0, 1, 0.5, -0.5), new SdpEntry(1, 1, 1, -1),
            new SdpEntry(2, 0, 0, -1), new SdpEntry(2, 1, 1, -0.5),
        ]), [], []);

    /// <summary>
    /// The Hermitian block H = [[1, 1 − i], [1 + i, 0]] (eigenvalues 2 and −1) beside a Psd block −I: ⟨C, X⟩ is
    /// unbounded along X = v v* for the top eigenvector v of H, so (D) is infeasible.
    /// </summary>
    public static SdpProblem Unbounded() => new(
        [SdpBlock.Psd(2), SdpBlock.Hermitian(2)],
        new SdpMatrix([
            new SdpEntry(0, 0, 0, -1), new SdpEntry(0, 1, 1, -1),
            new SdpEntry(1, 0, 0, 1), new SdpEntry(1, 0, 1, 1, -1),
        ]), [], []);

    /// <summary>
    /// C = −u uᵀ with u = (1, 2, 3)/7: eigenvalues 0, 0 and −2/7, so the zero ones come out of any eigen-solver as
    /// ±rounding; the answer must still be the optimum 0, not an "unbounded" verdict built on rounding.
    /// </summary>
    public static SdpProblem RankDeficient()
    {
        double[] u = [1.0 / 7, 2.0 / 7, 3.0 / 7];
        var entries = new List<SdpEntry>();
        for (var r = 0; r < 3; r++)
        for (var c = r; c < 3; c++)
            entries.Add(new SdpEntry(0, r, c, -u[r] * u[c]));
        return new SdpProblem([SdpBlock.Psd(3)], new SdpMatrix(entries), [], []);
    }
}
