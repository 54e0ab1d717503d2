using System.Globalization;
using SteeringRng.Sdp;
using SteeringRng.Sdp.Sdpa;

namespace SteeringRng.Peers;

/// <summary>A primal–dual point read from a peer's solution file, in the shape of the (real) problem given to it.</summary>
public sealed record PeerPoint(double[] Y, SdpBlockValue[] Z, SdpBlockValue[] X);

/// <summary>
/// Reads the solution file that CSDP writes (and DSDP writes with -save): the first line holds y_1..y_m,
/// then one line per stored entry, "1 blk i j v" for Z and "2 blk i j v" for X (1-based, one triangle;
/// both triangles are filled here). Unlisted entries are zero.
/// </summary>
public static class SdpaSolutionFile
{
    public static PeerPoint Read(string path, SdpProblem realProblem)
    {
        using var reader = new StreamReader(path);
        try { return Read(reader, realProblem); }
        catch (SdpaFormatException e) { throw e.InFile(path); }
    }

    public static PeerPoint Read(TextReader reader, SdpProblem realProblem)
    {
        var m = realProblem.ConstraintCount;
        var z = BlockAlgebra.Zeros(realProblem.Blocks);
        var x = BlockAlgebra.Zeros(realProblem.Blocks);
        var lexer = new SdpaLexer(reader);
        var y = new List<double>(m);
        while (y.Count < m)
        {
            var tokens = lexer.NextTokenLine()
                ?? throw new SdpaFormatException(lexer.LineNumber + 1, $"unexpected end of file: expected {m} values of y, found {y.Count}");
            y.AddRange(tokens.Take(m - y.Count).Select(t => Number(t, "y value")));
        }
        while (lexer.NextTokenLine() is { } tokens)
        {
            if (tokens.Count != 5)
                throw new SdpaFormatException(tokens[0].Line, $"expected 'matno blkno i j value' (5 numbers), found {tokens.Count}");
            var which = Integer(tokens[0], "matrix number (1 for Z, 2 for X)");
            if (which is not (1 or 2)) throw tokens[0].Error($"matrix number must be 1 (Z) or 2 (X), got {which}");
            var blockNumber = Integer(tokens[1], "block number");
            if (blockNumber < 1 || blockNumber > realProblem.Blocks.Count)
                throw tokens[1].Error($"block {blockNumber} does not exist (nblocks = {realProblem.Blocks.Count})");
            var block = (which == 1 ? z : x)[blockNumber - 1];
            var n = block.Shape.Size;
            var i = Integer(tokens[2], "row index") - 1;
            var j = Integer(tokens[3], "column index") - 1;
            if (i < 0 || j < 0 || i >= n || j >= n)
                throw new SdpaFormatException(tokens[0].Line, $"entry ({i + 1}, {j + 1}) is outside block {blockNumber} of size {n}");
            var value = Number(tokens[4], "entry value");
            if (block.Shape.Kind == SdpConeKind.Nonnegative)
            {
                if (i != j) throw new SdpaFormatException(tokens[0].Line, $"off-diagonal entry ({i + 1}, {j + 1}) in diagonal block {blockNumber}");
                block.Re[i] = value;
                continue;
            }
            block.Re[i * n + j] = value;
            block.Re[j * n + i] = value;
        }
        return new PeerPoint(y.ToArray(), z, x);
    }

    private static int Integer(SdpaToken token, string what) =>
        int.TryParse(token.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v)
            ? v : throw token.Error($"expected an integer {what}, found '{token.Text}'");

    // Peers print "nan"/"inf" when they break down; those are read (not rejected) so the status can say so.
    private static double Number(SdpaToken token, string what) =>
        double.TryParse(token.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v
        : token.Text.ToLowerInvariant() switch
        {
            "nan" or "-nan" => double.NaN,
            "inf" or "infinity" => double.PositiveInfinity,
            "-inf" or "-infinity" => double.NegativeInfinity,
            _ => throw token.Error($"expected a number for the {what}, found '{token.Text}'"),
        };
}
