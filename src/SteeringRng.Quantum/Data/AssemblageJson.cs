using System.Numerics;
using System.Text.Json;

namespace SteeringRng.Quantum.Data;

/// <summary>
/// The JSON form of an assemblage (docs/formulations/measured-data.md, "Assemblage files"):
/// <code>
/// { "format": "steeringrng-assemblage", "version": 1, "trusted_dimension": 2,
///   "parties": [ { "name": "Bob", "settings": 3, "outcomes": 2 }, … ],
///   "blocks": [ { "settings": [0, 1], "outcomes": [1, 0], "real": [[…], […]], "imag": [[…], […]] }, … ] }
/// </code>
/// One block per (setting tuple, outcome tuple), in any order, each exactly once; "imag" may be left out for real
/// blocks; "name" is optional and, when given, must match the scenario's untrusted nodes in order.
/// </summary>
public static class AssemblageJson
{
    public const string Format = "steeringrng-assemblage";

    /// <summary>The same layout holding a steering functional F_{a|x} (Hermitian blocks of any sign; docs/formulations/measured-probabilities.md).</summary>
    public const string FunctionalFormat = "steeringrng-functional";
    private const int MaxPartyCount = 16;
    private const int MaxCount = 1024;

    /// <summary>What a JSON file holds: its layout, its entries in C order of that layout, and the party names it gives (null entries where none).</summary>
    public sealed record Content(AssemblageLayout Layout, Complex[] Values, string?[] Names);

    /// <exception cref="DataFileException">Not JSON, a missing or wrong field, a block missing or given twice, a matrix of the wrong size, a number out of range.</exception>
    /// <param name="expected">The layout the caller needs: checked as soon as the parties are read (before the blocks).</param>
    /// <param name="partyNames">The scenario's untrusted nodes in order: a party's "name", where given, must be the same.</param>
    /// <param name="format">The "format" the file must declare (<see cref="Format"/> or <see cref="FunctionalFormat"/>).</param>
    public static Content Read(ReadOnlySpan<byte> bytes, string file, AssemblageLayout? expected = null, IReadOnlyList<string>? partyNames = null, string format = Format)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes.ToArray(), new JsonDocumentOptions { MaxDepth = 16, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $"line {line + 1}, byte {(e.BytePositionInLine ?? 0) + 1}" : "";
            throw new DataFileException(file, where, "not valid JSON (" + FirstSentence(e.Message) + ")");
        }
        using (document)
        {
            try { return new Reader(file, expected, partyNames, format).Content(document.RootElement); }
            catch (InvalidOperationException e) when (e is not ObjectDisposedException)
            {
                // JsonDocument.Parse does not check the UTF-8 inside strings; reading such a string throws here.
                throw new DataFileException(file, "", "a string is not valid UTF-8 text (" + FirstSentence(e.Message) + ")");
            }
        }
    }

    /// <summary>The assemblage as JSON (numbers in shortest round-trip form, so reading it back gives the same doubles).</summary>
    public static byte[] Write(Assemblage sigma, IReadOnlyList<string>? names = null, string format = Format)
    {
        var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("format", format);
            w.WriteNumber("version", 1);
            w.WriteNumber("trusted_dimension", sigma.TrustedDimension);
            w.WriteStartArray("parties");
            for (var j = 0; j < sigma.PartyCount; j++)
            {
                w.WriteStartObject();
                if (names is not null) w.WriteString("name", names[j]);
                w.WriteNumber("settings", sigma.Settings[j]);
                w.WriteNumber("outcomes", sigma.Outcomes[j]);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("blocks");
            foreach (var x in sigma.SettingTuples())
                foreach (var a in sigma.OutcomeTuples())
                {
                    var block = sigma[a, x];
                    w.WriteStartObject();
                    WriteInts(w, "settings", x);
                    WriteInts(w, "outcomes", a);
                    WriteMatrix(w, "real", block, z => z.Real);
                    WriteMatrix(w, "imag", block, z => z.Imaginary);
                    w.WriteEndObject();
                }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return stream.ToArray();
    }

    private static void WriteInts(Utf8JsonWriter w, string name, int[] values)
    {
        w.WriteStartArray(name);
        foreach (var v in values) w.WriteNumberValue(v);
        w.WriteEndArray();
    }

    private static void WriteMatrix(Utf8JsonWriter w, string name, Complex[,] m, Func<Complex, double> part)
    {
        w.WriteStartArray(name);
        for (var i = 0; i < m.GetLength(0); i++)
        {
            w.WriteStartArray();
            for (var j = 0; j < m.GetLength(1); j++) w.WriteNumberValue(part(m[i, j]));
            w.WriteEndArray();
        }
        w.WriteEndArray();
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(". ", StringComparison.Ordinal);
        return (cut < 0 ? message : message[..cut]).TrimEnd('.');
    }

    private sealed class Reader(string file, AssemblageLayout? expected, IReadOnlyList<string>? partyNames, string expectedFormat)
    {
        private DataFileException Fail(string where, string problem) => new(file, where, problem);

        public Content Content(JsonElement root)
        {
            if (root.ValueKind != JsonValueKind.Object) throw Fail("", "the file must hold one JSON object (see docs/formulations/measured-data.md)");
            var format = Property(root, "format", "");
            if (format.ValueKind != JsonValueKind.String || format.GetString() != expectedFormat)
                throw Fail("format", $"must be \"{expectedFormat}\"");
            var version = Int(Property(root, "version", ""), "version", 1, 1);
            _ = version;
            var d = Int(Property(root, "trusted_dimension", ""), "trusted_dimension", 1, 1000);
            var parties = Property(root, "parties", "");
            if (parties.ValueKind != JsonValueKind.Array || parties.GetArrayLength() is 0 or > MaxPartyCount)
                throw Fail("parties", $"must be an array of 1 to {MaxPartyCount} untrusted parties");
            var k = parties.GetArrayLength();
            var settings = new int[k];
            var outcomes = new int[k];
            var names = new string?[k];
            for (var j = 0; j < k; j++)
            {
                var p = parties[j];
                var where = $"parties[{j}]";
                if (p.ValueKind != JsonValueKind.Object) throw Fail(where, "must be an object { \"settings\": s, \"outcomes\": o }");
                settings[j] = Int(Property(p, "settings", where), where + ".settings", 1, MaxCount);
                outcomes[j] = Int(Property(p, "outcomes", where), where + ".outcomes", 1, MaxCount);
                if (p.TryGetProperty("name", out var name))
                    names[j] = name.ValueKind == JsonValueKind.String ? name.GetString() : throw Fail(where + ".name", "must be a string");
                if (names[j] is { } given && partyNames is not null && j < partyNames.Count && given != partyNames[j])
                    throw Fail(where + ".name", $"is '{given}', but untrusted node {j + 1} of the scenario is '{partyNames[j]}' (parties are in node declaration order)");
            }
            var layout = new AssemblageLayout(d, settings, outcomes);
            if (expected is not null && !layout.SameAs(expected)) throw AssemblageFile.ShapeMismatch(file, layout, expected);
            var entries = AssemblageLayout.EntryCount(layout.Shape);
            if (entries > AssemblageLayout.MaxEntries)
                throw Fail("parties", $"shape {AssemblageLayout.Describe(layout.Shape)} has {entries} entries; the limit is {AssemblageLayout.MaxEntries}");
            var blocks = Property(root, "blocks", "");
            if (blocks.ValueKind != JsonValueKind.Array) throw Fail("blocks", "must be an array of blocks");
            var outcomeTuples = outcomes.Aggregate(1, (a, n) => a * n);
            var blockCount = settings.Aggregate(1, (a, n) => a * n) * outcomeTuples;
            var values = new Complex[entries];
            var seen = new int?[blockCount];
            var index = 0;
            foreach (var block in blocks.EnumerateArray())
            {
                var where = $"blocks[{index}]";
                if (block.ValueKind != JsonValueKind.Object) throw Fail(where, "must be an object with settings, outcomes, real (and imag)");
                var x = Tuple(Property(block, "settings", where), where + ".settings", settings);
                var a = Tuple(Property(block, "outcomes", where), where + ".outcomes", outcomes);
                int ix = 0, ia = 0;
                for (var j = 0; j < k; j++) (ix, ia) = (ix * settings[j] + x[j], ia * outcomes[j] + a[j]);
                var flat = ix * outcomeTuples + ia;
                if (seen[flat] is { } first)
                    throw Fail(where, $"the block settings ({string.Join(", ", x)}), outcomes ({string.Join(", ", a)}) is given twice (first as blocks[{first}])");
                seen[flat] = index;
                var real = Matrix(Property(block, "real", where), where + ".real", d);
                var imag = block.TryGetProperty("imag", out var im) ? Matrix(im, where + ".imag", d) : new double[d * d];
                for (var e = 0; e < d * d; e++) values[(long)flat * d * d + e] = new Complex(real[e], imag[e]);
                index++;
            }
            var missing = Enumerable.Range(0, blockCount).Where(b => seen[b] is null).ToList();
            if (missing.Count > 0)
            {
                var first = layout.Unravel((long)missing[0] * d * d);
                throw Fail("blocks", $"{missing.Count} of {blockCount} blocks are missing, the first is settings ({string.Join(", ", first.Take(k))}), outcomes ({string.Join(", ", first.Skip(k).Take(k))})");
            }
            return new Content(layout, values, names);
        }

        private JsonElement Property(JsonElement obj, string name, string parent) =>
            obj.TryGetProperty(name, out var v) ? v : throw Fail(parent.Length == 0 ? name : parent, parent.Length == 0 ? "missing" : $"has no \"{name}\"");

        private int Int(JsonElement e, string where, int min, int max)
        {
            if (e.ValueKind != JsonValueKind.Number || !e.TryGetInt32(out var v) || v < min || v > max)
                throw Fail(where, $"must be an integer from {min} to {max}, got {Shown(e)}");
            return v;
        }

        private int[] Tuple(JsonElement e, string where, int[] radix)
        {
            if (e.ValueKind != JsonValueKind.Array || e.GetArrayLength() != radix.Length)
                throw Fail(where, $"must be an array of {radix.Length} indices, one per party");
            return Enumerable.Range(0, radix.Length).Select(j => Int(e[j], $"{where}[{j}]", 0, radix[j] - 1)).ToArray();
        }

        private double[] Matrix(JsonElement e, string where, int d)
        {
            if (e.ValueKind != JsonValueKind.Array || e.GetArrayLength() != d)
                throw Fail(where, $"must be a {d}×{d} array of numbers (d_A = {d}), got {Shown(e)}");
            var m = new double[d * d];
            for (var i = 0; i < d; i++)
            {
                var row = e[i];
                if (row.ValueKind != JsonValueKind.Array || row.GetArrayLength() != d)
                    throw Fail($"{where}[{i}]", $"must be a row of {d} numbers, got {Shown(row)}");
                for (var j = 0; j < d; j++)
                {
                    var v = row[j];
                    if (v.ValueKind != JsonValueKind.Number || !v.TryGetDouble(out var x) || !double.IsFinite(x))
                        throw Fail($"{where}[{i}][{j}]", $"must be a finite number, got {Shown(v)}");
                    m[i * d + j] = x;
                }
            }
            return m;
        }

        private static string Shown(JsonElement e) => e.ValueKind switch
        {
            JsonValueKind.Array => $"an array of {e.GetArrayLength()}",
            JsonValueKind.Object => "an object",
            JsonValueKind.String => "a string",
            JsonValueKind.Null => "null",
            JsonValueKind.True or JsonValueKind.False => "a boolean",
            _ => Clip(e.GetRawText()),
        };

        private static string Clip(string s) => s.Length <= 40 ? s : s[..40] + "…";
    }
}
