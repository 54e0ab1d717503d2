using System.Numerics;
using MathNet.Numerics.LinearAlgebra;
using SteeringRng.Sdp;

namespace SteeringRng.Certification.Seesaw.Internal;

/// <summary>
/// One SDP of the seesaw (the sub-states, or one party's POVMs, with everything else fixed), ready to solve,
/// and how to turn the solver's X back into a candidate attack.
/// </summary>
internal sealed record StepProblem(string Name, SdpProblem Problem, double Inconsistency, Func<SdpSolution, BlockAttack> Candidate)
{
    /// <summary>Below this an entry of an orthonormalised constraint row is rounding noise and is dropped.</summary>
    public const double EntryDropTolerance = 1e-15;

    /// <summary>
    /// The SDP max Σ_blocks ⟨C_s, X_s⟩ s.t. Σ_s ⟨A_is, X_s⟩ = b_i over Hermitian blocks of sizes n_s, with the
    /// constraint rows given in the blocks' concatenated isometric coordinates (see <see cref="HermitianCoordinates"/>;
    /// block s occupies n_s² coordinates); redundant rows are removed first unless the caller has done so
    /// (<paramref name="independent"/>).
    /// </summary>
    public static (SdpProblem Problem, double Inconsistency) Assemble(
        IReadOnlyList<int> blockSizes, IReadOnlyList<Matrix<Complex>?> objective, double[][] rows, double[] rhs, bool independent = false)
    {
        var reduced = independent ? new IndependentRows(rows, rhs, 0, rows.Length) : IndependentRows.Reduce(rows, rhs);
        var offsets = CoordinateOffsets(blockSizes);
        var blocks = blockSizes.Select(SdpBlock.Hermitian).ToArray();
        var c = new List<SdpEntry>();
        for (int s = 0; s < blocks.Length; s++)
            if (objective[s] is { } cs) HermitianCoordinates.AppendEntries(c, cs, s);
        var a = new SdpMatrix[reduced.Rows.Length];
        for (int i = 0; i < a.Length; i++)
        {
            var entries = new List<SdpEntry>();
            var row = reduced.Rows[i];
            for (int s = 0; s < blocks.Length; s++)
                HermitianCoordinates.AppendEntries(entries, row.AsSpan(offsets[s], HermitianCoordinates.Count(blockSizes[s])),
                    blockSizes[s], s, EntryDropTolerance);
            a[i] = new SdpMatrix(entries);
        }
        return (new SdpProblem(blocks, new SdpMatrix(c), a, reduced.Rhs), reduced.Inconsistency);
    }

    /// <summary>Where each block's coordinates start in a concatenated row (the last entry is the row length).</summary>
    public static int[] CoordinateOffsets(IReadOnlyList<int> blockSizes)
    {
        var offsets = new int[blockSizes.Count + 1];
        for (int s = 0; s < blockSizes.Count; s++) offsets[s + 1] = offsets[s] + HermitianCoordinates.Count(blockSizes[s]);
        return offsets;
    }

    /// <summary>The Hermitian X blocks of a solution, or an exception naming what is missing.</summary>
    public static Matrix<Complex>[] Blocks(SdpSolution solution, int count)
    {
        if (solution.X.Count != count)
            throw new InvalidOperationException($"The {solution.Solver} solver returned {solution.X.Count} primal blocks, expected {count} ({solution.Status}).");
        return solution.X.Select(HermitianCoordinates.FromBlockValue).ToArray();
    }
}
