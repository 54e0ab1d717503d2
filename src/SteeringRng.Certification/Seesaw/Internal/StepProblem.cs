using System.Numerics;
using MathNet.Numerics.LinearAlgebra;
using SteeringRng.Sdp;

namespace SteeringRng.Certification.Seesaw.Internal;

/// <summary>
/// One SDP of the seesaw (the sub-states, or one party's POVMs, with everything else fixed), ready to solve,
/// and how to turn the solver's X back into a candidate attack.
/// </summary>
internal sealed record StepProblem(string Name, SdpProblem Problem, double Inconsistency, Func<SdpSolution, SeesawAttack> Candidate)
{
    /// <summary>Below this an entry of an orthonormalised constraint row is rounding noise and is dropped.</summary>
    public const double EntryDropTolerance = 1e-15;

    /// <summary>
    /// The SDP max Σ_blocks ⟨C_s, X_s⟩ s.t. Σ_s ⟨A_is, X_s⟩ = b_i over Hermitian blocks of size n, with the constraint
    /// rows given in the blocks' concatenated isometric coordinates (see <see cref="HermitianCoordinates"/>);
    /// redundant rows are removed first unless the caller has done so (<paramref name="independent"/>).
    /// </summary>
    public static (SdpProblem Problem, double Inconsistency) Assemble(
        int blockCount, int blockSize, IReadOnlyList<Matrix<Complex>?> objective, double[][] rows, double[] rhs, bool independent = false)
    {
        var reduced = independent ? new IndependentRows(rows, rhs, 0, rows.Length) : IndependentRows.Reduce(rows, rhs);
        int per = HermitianCoordinates.Count(blockSize);
        var blocks = Enumerable.Repeat(SdpBlock.Hermitian(blockSize), blockCount).ToArray();
        var c = new List<SdpEntry>();
        for (int s = 0; s < blockCount; s++)
            if (objective[s] is { } cs) HermitianCoordinates.AppendEntries(c, cs, s);
        var a = new SdpMatrix[reduced.Rows.Length];
        for (int i = 0; i < a.Length; i++)
        {
            var entries = new List<SdpEntry>();
            var row = reduced.Rows[i];
            for (int s = 0; s < blockCount; s++)
                HermitianCoordinates.AppendEntries(entries, row.AsSpan(s * per, per), blockSize, s, EntryDropTolerance);
            a[i] = new SdpMatrix(entries);
        }
        return (new SdpProblem(blocks, new SdpMatrix(c), a, reduced.Rhs), reduced.Inconsistency);
    }

    /// <summary>The Hermitian X blocks of a solution, or an exception naming what is missing.</summary>
    public static Matrix<Complex>[] Blocks(SdpSolution solution, int count)
    {
        if (solution.X.Count != count)
            throw new InvalidOperationException($"The {solution.Solver} solver returned {solution.X.Count} primal blocks, expected {count} ({solution.Status}).");
        return solution.X.Select(HermitianCoordinates.FromBlockValue).ToArray();
    }
}
