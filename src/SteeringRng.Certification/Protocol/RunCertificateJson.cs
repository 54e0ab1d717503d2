using System.Globalization;
using System.Text;
using System.Text.Json;

namespace SteeringRng.Certification.Protocol;

/// <summary>
/// Writes and reads a <see cref="RunCertificate"/> as JSON (UTF-8, indented, numbers in round-trip form, the ε's as
/// their text). Reading checks the shape: every missing or mistyped field is an SR1241 error naming the file and the
/// field's JSON path.
/// </summary>
public static class RunCertificateJson
{
    public static byte[] Write(RunCertificate c)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("format", RunCertificate.Format);
            w.WriteNumber("sequence", c.Sequence);
            w.WriteStartObject("protocol");
            w.WriteString("path", c.ProtocolPath);
            w.WriteString("sha256", c.ProtocolSha256);
            w.WriteString("canonical", c.ProtocolCanonical);
            w.WriteEndObject();
            WriteFile(w, "counts", c.Counts);
            w.WriteNumber("testRounds", c.TestRounds);
            w.WriteNumber("generationRounds", c.GenerationRounds);
            w.WriteStartArray("statistics");
            foreach (var s in c.Statistics)
            {
                w.WriteStartObject();
                w.WriteString("name", s.Name);
                w.WriteNumber("observed", s.Observed);
                w.WriteNumber("expected", s.Expected);
                w.WriteNumber("tolerance", s.Tolerance);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            WriteFile(w, "raw", c.Raw);
            w.WriteStartArray("analyses");
            foreach (var a in c.Analyses) WriteAnalysis(w, a);
            w.WriteEndArray();
            w.WriteStartObject("extractor");
            w.WriteString("name", c.Extractor.Name);
            w.WriteString("analysis", AnalysisRecord.Name(c.Extractor.Analysis));
            w.WriteNumber("entropyBits", c.Extractor.EntropyBits);
            w.WriteNumber("publishedCountsBits", c.Extractor.PublishedCountsBits);
            w.WriteString("epsilon", c.Extractor.Epsilon);
            w.WriteNumber("log2InverseEpsilon", c.Extractor.Log2InverseEpsilon);
            w.WriteNumber("inputBits", c.Extractor.InputBits);
            w.WriteNumber("outputBits", c.Extractor.OutputBits);
            w.WriteNumber("seedBits", c.Extractor.SeedBits);
            w.WriteString("error", RunCertificate.ErrorStatement);
            w.WriteEndObject();
            WriteFile(w, "seed", c.Seed);
            WriteFile(w, "output", c.Output);
            if (c.Previous is { } p) WriteFile(w, "previous", p);
            else w.WriteNull("previous");
            w.WriteEndObject();
        }
        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    private static void WriteFile(Utf8JsonWriter w, string name, FileDigest f)
    {
        w.WriteStartObject(name);
        w.WriteString("path", f.Path);
        w.WriteString("sha256", f.Sha256);
        w.WriteNumber("bytes", f.Bytes);
        w.WriteEndObject();
    }

    private static void WriteAnalysis(Utf8JsonWriter w, AnalysisRecord a)
    {
        w.WriteStartObject();
        w.WriteString("name", AnalysisRecord.Name(a.Kind));
        w.WriteString("label", a.Label);
        w.WriteNumber("entropyBits", a.EntropyBits);
        w.WriteNumber("ratePerRound", a.RatePerRound);
        w.WriteBoolean("certified", a.Certified);
        if (a.Dual is { } d)
        {
            w.WriteStartObject("dual");
            w.WriteNumber("alpha", d.Alpha);
            w.WriteStartArray("lambda");
            foreach (var l in d.Lambda) w.WriteNumberValue(l);
            w.WriteEndArray();
            w.WriteStartArray("reference");
            foreach (var v in d.Reference) w.WriteNumberValue(v);
            w.WriteEndArray();
            w.WriteBoolean("certified", d.Certified);
            w.WriteString("method", d.Method);
            if (d.Point is { } point)
            {
                w.WriteStartArray("point");
                foreach (var x in point) w.WriteNumberValue(x);
                w.WriteEndArray();
            }
            else w.WriteNull("point");
            w.WriteEndObject();
        }
        else w.WriteNull("dual");
        w.WriteStartObject("terms");
        foreach (var (k, v) in a.Terms) w.WriteNumber(k, v);
        w.WriteEndObject();
        w.WriteString("note", a.Note);
        w.WriteEndObject();
    }

    /// <exception cref="Input.ScenarioInputException">Not a run certificate (SR1241, with the JSON line or field).</exception>
    public static RunCertificate Read(string file, byte[] bytes)
    {
        JsonDocument doc;
        try { doc = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 16 }); }
        catch (JsonException e)
        {
            throw ProtocolDiagnostics.At(file, (int)(e.LineNumber ?? -1) + 1, (int)(e.BytePositionInLine ?? -1) + 1, ProtocolDiagnostics.CertificateFormat, $"not valid JSON: {FirstSentence(e.Message)}");
        }
        using (doc)
        {
            var root = new Reader(file, doc.RootElement, "$");
            var format = root.String("format");
            if (format == "steer run certificate 1")
                throw ProtocolDiagnostics.In(file, ProtocolDiagnostics.CertificateFormat,
                    $"$.format is '{format}', not '{RunCertificate.Format}': format 1 extracted from the generation rounds' outcomes alone, whose entropy the EAT does not bound; " +
                    "it cannot be verified. Re-run 'steer finite' with a raw file of all n rounds (docs/formulations/finite-protocol.md §2).");
            if (format != RunCertificate.Format)
                throw ProtocolDiagnostics.In(file, ProtocolDiagnostics.CertificateFormat, $"$.format is '{format}', not '{RunCertificate.Format}'.");
            var protocol = root.Object("protocol");
            var statistics = root.Array("statistics").Select(s => new StatisticRecord(s.String("name"), s.Double("observed"), s.Double("expected"), s.Double("tolerance"))).ToList();
            var analyses = root.Array("analyses").Select(ReadAnalysis).ToList();
            var e = root.Object("extractor");
            var extractor = new ExtractorRecord(e.String("name"), Kind(e, "analysis"), e.Double("entropyBits"), e.Long("publishedCountsBits"), e.String("epsilon"),
                e.Decimal("log2InverseEpsilon"), e.Long("inputBits"), e.Long("outputBits"), e.Long("seedBits"));
            return new RunCertificate(protocol.String("path"), protocol.String("sha256"), protocol.String("canonical"), root.Long("sequence"), ReadFile(root.Object("counts")),
                root.Long("testRounds"), root.Long("generationRounds"), statistics, ReadFile(root.Object("raw")), analyses, extractor,
                ReadFile(root.Object("seed")), ReadFile(root.Object("output")), root.IsNull("previous") ? null : ReadFile(root.Object("previous")));
        }
    }

    private static FileDigest ReadFile(Reader r) => new(r.String("path"), r.String("sha256"), r.Long("bytes"));

    private static EntropyAnalysisKind Kind(Reader r, string field) => r.String(field) switch
    {
        "eat" => EntropyAnalysisKind.Eat,
        "iid" => EntropyAnalysisKind.Iid,
        var other => throw r.Fault(field, $"is '{other}', not 'eat' or 'iid'"),
    };

    private static AnalysisRecord ReadAnalysis(Reader a)
    {
        DualRecord? dual = null;
        if (!a.IsNull("dual"))
        {
            var d = a.Object("dual");
            dual = new DualRecord(d.Doubles("reference"), d.Double("alpha"), d.Doubles("lambda"), d.Bool("certified"), d.String("method"),
                d.IsNull("point") ? null : d.Doubles("point"));
        }
        var terms = a.Object("terms").Properties().Select(p => KeyValuePair.Create(p.Name, p.Double())).ToList();
        return new AnalysisRecord(Kind(a, "name"), a.String("label"), a.Double("entropyBits"), a.Double("ratePerRound"), a.Bool("certified"), dual, terms, a.String("note"));
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(". ", StringComparison.Ordinal);
        return cut > 0 ? message[..(cut + 1)] : message;
    }

    /// <summary>Typed access to a JSON object with located faults ("$.analyses[1].dual.alpha is missing").</summary>
    private sealed class Reader(string file, JsonElement element, string path)
    {
        public string Path => path;

        public Input.ScenarioInputException Fault(string field, string what) =>
            ProtocolDiagnostics.In(file, ProtocolDiagnostics.CertificateFormat, $"{path}.{field} {what}.");

        private JsonElement Get(string field, JsonValueKind kind)
        {
            if (element.ValueKind != JsonValueKind.Object) throw ProtocolDiagnostics.In(file, ProtocolDiagnostics.CertificateFormat, $"{path} is not an object.");
            if (!element.TryGetProperty(field, out var v)) throw Fault(field, "is missing");
            if (v.ValueKind != kind && !(kind == JsonValueKind.True && v.ValueKind == JsonValueKind.False))
                throw Fault(field, $"is {v.ValueKind.ToString().ToLowerInvariant()}, not {(kind == JsonValueKind.True ? "a boolean" : kind.ToString().ToLowerInvariant())}");
            return v;
        }

        public bool IsNull(string field) => element.ValueKind == JsonValueKind.Object && element.TryGetProperty(field, out var v) && v.ValueKind == JsonValueKind.Null;
        public string String(string field) => Get(field, JsonValueKind.String).GetString()!;
        public bool Bool(string field) => Get(field, JsonValueKind.True).GetBoolean();
        public Reader Object(string field) => new(file, Get(field, JsonValueKind.Object), $"{path}.{field}");

        public double Double(string field) =>
            Get(field, JsonValueKind.Number).TryGetDouble(out var d) && double.IsFinite(d) ? d : throw Fault(field, "is not a finite number");

        public double Double() =>
            element.ValueKind == JsonValueKind.Number && element.TryGetDouble(out var d) && double.IsFinite(d) ? d
                : throw ProtocolDiagnostics.In(file, ProtocolDiagnostics.CertificateFormat, $"{path} is not a finite number.");

        public long Long(string field) => Get(field, JsonValueKind.Number).TryGetInt64(out var n) ? n : throw Fault(field, "is not a whole number");
        public decimal Decimal(string field) => Get(field, JsonValueKind.Number).TryGetDecimal(out var n) ? n : throw Fault(field, "is not a decimal number");

        public IEnumerable<Reader> Array(string field) =>
            Get(field, JsonValueKind.Array).EnumerateArray().Select((e, i) => new Reader(file, e, $"{path}.{field}[{i}]")).ToList();

        public IReadOnlyList<double> Doubles(string field) => Array(field).Select(r => r.Double()).ToList();

        public IEnumerable<(string Name, Reader Value)> PropertiesRaw() => element.EnumerateObject().Select(p => (p.Name, new Reader(file, p.Value, $"{path}.{p.Name}"))).ToList();

        public IEnumerable<Named> Properties() => PropertiesRaw().Select(p => new Named(p.Name, p.Value));
    }

    private sealed record Named(string Name, Reader Value)
    {
        public double Double() => Value.Double();
    }

    internal static string Hex(byte[] hash) => Convert.ToHexStringLower(hash);

    internal static string Show(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    internal static byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);
}
