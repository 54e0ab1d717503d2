namespace SteeringRng.Sdp.Sdpa;

/// <summary>
/// Real form of Hermitian blocks, for tools without complex numbers (the SDPA format, CSDP, DSDP).
/// <para>
/// A Hermitian H = A + iB (A symmetric, B antisymmetric) is PSD exactly when the real 2n×2n matrix
/// M(H) = [[A, −B], [B, A]] is PSD, and for Hermitian U, V:  tr(M(U) M(V)) = 2 tr(AᵤAᵥ − BᵤBᵥ) = 2 Re tr(UV).
/// So the embedded inner product is twice ours, and the data are embedded at half scale:
/// C̃ = ½ M(C), Ã_i = ½ M(A_i). Then ⟨C̃, M(X)⟩ = ⟨C, X⟩ and ⟨Ã_i, M(X)⟩ = ⟨A_i, X⟩, b and y are unchanged, and
/// Z̃ = Σ y_i Ã_i − C̃ = ½ M(Z). The optimum is unchanged: any PSD real X̃ can be replaced by its average with
/// J X̃ Jᵀ (J = [[0, −I], [I, 0]]), which has the form M(X), stays PSD and has the same values on C̃ and Ã_i.
/// Back from a real solution: X = unembed(X̃) and Z = 2 unembed(Z̃), where unembed averages the two copies.
/// </para>
/// </summary>
public static class HermitianEmbedding
{
    /// <summary>Whether any block of the problem is HermitianPsd.</summary>
    public static bool HasHermitianBlocks(SdpProblem problem) =>
        problem.Blocks.Any(b => b.Kind == SdpConeKind.HermitianPsd);

    /// <summary>The block shape after embedding: Hermitian n becomes Psd 2n; the others stay.</summary>
    public static SdpBlock EmbeddedShape(SdpBlock block) =>
        block.Kind == SdpConeKind.HermitianPsd ? SdpBlock.Psd(2 * block.Size) : block;

    /// <summary>The same problem with every Hermitian block replaced by its half-scale real embedding.</summary>
    public static SdpProblem ToReal(SdpProblem problem)
    {
        if (!HasHermitianBlocks(problem)) return problem;
        return new SdpProblem(
            problem.Blocks.Select(EmbeddedShape).ToArray(),
            Embed(problem.C, problem.Blocks),
            problem.A.Select(a => Embed(a, problem.Blocks)).ToArray(),
            problem.B);
    }

    /// <summary>Embeds the entries of one matrix; entries of non-Hermitian blocks are kept as they are.</summary>
    public static SdpMatrix Embed(SdpMatrix matrix, IReadOnlyList<SdpBlock> blocks)
    {
        var result = new List<SdpEntry>(matrix.Entries.Count);
        foreach (var e in matrix.Entries)
        {
            if (blocks[e.Block].Kind != SdpConeKind.HermitianPsd) { result.Add(e); continue; }
            var n = blocks[e.Block].Size;
            // Upper triangle of ½ M(H) for H_rc = v + iw (r ≤ c): A_rc in both diagonal copies,
            // and −B in the upper-right block: (r, n+c) holds −w, (c, n+r) holds −B_cr = +w.
            result.Add(new SdpEntry(e.Block, e.Row, e.Col, e.Value / 2));
            result.Add(new SdpEntry(e.Block, n + e.Row, n + e.Col, e.Value / 2));
            if (e.Row != e.Col && e.Imag != 0)
            {
                result.Add(new SdpEntry(e.Block, e.Row, n + e.Col, -e.Imag / 2));
                result.Add(new SdpEntry(e.Block, e.Col, n + e.Row, e.Imag / 2));
            }
        }
        return new SdpMatrix(result);
    }

    /// <summary>
    /// A solution of <see cref="ToReal"/>(<paramref name="problem"/>) as a solution of <paramref name="problem"/>: y is
    /// the same, Hermitian blocks come back as X = unembed(X̃), Z = 2·unembed(Z̃), the other blocks as they are. The
    /// objectives and the DIMACS errors are the real problem's, which equal the original's: every Ã_i and C̃ is
    /// invariant under X̃ ↦ J X̃ Jᵀ, so the averaged X has the same inner products.
    /// </summary>
    public static SdpSolution FromReal(SdpProblem problem, SdpSolution real) =>
        !HasHermitianBlocks(problem) ? real : real with { X = BlocksFromReal(problem, real.X, 1), Z = BlocksFromReal(problem, real.Z, 2) };

    /// <summary>
    /// Block values of the real embedding back in <paramref name="problem"/>'s blocks: each Hermitian block by
    /// <see cref="Unembed"/> with <paramref name="scale"/> (1 for X, 2 for Z), the others as they are. No values (a
    /// failed solve) stay none; any other count than the problem's blocks is a caller's error.
    /// </summary>
    public static SdpBlockValue[] BlocksFromReal(SdpProblem problem, IReadOnlyList<SdpBlockValue> values, double scale)
    {
        if (values.Count == 0) return [];
        if (values.Count != problem.Blocks.Count)
            throw new ArgumentException($"{values.Count} block values for a problem of {problem.Blocks.Count} blocks", nameof(values));
        return values.Select((v, k) => problem.Blocks[k].Kind == SdpConeKind.HermitianPsd ? Unembed(v.Re, problem.Blocks[k].Size, scale) : v).ToArray();
    }

    /// <summary>
    /// The Hermitian n×n value from a real symmetric 2n×2n value [[P, Q], [R, S]] (row-major), averaging the
    /// copies: Re = scale·(P + S)/2, Im = scale·(R − Q)/2. Use scale 1 for X and 2 for Z.
    /// </summary>
    public static SdpBlockValue Unembed(double[] real2n, int n, double scale)
    {
        var re = new double[n * n];
        var im = new double[n * n];
        var w = 2 * n;
        for (var r = 0; r < n; r++)
        for (var c = 0; c < n; c++)
        {
            re[r * n + c] = scale * (real2n[r * w + c] + real2n[(n + r) * w + n + c]) / 2;
            im[r * n + c] = scale * (real2n[(n + r) * w + c] - real2n[r * w + n + c]) / 2;
        }
        return new SdpBlockValue(SdpBlock.Hermitian(n), re, im);
    }
}
