namespace SteeringRng.Sdp.Sdpa;

/// <summary>
/// Structural checks of an <see cref="SdpProblem"/> before it leaves the process (written to a file, handed to
/// a peer): sizes agree, every entry lies in its block's upper triangle, values are finite, imaginary parts only
/// off the diagonal of Hermitian blocks, and no position is given twice in one matrix.
/// </summary>
public static class SdpProblemChecks
{
    /// <exception cref="ArgumentException">Names the first defect found.</exception>
    public static void Validate(SdpProblem problem)
    {
        if (problem.Blocks.Count == 0) throw new ArgumentException("the problem has no blocks");
        for (var k = 0; k < problem.Blocks.Count; k++)
            if (problem.Blocks[k].Size < 1)
                throw new ArgumentException($"block {k + 1} has size {problem.Blocks[k].Size}; sizes must be positive");
        if (problem.A.Count != problem.B.Length)
            throw new ArgumentException($"there are {problem.A.Count} constraint matrices but {problem.B.Length} right-hand sides");
        for (var i = 0; i < problem.B.Length; i++)
            if (!double.IsFinite(problem.B[i])) throw new ArgumentException($"b[{i + 1}] is not finite ({problem.B[i]})");
        ValidateMatrix(problem, problem.C, "C");
        for (var i = 0; i < problem.A.Count; i++) ValidateMatrix(problem, problem.A[i], $"A_{i + 1}");
    }

    private static void ValidateMatrix(SdpProblem problem, SdpMatrix matrix, string name)
    {
        var seen = new HashSet<(int, int, int)>();
        foreach (var e in matrix.Entries)
        {
            var where = $"{name} entry (block {e.Block + 1}, {e.Row + 1}, {e.Col + 1})";
            if (e.Block < 0 || e.Block >= problem.Blocks.Count)
                throw new ArgumentException($"{where}: block {e.Block + 1} does not exist (there are {problem.Blocks.Count})");
            var block = problem.Blocks[e.Block];
            if (e.Row < 0 || e.Col >= block.Size || e.Row > e.Col)
                throw new ArgumentException($"{where}: not in the upper triangle of a block of size {block.Size}");
            if (block.Kind == SdpConeKind.Nonnegative && e.Row != e.Col)
                throw new ArgumentException($"{where}: a Nonnegative block has only diagonal entries");
            if (!double.IsFinite(e.Value) || !double.IsFinite(e.Imag))
                throw new ArgumentException($"{where}: value is not finite");
            if (e.Imag != 0 && (block.Kind != SdpConeKind.HermitianPsd || e.Row == e.Col))
                throw new ArgumentException($"{where}: an imaginary part is allowed only off the diagonal of a Hermitian block");
            if (!seen.Add((e.Block, e.Row, e.Col)))
                throw new ArgumentException($"{where}: position given twice");
        }
    }
}
