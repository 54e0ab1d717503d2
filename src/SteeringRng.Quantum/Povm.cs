using System.Numerics;
using MathNet.Numerics.LinearAlgebra;

namespace SteeringRng.Quantum;

/// <summary>
/// A validated POVM {M_a}: each element Hermitian PSD (d×d), Σ_a M_a = I, each within a tolerance.
/// Immutable; <see cref="Element"/> returns a copy. Outcome a is the index of M_a.
/// </summary>
public sealed class Povm
{
    private readonly Matrix<Complex>[] _elements;

    private Povm(Matrix<Complex>[] elements, string name)
    {
        _elements = elements;
        Name = name;
    }

    /// <summary>A short label for messages ("X", "MUB 2 of d=3", "POVM").</summary>
    public string Name { get; }

    public int Dimension => _elements[0].RowCount;
    public int OutcomeCount => _elements.Length;

    /// <summary>A copy of M_a.</summary>
    public Matrix<Complex> Element(int outcome) => _elements[outcome].Clone();

    /// <summary>
    /// Validates {M_a}: same size, Hermitian, PSD and Σ_a M_a = I within <paramref name="tolerance"/>.
    /// </summary>
    /// <exception cref="QuantumValidationException">Naming the element (or the sum) and the size of the violation.</exception>
    public static Povm Create(IReadOnlyList<Matrix<Complex>> elements, string name = "POVM", double tolerance = OperatorChecks.DefaultTolerance)
    {
        if (elements.Count == 0) throw new QuantumValidationException($"{name}: a POVM needs at least one element.");
        int d = elements[0].RowCount;
        var stored = new Matrix<Complex>[elements.Count];
        for (int a = 0; a < elements.Count; a++)
        {
            string what = $"{name} element {a}";
            OperatorChecks.RequireSize(elements[a], d, what);
            OperatorChecks.RequireHermitian(elements[a], what, tolerance);
            stored[a] = (elements[a] + elements[a].ConjugateTranspose()) / 2;
            OperatorChecks.RequirePsd(stored[a], what, tolerance);
        }
        var sum = stored.Aggregate((x, y) => x + y);
        var gap = sum - Matrix<Complex>.Build.DenseIdentity(d);
        double worst = 0;
        int row = 0, col = 0;
        for (int i = 0; i < d; i++)
            for (int j = 0; j < d; j++)
                if (gap[i, j].Magnitude > worst) (worst, row, col) = (gap[i, j].Magnitude, i, j);
        if (worst > tolerance)
            throw new QuantumValidationException(
                $"The elements of {name} do not sum to the identity; the largest |Σ_a M_a − I| entry is {worst:G6} at ({row},{col}) (tolerance {tolerance:G3}).", worst);
        return new Povm(stored, name);
    }

    /// <summary>Validates a POVM given as arrays.</summary>
    public static Povm Create(IReadOnlyList<Complex[,]> elements, string name = "POVM", double tolerance = OperatorChecks.DefaultTolerance) =>
        Create(elements.Select(OperatorChecks.FromArray).ToArray(), name, tolerance);

    /// <summary>The projective measurement onto an orthonormal basis given as the columns of a unitary.</summary>
    internal static Povm FromBasis(Matrix<Complex> basisColumns, string name) =>
        new(Enumerable.Range(0, basisColumns.ColumnCount)
                .Select(j => basisColumns.Column(j).OuterProduct(basisColumns.Column(j).Conjugate()))
                .ToArray(), name);
}
