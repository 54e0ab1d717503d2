namespace SteeringRng.Sdp.LinearAlgebra;

/// <summary>
/// The dense kernels the interior-point method needs. All matrices are square, row-major, n×n; symmetric inputs are
/// stored in full. Implementations: <see cref="ManagedKernels"/> (SIMD, always present) and
/// <see cref="NativeLapack"/> (the machine's LAPACK/OpenBLAS). Both must give the same answers to rounding.
/// </summary>
internal interface IDenseKernels
{
    string Name { get; }

    /// <summary>
    /// In-place Cholesky A = L Lᵀ: the lower triangle (with diagonal) of <paramref name="a"/> becomes L; the strict
    /// upper triangle is left untouched (the Schur solver keeps the original matrix there). False if A is not
    /// numerically positive definite.
    /// </summary>
    bool Cholesky(double[] a, int n);

    /// <summary><see cref="Cholesky(double[], int)"/> of the matrix stored at a[offset ..] (an <see cref="AlignedBuffer"/>).</summary>
    bool Cholesky(double[] a, int offset, int n);

    /// <summary>Solves L Lᵀ x = b in place, with L from <see cref="Cholesky(double[], int)"/>.</summary>
    void CholeskySolve(double[] l, int n, double[] b);

    /// <summary><see cref="CholeskySolve(double[], int, double[])"/> with L stored at l[offset ..].</summary>
    void CholeskySolve(double[] l, int offset, int n, double[] b);

    /// <summary>Solves L w = b for <paramref name="count"/> right-hand sides stored as rows (overwritten), L from <see cref="Cholesky(double[], int)"/>.</summary>
    void ForwardSolveRows(double[] l, int n, double[] rows, int count);

    /// <summary>Solves Lᵀ x = b for <paramref name="count"/> right-hand sides stored as rows (overwritten), L from <see cref="Cholesky(double[], int)"/>.</summary>
    void BackwardSolveRows(double[] l, int n, double[] rows, int count);

    /// <summary><see cref="ForwardSolveRows(double[], int, double[], int)"/> with L at l[lOffset ..] and the rows at rows[rowsOffset ..] (aligned buffers, used in place).</summary>
    void ForwardSolveRows(double[] l, int lOffset, int n, double[] rows, int rowsOffset, int count);

    /// <summary><see cref="BackwardSolveRows(double[], int, double[], int)"/> with L at l[lOffset ..] and the rows at rows[rowsOffset ..].</summary>
    void BackwardSolveRows(double[] l, int lOffset, int n, double[] rows, int rowsOffset, int count);

    /// <summary>inv = (L Lᵀ)⁻¹, full symmetric.</summary>
    void CholeskyInverse(double[] l, int n, double[] inv);

    /// <summary>c = a·b.</summary>
    void Multiply(double[] a, double[] b, double[] c, int n);

    /// <summary>s ← L⁻¹ s L⁻ᵀ for symmetric s (used for the maximal step to the PSD boundary).</summary>
    void CongruenceByInverseFactor(double[] l, int n, double[] s);

    /// <summary>Smallest eigenvalue of symmetric s; s is overwritten.</summary>
    double MinEigenvalue(double[] s, int n);

    /// <summary>
    /// C ← C − A Aᵀ on the lower triangle with diagonal (the strict upper triangle is not touched): A is rows × k at
    /// a[aOffset ..], C is rows × rows at c[cOffset ..], both row-major (aligned buffers, used in place). The block-arrow
    /// factorisation's S = F − Σ_s W_s W_sᵀ.
    /// </summary>
    void SubtractGramLower(double[] a, int aOffset, int rows, int k, double[] c, int cOffset);
}
