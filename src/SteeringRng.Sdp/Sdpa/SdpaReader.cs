using System.Globalization;

namespace SteeringRng.Sdp.Sdpa;

/// <summary>
/// Reads the SDPA sparse format (.dat-s):
/// <code>
///   "comment lines (only before mdim), starting with " or *
///   m         = mdim        (first number of its line; the rest of the line is ignored)
///   nblocks   = nblocks     (likewise)
///   s_1 .. s_nblocks        block sizes; a negative size −n is a diagonal (Nonnegative) block of n entries
///   b_1 .. b_m              the "c vector" (our b)
///   matno blkno i j value   one entry per line, 1-based; matno 0 is F0 = C, matno k is F_k = A_k
/// </code>
/// The separators <c>, { } ( )</c> count as white space. Entries below the diagonal are mirrored into the upper
/// triangle (i &gt; j becomes (j, i)). Every malformed input throws <see cref="SdpaFormatException"/> with its line,
/// and so does a header beyond <see cref="SdpaLimits"/> (checked before anything sized by it is allocated).
/// The file has no complex numbers, so the blocks read are Psd or Nonnegative.
/// </summary>
public static class SdpaReader
{
    public static SdpProblem Read(TextReader reader) => ReadDocument(reader).Problem;

    public static SdpProblem ReadFile(string path) => ReadDocumentFile(path).Problem;

    /// <summary>Reads a file; a malformed file's exception names the file.</summary>
    public static SdpaDocument ReadDocumentFile(string path)
    {
        using var reader = new StreamReader(path);
        try { return ReadDocument(reader); }
        catch (SdpaFormatException e) { throw e.InFile(path); }
    }

    public static SdpaDocument ReadDocument(TextReader reader)
    {
        var lexer = new SdpaLexer(reader);
        var comments = new List<string>();
        var mdimLine = ReadFirstDataLine(lexer, comments);
        var m = ParseCount(mdimLine[0], "mdim (the number of constraints)", minimum: 0, maximum: SdpaLimits.MaxConstraints);
        RejectExtraNumbers(mdimLine, 1, "mdim");
        var nblocksLine = lexer.NextTokenLine() ?? throw EndOfFile(lexer, "the number of blocks (nblocks)");
        var nblocks = ParseCount(nblocksLine[0], "nblocks (the number of blocks)", minimum: 1, maximum: SdpaLimits.MaxBlocks);
        RejectExtraNumbers(nblocksLine, 1, "nblocks");
        var blocks = ParseBlocks(ReadTokens(lexer, nblocks, "block sizes"));
        var b = ReadTokens(lexer, m, "entries of the c vector (the right-hand sides b)")
            .Select(t => ParseValue(t, "c vector entry")).ToArray();
        var matrices = new SdpaEntryCollector(m, blocks).ReadAll(lexer);
        return new SdpaDocument(new SdpProblem(blocks, matrices[0], matrices.Skip(1).ToArray(), b), comments);
    }

    /// <summary>Skips comments and blank lines before mdim; returns the tokens of the mdim line.</summary>
    private static IReadOnlyList<SdpaToken> ReadFirstDataLine(SdpaLexer lexer, List<string> comments)
    {
        while (lexer.NextRawLine() is { } line)
        {
            if (SdpaLexer.IsComment(line))
            {
                comments.Add(line.TrimStart()[1..]);
                continue;
            }
            var tokens = SdpaLexer.Tokenize(line, lexer.LineNumber);
            if (tokens.Count > 0) return tokens;
        }
        throw EndOfFile(lexer, "mdim (the number of constraints)");
    }

    /// <summary>
    /// Collects <paramref name="count"/> tokens, possibly over several lines. A remark may follow the last one on
    /// its line (such as "= blockstruct"), but not another number: that would mean the header counts are wrong.
    /// </summary>
    private static List<SdpaToken> ReadTokens(SdpaLexer lexer, int count, string what)
    {
        var result = new List<SdpaToken>(count);
        while (result.Count < count)
        {
            var line = lexer.NextTokenLine()
                ?? throw EndOfFile(lexer, $"{count} {what}, found {result.Count}");
            var taken = Math.Min(line.Count, count - result.Count);
            result.AddRange(line.Take(taken));
            RejectExtraNumbers(line, taken, $"{count} {what}");
        }
        return result;
    }

    /// <summary>Tokens after the expected ones may be a remark, but a number there is an error.</summary>
    private static void RejectExtraNumbers(IReadOnlyList<SdpaToken> line, int used, string expected)
    {
        if (line.Count > used && double.TryParse(line[used].Text, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            throw line[used].Error($"unexpected number '{line[used].Text}' after {expected}");
    }

    /// <summary>
    /// The block shapes, with the storage they imply checked against <see cref="SdpaLimits.MaxMatrixEntries"/>:
    /// Σ n² (dense) + Σ n (diagonal), in 64-bit arithmetic; the error points at the block that crosses the limit.
    /// </summary>
    private static SdpBlock[] ParseBlocks(List<SdpaToken> tokens)
    {
        var blocks = new SdpBlock[tokens.Count];
        var entries = 0L;
        for (var k = 0; k < blocks.Length; k++)
        {
            var token = tokens[k];
            if (!long.TryParse(token.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var size))
                throw token.Error($"expected an integer block size, found '{token.Text}'");
            if (size == 0) throw token.Error("a block size must not be 0");
            // |size| ≤ limit first, so that neither |long.MinValue| nor n² can overflow.
            if (size is > SdpaLimits.MaxMatrixEntries or < -SdpaLimits.MaxMatrixEntries)
                throw token.Error(string.Create(CultureInfo.InvariantCulture,
                    $"block {k + 1} has size {size}; the matrices may hold at most {SdpaLimits.MaxMatrixEntries} stored entries per copy (see SdpaLimits)"));
            var n = Math.Abs(size);
            entries += size > 0 ? n * n : n;
            if (entries > SdpaLimits.MaxMatrixEntries)
                throw token.Error(string.Create(CultureInfo.InvariantCulture,
                    $"block {k + 1} of size {size} takes the matrices to {entries} stored entries per copy; the limit is {SdpaLimits.MaxMatrixEntries} (see SdpaLimits)"));
            blocks[k] = size > 0 ? SdpBlock.Psd((int)n) : SdpBlock.Nonnegative((int)n);
        }
        return blocks;
    }

    private static int ParseCount(SdpaToken token, string what, int minimum, int maximum)
    {
        if (!long.TryParse(token.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            throw token.Error($"expected an integer for {what}, found '{token.Text}'");
        if (value < minimum) throw token.Error($"{what} must be at least {minimum}, got {value}");
        if (value > maximum) throw token.Error($"{what} is {value}; the limit is {maximum} (see SdpaLimits)");
        return (int)value;
    }

    internal static double ParseValue(SdpaToken token, string what)
    {
        if (!double.TryParse(token.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            throw token.Error($"expected a number for the {what}, found '{token.Text}'");
        if (!double.IsFinite(value)) throw token.Error($"the {what} must be finite, found '{token.Text}'");
        return value;
    }

    private static SdpaFormatException EndOfFile(SdpaLexer lexer, string expected) =>
        new(lexer.LineNumber + 1, $"unexpected end of file: expected {expected}");
}
