using SteeringRng.Sdp.LinearAlgebra;

namespace SteeringRng.Sdp.Sdpa;

/// <summary>
/// Dense arithmetic on block values (<see cref="SdpBlockValue"/>) and sparse matrices (<see cref="SdpMatrix"/>)
/// with ⟨U, V⟩ = Re tr(UV) blockwise. Storage: Psd and Hermitian blocks are full row-major n×n (Re, Im);
/// Nonnegative blocks hold their n diagonal entries.
/// </summary>
public static class BlockAlgebra
{
    /// <summary>Zero values shaped like the problem's blocks (Im allocated for Hermitian blocks).</summary>
    public static SdpBlockValue[] Zeros(IReadOnlyList<SdpBlock> blocks) =>
        blocks.Select(b => new SdpBlockValue(b, new double[Length(b)],
            b.Kind == SdpConeKind.HermitianPsd ? new double[b.Size * b.Size] : null)).ToArray();

    /// <summary>Number of stored reals per part: n for Nonnegative, n² otherwise.</summary>
    public static int Length(SdpBlock b) => b.Kind == SdpConeKind.Nonnegative ? b.Size : b.Size * b.Size;

    /// <summary>D += coefficient · M, filling both triangles (M_cr = conj(M_rc)).</summary>
    public static void AddSparse(SdpBlockValue[] dense, SdpMatrix matrix, double coefficient)
    {
        foreach (var e in matrix.Entries)
        {
            var block = dense[e.Block];
            if (block.Shape.Kind == SdpConeKind.Nonnegative) { block.Re[e.Row] += coefficient * e.Value; continue; }
            var n = block.Shape.Size;
            block.Re[e.Row * n + e.Col] += coefficient * e.Value;
            if (block.Im is { } im) im[e.Row * n + e.Col] += coefficient * e.Imag;
            if (e.Row == e.Col) continue;
            block.Re[e.Col * n + e.Row] += coefficient * e.Value;
            if (block.Im is { } im2) im2[e.Col * n + e.Row] -= coefficient * e.Imag;
        }
    }

    /// <summary>
    /// ⟨M, X⟩ for sparse M (upper triangle) and dense Hermitian/symmetric X: a diagonal entry gives v·x_rr, an
    /// off-diagonal pair (r, c), (c, r) gives 2 Re((v + iw) conj(x_rc)) = 2(v Re x_rc + w Im x_rc).
    /// </summary>
    public static double Inner(SdpMatrix matrix, IReadOnlyList<SdpBlockValue> x)
    {
        double sum = 0;
        foreach (var e in matrix.Entries)
        {
            var block = x[e.Block];
            if (block.Shape.Kind == SdpConeKind.Nonnegative) { sum += e.Value * block.Re[e.Row]; continue; }
            var at = e.Row * block.Shape.Size + e.Col;
            var term = e.Value * block.Re[at] + (block.Im is { } im ? e.Imag * im[at] : 0);
            sum += e.Row == e.Col ? term : 2 * term;
        }
        return sum;
    }

    /// <summary>⟨U, V⟩ = Re tr(UV) = Σ_rc (Re U_rc Re V_rc + Im U_rc Im V_rc) for Hermitian V.</summary>
    public static double Inner(IReadOnlyList<SdpBlockValue> u, IReadOnlyList<SdpBlockValue> v)
    {
        double sum = 0;
        for (var k = 0; k < u.Count; k++)
        {
            sum += Dot(u[k].Re, v[k].Re);
            if (u[k].Im is { } ui && v[k].Im is { } vi) sum += Dot(ui, vi);
        }
        return sum;
    }

    /// <summary>Frobenius norm over all blocks (a Nonnegative block counts as its diagonal).</summary>
    public static double FrobeniusNorm(IReadOnlyList<SdpBlockValue> u) => Math.Sqrt(Inner(u, u));

    /// <summary>Σ |M_rc| over the full matrix (complex modulus; off-diagonal entries count twice).</summary>
    public static double EntrywiseOneNorm(SdpMatrix matrix) =>
        matrix.Entries.Sum(e => (e.Row == e.Col ? 1 : 2) * Math.Sqrt(e.Value * e.Value + e.Imag * e.Imag));

    /// <summary>
    /// Smallest eigenvalue over all blocks: the smallest entry of a Nonnegative block; for a Hermitian block
    /// that of its real form [[Re, −Im], [Im, Re]], which has the same eigenvalues (each twice).
    /// </summary>
    public static double MinEigenvalue(IReadOnlyList<SdpBlockValue> u)
    {
        var min = double.PositiveInfinity;
        foreach (var block in u)
        {
            var n = block.Shape.Size;
            var value = block.Shape.Kind switch
            {
                SdpConeKind.Nonnegative => block.Re.Min(),
                SdpConeKind.HermitianPsd => SymmetricEigen.MinEigenvalue(RealForm(block), 2 * n),
                _ => SymmetricEigen.MinEigenvalue((double[])block.Re.Clone(), n), // it overwrites its argument
            };
            min = Math.Min(min, value);
        }
        return min;
    }

    /// <summary>The real symmetric 2n×2n form [[Re, −Im], [Im, Re]] of a Hermitian block.</summary>
    public static double[] RealForm(SdpBlockValue block)
    {
        var n = block.Shape.Size;
        var im = block.Im ?? new double[n * n];
        var w = 2 * n;
        var real = new double[w * w];
        for (var r = 0; r < n; r++)
        for (var c = 0; c < n; c++)
        {
            var re = block.Re[r * n + c];
            real[r * w + c] = re;
            real[(n + r) * w + n + c] = re;
            real[(n + r) * w + c] = im[r * n + c];
            real[r * w + n + c] = -im[r * n + c];
        }
        return real;
    }

    private static double Dot(double[] a, double[] b)
    {
        double s = 0;
        for (var i = 0; i < a.Length; i++) s += a[i] * b[i];
        return s;
    }
}
