using System.Numerics;
using MathNet.Numerics.LinearAlgebra;

namespace SteeringRng.Quantum;

/// <summary>
/// A validated density matrix on C^{d_0} ⊗ … ⊗ C^{d_{n−1}}: Hermitian, positive semidefinite, trace 1
/// (each within a tolerance). Immutable; <see cref="Matrix"/> returns a copy.
/// </summary>
public sealed class DensityMatrix
{
    private readonly Matrix<Complex> _rho;

    private DensityMatrix(Matrix<Complex> rho, int[] dims)
    {
        _rho = rho;
        Dimensions = dims;
    }

    /// <summary>Local dimensions d_p, party 0 first.</summary>
    public IReadOnlyList<int> Dimensions { get; }

    public int PartyCount => Dimensions.Count;

    /// <summary>Total dimension Π d_p.</summary>
    public int Size => _rho.RowCount;

    /// <summary>A copy of ρ.</summary>
    public Matrix<Complex> Matrix => _rho.Clone();

    public Complex this[int row, int col] => _rho[row, col];

    /// <summary>
    /// Validates ρ: dimension Π d_p, Hermitian, PSD and trace 1 within <paramref name="tolerance"/>; the stored
    /// matrix is the Hermitian part (ρ + ρ†)/2 so that round-off below the tolerance does not propagate.
    /// </summary>
    /// <exception cref="QuantumValidationException">Naming the first property that fails and by how much.</exception>
    public static DensityMatrix Create(Matrix<Complex> rho, IReadOnlyList<int> dimensions, double tolerance = OperatorChecks.DefaultTolerance)
    {
        if (dimensions.Count == 0 || dimensions.Any(d => d < 1))
            throw new QuantumValidationException($"Every party needs a local dimension of at least 1, got [{string.Join(", ", dimensions)}].");
        int size = dimensions.Aggregate(1, (a, b) => a * b);
        OperatorChecks.RequireSize(rho, size, $"The density matrix for local dimensions [{string.Join(", ", dimensions)}]");
        OperatorChecks.RequireHermitian(rho, "The density matrix", tolerance);
        var hermitian = (rho + rho.ConjugateTranspose()) / 2;
        double trace = hermitian.Trace().Real;
        if (Math.Abs(trace - 1) > tolerance)
            throw new QuantumValidationException($"The density matrix has trace {trace:G10}, not 1 (tolerance {tolerance:G3}).", Math.Abs(trace - 1));
        OperatorChecks.RequirePsd(hermitian, "The density matrix", tolerance);
        return new DensityMatrix(hermitian, dimensions.ToArray());
    }

    /// <summary>Validates ρ given as a rectangular array (see <see cref="Create(Matrix{Complex}, IReadOnlyList{int}, double)"/>).</summary>
    public static DensityMatrix Create(Complex[,] rho, IReadOnlyList<int> dimensions, double tolerance = OperatorChecks.DefaultTolerance) =>
        Create(OperatorChecks.FromArray(rho), dimensions, tolerance);

    /// <summary>Tr_T ρ over the parties <paramref name="parties"/>; the others keep their order.</summary>
    public DensityMatrix TraceOut(params int[] parties)
    {
        var kept = Enumerable.Range(0, PartyCount).Where(p => !parties.Contains(p)).Select(p => Dimensions[p]).ToArray();
        if (kept.Length == 0) throw new ArgumentException("Tracing out every party leaves a number, not a state.");
        return new DensityMatrix(Tensor.PartialTrace(_rho, Dimensions, parties), kept);
    }

    /// <summary>The same state with its parties reordered: new party q is old party order[q].</summary>
    public DensityMatrix Reorder(params int[] order) =>
        new(Tensor.Reorder(_rho, Dimensions, order), order.Select(p => Dimensions[p]).ToArray());

    /// <summary>ρ ⊗ τ (the parties of τ follow those of ρ).</summary>
    public DensityMatrix Kron(DensityMatrix other) =>
        new(_rho.KroneckerProduct(other._rho), Dimensions.Concat(other.Dimensions).ToArray());

    /// <summary>Tr(ρ O) for an operator on the whole space.</summary>
    public Complex Expectation(Matrix<Complex> observable)
    {
        OperatorChecks.RequireSize(observable, Size, "The observable");
        return (_rho * observable).Trace();
    }

    /// <summary>Builds a density matrix from a matrix known to be valid (internal constructions).</summary>
    internal static DensityMatrix Trusted(Matrix<Complex> rho, int[] dimensions) => new(rho, dimensions);
}
