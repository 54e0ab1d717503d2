using System.Globalization;
using SteeringRng.Sdp.Sdpa;

namespace SteeringRng.Sdp.Certificates;

/// <summary>
/// A self-contained certificate for an upper bound on a maximised quantity read as value = offset − opt(D) from a
/// moment-form SDP (docs/formulations/certificates.md), as <c>steer run --certificates DIR</c> writes it and
/// <c>steer verify</c> reads it. Text, three parts:
/// <code>
///   "steer certificate 1              header lines (SDPA comments): version, quantity, offset, what it claims
///   "quantity P_g
///   "offset 0.25
///   &lt;the SDP in SDPA sparse format (Hermitian blocks as their real embedding), numbers round-trip exact&gt;
///   #x
///   block row col value               the solver's X on the real problem, upper triangle, 1-based, nonzeros
/// </code>
/// The X is a hint: the verifier moves it exactly onto A(X) = b and proves it PSD itself, so a corrupted X can only
/// make verification fail, never prove a false bound.
/// </summary>
public sealed record CertificateFile(SdpProblem Problem, string Quantity, double Offset, double[] X, IReadOnlyList<string> Notes)
{
    public const string Magic = "steer certificate 1";
    private const string XMarker = "#x";

    /// <summary>The real problem the X positions refer to.</summary>
    public RealProblem Real { get; } = new(Problem);

    public void Write(TextWriter w)
    {
        var header = new List<string>
        {
            Magic,
            $"quantity {Quantity}",
            $"offset {Offset.ToString("R", CultureInfo.InvariantCulture)}",
            $"claim {Quantity} <= offset - opt(D), opt(D) >= <C, X^> for the exact correction X^ of the X below (steer verify FILE)",
        };
        header.AddRange(Notes.Select(n => "note " + n));
        SdpaWriter.Write(Real.Source, w, header);
        w.WriteLine(XMarker);
        var blocks = Real.Blocks;
        for (var k = 0; k < blocks.Count; k++)
        for (var r = 0; r < blocks[k].Size; r++)
        for (var c = r; c < (blocks[k].Kind == SdpConeKind.Nonnegative ? r + 1 : blocks[k].Size); c++)
        {
            var v = X[Real.Position(k, r, c)];
            if (v != 0) w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{k + 1} {r + 1} {c + 1} {v:R}"));
        }
    }

    /// <summary>Reads a certificate; every defect is a <see cref="FormatException"/> naming the line.</summary>
    public static CertificateFile Read(TextReader reader)
    {
        var lines = new List<string>();
        while (reader.ReadLine() is { } line) lines.Add(line);
        if (lines.Count == 0 || lines[0].Trim() != "\"" + Magic)
            throw new FormatException($"line 1: not a steer certificate (expected \"\\\"{Magic}\")");
        var marker = lines.FindIndex(l => l.Trim() == XMarker);
        if (marker < 0) throw new FormatException($"no '{XMarker}' line: the X part is missing");
        string? quantity = null;
        double? offset = null;
        var notes = new List<string>();
        foreach (var raw in lines.Take(marker).TakeWhile(l => l.StartsWith('"')))
        {
            var text = raw[1..];
            if (text.StartsWith("quantity ")) quantity = text["quantity ".Length..].Trim();
            else if (text.StartsWith("offset "))
            {
                if (!double.TryParse(text["offset ".Length..], NumberStyles.Float, CultureInfo.InvariantCulture, out var o) || !double.IsFinite(o))
                    throw new FormatException($"bad offset line: '{raw}'");
                offset = o;
            }
            else if (text.StartsWith("note ")) notes.Add(text["note ".Length..]);
        }
        if (quantity is null || offset is null) throw new FormatException("the header lacks the 'quantity' or 'offset' line");
        SdpProblem problem;
        try { problem = SdpaReader.Read(new StringReader(string.Join('\n', lines.Take(marker)))); }
        catch (SdpaFormatException e) { throw new FormatException($"the SDP part: {e.Message}"); }
        var real = new RealProblem(problem);
        var x = new double[real.PositionCount];
        for (var i = marker + 1; i < lines.Count; i++)
        {
            var t = lines[i].Trim();
            if (t.Length == 0) continue;
            var f = t.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (f.Length != 4
                || !int.TryParse(f[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var k)
                || !int.TryParse(f[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var r)
                || !int.TryParse(f[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out var c)
                || !double.TryParse(f[3], NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v))
                throw new FormatException($"line {i + 1}: expected 'block row col value', got '{t}'");
            if (k < 1 || k > real.Blocks.Count || r < 1 || c < r || c > real.Blocks[k - 1].Size
                || (real.Blocks[k - 1].Kind == SdpConeKind.Nonnegative && r != c))
                throw new FormatException($"line {i + 1}: position ({k}, {r}, {c}) is outside the blocks or below the diagonal");
            x[real.Position(k - 1, r - 1, c - 1)] = v;
        }
        return new CertificateFile(problem, quantity, offset.Value, x, notes);
    }

    /// <summary>
    /// Checks the certificate in exact rational arithmetic (no solver): the proven bound value ≤ offset − ⟨C, X̂⟩,
    /// rounded up, or an uncertified side with the reason.
    /// </summary>
    public (SideCertificate Side, double ProvenUpperBound) Verify()
    {
        var side = LowerSide.Certify(Real, X, traceBoundZ: null);
        if (!side.Certified) return (side, double.NaN);
        return (side, (Rational.FromDouble(Offset) - side.Exact).UpperDouble());
    }
}
