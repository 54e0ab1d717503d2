using System.Numerics;
using MathNet.Numerics.LinearAlgebra;
using SteeringRng.Sdp;

namespace SteeringRng.Certification.Seesaw.Internal;

/// <summary>
/// Isometric real coordinates of n×n Hermitian matrices: v = (X_00, …, X_{n−1,n−1}, then for each i &lt; j
/// √2 Re X_ij, √2 Im X_ij). With them Re tr(A X) = Σ_i A_ii X_ii + Σ_{i&lt;j} 2 (Re A_ij Re X_ij + Im A_ij Im X_ij)
/// = v(A)·v(X), so orthonormal coordinate vectors are orthonormal Hermitian matrices, and linear constraints
/// ⟨A_i, X⟩ = b_i become rows of a real matrix (needed to remove redundant rows).
/// </summary>
internal static class HermitianCoordinates
{
    private static readonly double Sqrt2 = Math.Sqrt(2.0);

    public static int Count(int n) => n * n;

    public static double[] ToVector(Matrix<Complex> x)
    {
        int n = x.RowCount;
        var v = new double[n * n];
        for (int i = 0; i < n; i++) v[i] = x[i, i].Real;
        int t = n;
        for (int i = 0; i < n; i++)
            for (int j = i + 1; j < n; j++)
            {
                // Average the two triangles so a slightly non-Hermitian input maps to its Hermitian part.
                var z = (x[i, j] + Complex.Conjugate(x[j, i])) * 0.5;
                v[t++] = Sqrt2 * z.Real;
                v[t++] = Sqrt2 * z.Imaginary;
            }
        return v;
    }

    public static Matrix<Complex> FromVector(ReadOnlySpan<double> v, int n)
    {
        var x = Matrix<Complex>.Build.Dense(n, n);
        for (int i = 0; i < n; i++) x[i, i] = v[i];
        int t = n;
        for (int i = 0; i < n; i++)
            for (int j = i + 1; j < n; j++)
            {
                var z = new Complex(v[t], v[t + 1]) / Sqrt2;
                t += 2;
                x[i, j] = z;
                x[j, i] = Complex.Conjugate(z);
            }
        return x;
    }

    /// <summary>The orthonormal Hermitian basis element with coordinate vector e_t.</summary>
    public static Matrix<Complex> BasisElement(int t, int n)
    {
        var v = new double[n * n];
        v[t] = 1;
        return FromVector(v, n);
    }

    /// <summary>
    /// SDP entries (upper triangle, Imag on off-diagonal entries) of the Hermitian matrix with coordinates
    /// v[offset .. offset+n²), placed in <paramref name="block"/>; entries with |value| ≤ drop are omitted.
    /// </summary>
    public static void AppendEntries(List<SdpEntry> entries, ReadOnlySpan<double> v, int n, int block, double drop = 0)
    {
        for (int i = 0; i < n; i++)
            if (Math.Abs(v[i]) > drop) entries.Add(new SdpEntry(block, i, i, v[i]));
        int t = n;
        for (int i = 0; i < n; i++)
            for (int j = i + 1; j < n; j++)
            {
                double re = v[t] / Sqrt2, im = v[t + 1] / Sqrt2;
                t += 2;
                if (Math.Abs(re) > drop || Math.Abs(im) > drop) entries.Add(new SdpEntry(block, i, j, re, im));
            }
    }

    public static void AppendEntries(List<SdpEntry> entries, Matrix<Complex> x, int block, double drop = 0) =>
        AppendEntries(entries, ToVector(x), x.RowCount, block, drop);

    /// <summary>A Hermitian block value (row-major Re/Im) returned by a solver, as a matrix.</summary>
    public static Matrix<Complex> FromBlockValue(SdpBlockValue value)
    {
        int n = value.Shape.Size;
        if (value.Re.Length != n * n || (value.Im is not null && value.Im.Length != n * n))
            throw new InvalidOperationException($"A solver returned a block of {value.Re.Length} entries for a {n}×{n} block.");
        var x = Matrix<Complex>.Build.Dense(n, n);
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                x[i, j] = new Complex(value.Re[i * n + j], value.Im?[i * n + j] ?? 0.0);
        return DenseOps.HermitianPart(x);
    }
}
