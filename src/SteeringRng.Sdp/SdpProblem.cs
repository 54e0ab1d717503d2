namespace SteeringRng.Sdp;

/// <summary>
/// A block-diagonal SDP in the SDPA/CSDP primal–dual standard form:
/// <code>
///   (P)  max ⟨C, X⟩          s.t.  ⟨A_i, X⟩ = b_i  (i = 1..m),   X ⪰ 0
///   (D)  min bᵀy             s.t.  Z = Σ_i y_i A_i − C ⪰ 0
/// </code>
/// In an SDPA file, the "c vector" is b, F0 is C and F_i is A_i. ⟨U, V⟩ = Re tr(U V) blockwise; on a
/// Nonnegative block it is the dot product of the diagonals.
/// The "moment form" of NPA relaxations, max gᵀw s.t. F0 − Σ w_i F_i ⪰ 0, is (D) with y = w, b = −g,
/// A_i = −F_i, C = −F0 (its optimum is −(optimum of D)); see <see cref="FromMomentForm"/>.
/// </summary>
public sealed class SdpProblem
{
    /// <summary>Creates and validates a problem.</summary>
    /// <exception cref="ArgumentException">
    /// Names the first bad datum: a block index out of range, Row &gt; Col, a duplicate position, an off-diagonal
    /// entry in a Nonnegative block, an imaginary part in a real block or on a diagonal, a non-finite number, or
    /// A and b of different lengths.
    /// </exception>
    public SdpProblem(IReadOnlyList<SdpBlock> blocks, SdpMatrix c, IReadOnlyList<SdpMatrix> a, double[] b)
    {
        ProblemValidation.Check(blocks, c, a, b);
        Blocks = blocks;
        C = c;
        A = a;
        B = b;
    }

    private SdpProblem(SdpProblem shape, SdpMatrix c)
    {
        ProblemValidation.CheckObjective(shape.Blocks, c);
        Blocks = shape.Blocks;
        C = c;
        A = shape.A;
        B = shape.B;
    }

    /// <summary>
    /// The same problem with another objective matrix C (SDPA F0). Relaxations put the observed data only into C,
    /// so a parameter sweep swaps C through this method: A and b are shared, and only C is validated again.
    /// </summary>
    /// <exception cref="ArgumentException">As for the constructor, for the entries of <paramref name="c"/>.</exception>
    public SdpProblem WithObjective(SdpMatrix c) => new(this, c);

    /// <summary>Diagonal blocks, in order.</summary>
    public IReadOnlyList<SdpBlock> Blocks { get; }

    /// <summary>Primal objective matrix C (SDPA F0).</summary>
    public SdpMatrix C { get; }

    /// <summary>Constraint matrices A_1..A_m (SDPA F1..Fm).</summary>
    public IReadOnlyList<SdpMatrix> A { get; }

    /// <summary>Right-hand sides b (SDPA c vector), length m.</summary>
    public double[] B { get; }

    /// <summary>Number of constraints m (number of free dual variables y).</summary>
    public int ConstraintCount => B.Length;

    /// <summary>
    /// Builds (D) from the moment form  max gᵀw  s.t.  F0 − Σ w_i F_i ⪰ 0.
    /// The optimum of the moment form is −(the dual objective of the returned problem).
    /// </summary>
    public static SdpProblem FromMomentForm(
        IReadOnlyList<SdpBlock> blocks, SdpMatrix f0, IReadOnlyList<SdpMatrix> f, double[] g)
    {
        ArgumentNullException.ThrowIfNull(f0);
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(g);
        // One pass over the entries; the F_i of NPA relaxations have a handful of entries each, so this is O(nnz).
        static SdpMatrix Negate(SdpMatrix m)
        {
            var src = m.Entries;
            var dst = new SdpEntry[src.Count];
            for (var k = 0; k < dst.Length; k++) dst[k] = src[k] with { Value = -src[k].Value, Imag = -src[k].Imag };
            return new SdpMatrix(dst);
        }
        var a = new SdpMatrix[f.Count];
        for (var i = 0; i < a.Length; i++) a[i] = Negate(f[i] ?? throw new ArgumentException($"f[{i}] is null."));
        var b = new double[g.Length];
        for (var i = 0; i < b.Length; i++) b[i] = -g[i];
        return new SdpProblem(blocks, Negate(f0), a, b);
    }
}
