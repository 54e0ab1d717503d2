using System.Globalization;

namespace SteeringRng.Sdp.Sdpa;

/// <summary>
/// Writes the SDPA sparse format (see <see cref="SdpaReader"/>). Numbers are written in the shortest form that
/// reads back to the same double ("R"), so write-then-read is bit-exact. Hermitian blocks are written as their
/// half-scale real embedding (<see cref="HermitianEmbedding"/>), announced in a comment line; reading such a file
/// gives the real problem, whose optimum is the same. A problem without constraints gets one trivial constraint on an
/// added 1×1 block (<see cref="EmptyConstraintPadding"/>), because CSDP and SDPA cannot read mdim = 0.
/// </summary>
public static class SdpaWriter
{
    /// <summary>Writes the problem; <paramref name="comments"/> become leading comment lines.</summary>
    /// <exception cref="ArgumentException">The problem is not well formed (index out of range, non-finite value…).</exception>
    public static void Write(SdpProblem problem, TextWriter writer, IEnumerable<string>? comments = null)
    {
        foreach (var comment in comments ?? [])
        foreach (var line in comment.Split('\n'))
            writer.WriteLine("\"" + line.TrimEnd('\r'));
        for (var k = 0; k < problem.Blocks.Count; k++)
        {
            if (problem.Blocks[k].Kind != SdpConeKind.HermitianPsd) continue;
            var n = problem.Blocks[k].Size;
            writer.WriteLine(
                $"\"block {k + 1} is Hermitian {n}x{n}, written as the real {2 * n}x{2 * n} block [[Re, -Im], [Im, Re]] " +
                "with its C and A entries halved (same optimum; X = the Hermitian form, Z = twice it)");
        }
        var real = HermitianEmbedding.ToReal(problem);
        if (real.ConstraintCount == 0)
        {
            writer.WriteLine("\"" + EmptyConstraintPadding.Comment(real.Blocks.Count + 1));
            real = EmptyConstraintPadding.Pad(real);
        }
        writer.WriteLine($"{real.ConstraintCount} = mdim");
        writer.WriteLine($"{real.Blocks.Count} = nblocks");
        writer.WriteLine(string.Join(' ', real.Blocks.Select(b =>
            (b.Kind == SdpConeKind.Nonnegative ? -b.Size : b.Size).ToString(CultureInfo.InvariantCulture))));
        writer.WriteLine(real.B.Length == 0 ? "" : string.Join(' ', real.B.Select(Format)));
        WriteEntries(writer, 0, real.C);
        for (var i = 0; i < real.A.Count; i++) WriteEntries(writer, i + 1, real.A[i]);
    }

    public static void WriteFile(SdpProblem problem, string path, IEnumerable<string>? comments = null)
    {
        using var writer = new StreamWriter(path);
        Write(problem, writer, comments);
    }

    /// <summary>The whole file as a string.</summary>
    public static string ToText(SdpProblem problem, IEnumerable<string>? comments = null)
    {
        var writer = new StringWriter(CultureInfo.InvariantCulture);
        Write(problem, writer, comments);
        return writer.ToString();
    }

    /// <summary>Shortest round-trip text of a double, invariant culture ("0.1", "1E-08", "-0").</summary>
    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static void WriteEntries(TextWriter writer, int matrixNumber, SdpMatrix matrix)
    {
        foreach (var e in matrix.Entries)
            writer.WriteLine($"{matrixNumber} {e.Block + 1} {e.Row + 1} {e.Col + 1} {Format(e.Value)}");
    }
}
