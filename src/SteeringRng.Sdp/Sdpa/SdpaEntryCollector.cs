using System.Globalization;

namespace SteeringRng.Sdp.Sdpa;

/// <summary>
/// Reads the entry lines "matno blkno i j value" of an SDPA file into C (matno 0) and A_1..A_m, checking
/// every index against the header and rejecting a position given twice (with both lines in the message).
/// </summary>
internal sealed class SdpaEntryCollector
{
    private readonly int _m;
    private readonly IReadOnlyList<SdpBlock> _blocks;
    private readonly List<SdpEntry>[] _entries;
    private readonly Dictionary<(int Mat, int Block, int Row, int Col), int> _firstLine = new();

    public SdpaEntryCollector(int m, IReadOnlyList<SdpBlock> blocks)
    {
        _m = m;
        _blocks = blocks;
        _entries = Enumerable.Range(0, m + 1).Select(_ => new List<SdpEntry>()).ToArray();
    }

    /// <summary>Reads entry lines to the end of the input; element 0 is C, element k is A_k.</summary>
    public SdpMatrix[] ReadAll(SdpaLexer lexer)
    {
        while (lexer.NextTokenLine() is { } tokens) Add(tokens);
        return _entries.Select(list => new SdpMatrix(list)).ToArray();
    }

    private void Add(IReadOnlyList<SdpaToken> tokens)
    {
        var line = tokens[0].Line;
        if (tokens.Count != 5)
        {
            var extra = tokens.Count > 5 ? $" (unexpected '{tokens[5].Text}')" : "";
            throw new SdpaFormatException(line,
                $"expected an entry 'matno blkno i j value' (5 numbers), found {tokens.Count}{extra}");
        }
        var mat = Index(tokens[0], "matrix number");
        if (mat > _m)
            throw tokens[0].Error($"matrix {mat} does not exist (mdim = {_m}, so matno is 0..{_m})");
        var blockNumber = Index(tokens[1], "block number");
        if (blockNumber < 1 || blockNumber > _blocks.Count)
            throw tokens[1].Error($"block {blockNumber} does not exist (nblocks = {_blocks.Count})");
        var block = _blocks[blockNumber - 1];
        var i = Index(tokens[2], "row index i");
        var j = Index(tokens[3], "column index j");
        CheckInside(tokens[2], i, "row index i", blockNumber, block);
        CheckInside(tokens[3], j, "column index j", blockNumber, block);
        if (block.Kind == SdpConeKind.Nonnegative && i != j)
            throw new SdpaFormatException(line,
                $"block {blockNumber} is diagonal (size -{block.Size}), so i must equal j, got i = {i}, j = {j}");
        var value = SdpaReader.ParseValue(tokens[4], "entry value");
        var (row, col) = i <= j ? (i - 1, j - 1) : (j - 1, i - 1);
        var key = (mat, blockNumber - 1, row, col);
        if (_firstLine.TryGetValue(key, out var first))
            throw new SdpaFormatException(line,
                $"duplicate entry for matrix {mat}, block {blockNumber}, ({row + 1}, {col + 1}); first given on line {first}");
        _firstLine[key] = line;
        _entries[mat].Add(new SdpEntry(blockNumber - 1, row, col, value));
    }

    private static int Index(SdpaToken token, string what)
    {
        if (!int.TryParse(token.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            throw token.Error($"expected an integer {what}, found '{token.Text}'");
        if (value < 0) throw token.Error($"the {what} must not be negative, got {value}");
        return value;
    }

    private static void CheckInside(SdpaToken token, int index, string what, int blockNumber, SdpBlock block)
    {
        if (index < 1 || index > block.Size)
            throw token.Error($"{what} {index} is out of range 1..{block.Size} of block {blockNumber}");
    }
}
