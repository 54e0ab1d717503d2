namespace SteeringRng.Sdp.Internal;

/// <summary>
/// How one user block is stored inside the solver: a dense real symmetric Dim×Dim matrix (row-major, full),
/// or a vector of Dim entries for a Nonnegative block.
/// </summary>
/// <remarks>
/// A HermitianPsd block H = P + iQ of size n is embedded as the real symmetric block E(H) = [[P, −Q], [Q, P]]
/// of size 2n. E is an algebra homomorphism (E(UV) = E(U)E(V)), so H ⪰ 0 ⇔ E(H) ⪰ 0, and
/// ⟨E(U), E(V)⟩ = tr(E(U)E(V)) = 2 Re tr(UV). The solver works with A_i ↦ E(A_i), C ↦ E(C), so the internal
/// primal variable is E(X)/2 and the internal slack is E(Z). Cost: the block is 2× larger, every dense O(n³)
/// kernel (Cholesky, products, eigenvalues) costs (2n)³ = 8× the complex flop count in real arithmetic
/// (≈ 2× what native complex arithmetic would need, since a complex multiply is 4 real ones), each sparse
/// entry becomes up to 4 real entries (so F3 Schur pairs cost up to 16×), and memory is 4× n² reals.
/// </remarks>
internal sealed class BlockLayout
{
    public BlockLayout(SdpBlock shape)
    {
        Shape = shape;
        IsDiagonal = shape.Kind == SdpConeKind.Nonnegative;
        IsHermitian = shape.Kind == SdpConeKind.HermitianPsd;
        Dim = IsHermitian ? 2 * shape.Size : shape.Size;
    }

    public SdpBlock Shape { get; }

    /// <summary>Internal dimension: n, or 2n for an embedded Hermitian block.</summary>
    public int Dim { get; }

    public bool IsDiagonal { get; }

    public bool IsHermitian { get; }

    /// <summary>Number of doubles the internal value occupies.</summary>
    public int Length => IsDiagonal ? Dim : Dim * Dim;

    /// <summary>Scale from internal primal block to the user's X: X = E⁻¹(2·X_int) for Hermitian blocks.</summary>
    public double PrimalScale => IsHermitian ? 2.0 : 1.0;

    /// <summary>‖E(M)‖_F = √2 ‖M‖_F, so internal Frobenius norms are divided by this.</summary>
    public double FrobeniusScale => IsHermitian ? Math.Sqrt(2.0) : 1.0;

    /// <summary>Converts a user value into the internal representation times <paramref name="scale"/> (E(H)·scale).</summary>
    public double[] FromUser(SdpBlockValue value, double scale)
    {
        if (value.Shape != Shape) throw new ArgumentException($"A block value has shape {value.Shape}, expected {Shape}.");
        var expected = IsDiagonal ? Shape.Size : Shape.Size * Shape.Size;
        if (value.Re.Length != expected || (value.Im is not null && value.Im.Length != expected))
            throw new ArgumentException($"A {Shape.Kind} block of size {Shape.Size} needs {expected} entries, got {value.Re.Length}.");
        if (!IsHermitian) return value.Re.Select(v => v * scale).ToArray();
        var n = Shape.Size;
        var d = Dim;
        var e = new double[d * d];
        for (var r = 0; r < n; r++)
        for (var c = 0; c < n; c++)
        {
            var re = scale * value.Re[r * n + c];
            var im = scale * (value.Im?[r * n + c] ?? 0);
            e[r * d + c] = e[(r + n) * d + c + n] = re;  // [[P, −Q], [Q, P]]
            e[(r + n) * d + c] = im;
            e[r * d + c + n] = -im;
        }
        return e;
    }

    /// <summary>Converts an internal value back into the user's representation (undoing the embedding).</summary>
    public SdpBlockValue ToUser(double[] internalValue, double scale)
    {
        if (IsDiagonal) return new SdpBlockValue(Shape, internalValue.Select(v => v * scale).ToArray());
        if (!IsHermitian) return new SdpBlockValue(Shape, internalValue.Select(v => v * scale).ToArray());
        // E(H) = [[P, −Q], [Q, P]]: average the two copies to absorb rounding asymmetry.
        var n = Shape.Size;
        var d = Dim;
        var re = new double[n * n];
        var im = new double[n * n];
        for (var r = 0; r < n; r++)
        for (var c = 0; c < n; c++)
        {
            re[r * n + c] = scale * 0.5 * (internalValue[r * d + c] + internalValue[(r + n) * d + c + n]);
            im[r * n + c] = scale * 0.5 * (internalValue[(r + n) * d + c] - internalValue[r * d + c + n]);
        }
        return new SdpBlockValue(Shape, re, im);
    }
}
