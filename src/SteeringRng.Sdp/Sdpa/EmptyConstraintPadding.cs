namespace SteeringRng.Sdp.Sdpa;

/// <summary>
/// What <see cref="SdpaWriter"/> writes for a problem without constraints. CSDP ("Couldn't read mDIM", exit 201)
/// and SDPA ("nDim is nonpositive") reject a file with m = 0 (DSDP 5.8 reads it), so the writer adds one 1×1 block
/// x₀ with C = 0 there and the single constraint x₀ = 1:
/// <code>
///   (P')  max ⟨C, X⟩ + 0·x₀  s.t.  x₀ = 1,  X ⪰ 0, x₀ ≥ 0         — the optimal value and X of (P)
///   (D')  min y₁              s.t.  Z = −C ⪰ 0,  z₀ = y₁ ≥ 0     — y₁ = 0 at the optimum; infeasible exactly when (D) is
/// </code>
/// The block is a 1×1 semidefinite block, not a nonnegative (LP) one: DSDP 5.8 keeps one LP cone, and its -save file
/// holds only the last LP block of a problem that has several (docs/peers.md).
/// Every SDPA reader accepts it (checked with CSDP 6.2, DSDP 5.8 and SDPA 7.3), and its optimum is the original's.
/// The file says so in a comment line (<see cref="Comment"/>), since reading it back gives the padded problem.
/// </summary>
public static class EmptyConstraintPadding
{
    /// <summary>The comment line written before a padded problem (without the leading quote).</summary>
    public static string Comment(int addedBlock) =>
        $"no constraints (m = 0): block {addedBlock} is an added 1x1 block x0 with C = 0 and the one constraint " +
        "x0 = 1, because CSDP and SDPA cannot read mdim = 0 (same optimal value and X on the other blocks)";

    /// <summary>The problem with the block and constraint added; only for m = 0.</summary>
    /// <exception cref="ArgumentException">The problem has constraints.</exception>
    public static SdpProblem Pad(SdpProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        if (problem.ConstraintCount != 0) throw new ArgumentException($"Only a problem with m = 0 is padded; this one has m = {problem.ConstraintCount}.");
        var added = problem.Blocks.Count;
        return new SdpProblem([.. problem.Blocks, SdpBlock.Psd(1)], problem.C,
            [new SdpMatrix([new SdpEntry(added, 0, 0, 1)])], [1]);
    }
}
