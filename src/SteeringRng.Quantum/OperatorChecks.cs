using System.Numerics;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;

namespace SteeringRng.Quantum;

/// <summary>
/// Measured properties of a square complex matrix, each with the size and place of its violation, so that
/// a validation message can say precisely what is wrong.
/// </summary>
public static class OperatorChecks
{
    /// <summary>Default tolerance for Hermiticity, positivity and trace checks of numbers given by a user.</summary>
    public const double DefaultTolerance = 1e-9;

    /// <summary>The largest |M − M†| entry and where it is (row, column).</summary>
    public static (double Size, int Row, int Col) HermiticityDefect(Matrix<Complex> m)
    {
        double worst = 0;
        int row = 0, col = 0;
        for (int i = 0; i < m.RowCount; i++)
            for (int j = i; j < m.ColumnCount; j++)
            {
                double gap = (m[i, j] - Complex.Conjugate(m[j, i])).Magnitude;
                if (gap > worst) (worst, row, col) = (gap, i, j);
            }
        return (worst, row, col);
    }

    /// <summary>
    /// Eigenvalues (ascending) of the Hermitian part H = (M + M†)/2. H is split into the connected components of the graph
    /// of its exactly nonzero entries: permuted to those components it is block-diagonal, so its spectrum is the union of
    /// the blocks' (exact, not an approximation; block attacks and classical registers give hundreds of small blocks, and
    /// one dense eigendecomposition of dimension n costs O(n³)).
    /// </summary>
    public static double[] Eigenvalues(Matrix<Complex> m)
    {
        var h = (m + m.ConjugateTranspose()) / 2;
        var values = new List<double>(h.RowCount);
        foreach (var component in Components(h))
        {
            if (component.Length == h.RowCount)
                values.AddRange(h.Evd(Symmetricity.Hermitian).EigenValues.Select(z => z.Real));
            else
            {
                var block = Matrix<Complex>.Build.Dense(component.Length, component.Length, (i, j) => h[component[i], component[j]]);
                values.AddRange(component.Length == 1 ? [block[0, 0].Real] : block.Evd(Symmetricity.Hermitian).EigenValues.Select(z => z.Real));
            }
        }
        values.Sort();
        return values.ToArray();
    }

    /// <summary>The connected components (index sets) of the graph with an edge i–j wherever h_ij ≠ 0.</summary>
    private static List<int[]> Components(Matrix<Complex> h)
    {
        int n = h.RowCount;
        var label = Enumerable.Repeat(-1, n).ToArray();
        var components = new List<int[]>();
        var array = h.Storage is MathNet.Numerics.LinearAlgebra.Storage.DenseColumnMajorMatrixStorage<Complex> dense ? dense.Data : h.ToColumnMajorArray();
        for (int start = 0; start < n; start++)
        {
            if (label[start] >= 0) continue;
            var members = new List<int> { start };
            label[start] = components.Count;
            for (int next = 0; next < members.Count; next++)
            {
                int i = members[next];
                for (int j = 0; j < n; j++)
                    if (label[j] < 0 && array[(long)j * n + i] != Complex.Zero)
                    {
                        label[j] = components.Count;
                        members.Add(j);
                    }
            }
            members.Sort();
            components.Add(members.ToArray());
        }
        return components;
    }

    /// <summary>The smallest eigenvalue of the Hermitian part.</summary>
    public static double MinEigenvalue(Matrix<Complex> m) => Eigenvalues(m)[0];

    /// <summary>Throws unless <paramref name="m"/> is square of the expected size.</summary>
    public static void RequireSize(Matrix<Complex> m, int size, string what)
    {
        if (m.RowCount != size || m.ColumnCount != size)
            throw new QuantumValidationException($"{what}: wrong dimension, expected {size}×{size}, got {m.RowCount}×{m.ColumnCount}.");
    }

    /// <summary>Throws unless <paramref name="m"/> is Hermitian within the tolerance.</summary>
    public static void RequireHermitian(Matrix<Complex> m, string what, double tolerance)
    {
        var (size, row, col) = HermiticityDefect(m);
        if (size > tolerance)
            throw new QuantumValidationException(
                $"{what} is not Hermitian: the largest |M − M†| entry is {size:G6} at ({row},{col}) (tolerance {tolerance:G3}).", size);
    }

    /// <summary>Throws unless <paramref name="m"/> is positive semidefinite within the tolerance.</summary>
    public static void RequirePsd(Matrix<Complex> m, string what, double tolerance)
    {
        double min = MinEigenvalue(m);
        if (min < -tolerance)
            throw new QuantumValidationException(
                $"{what} is not positive semidefinite: its most negative eigenvalue is {min:G6} (tolerance {tolerance:G3}).", -min);
    }

    /// <summary>Copies a rectangular array into a matrix.</summary>
    public static Matrix<Complex> FromArray(Complex[,] values) => Matrix<Complex>.Build.DenseOfArray(values);
}
