using System.Globalization;
using System.Numerics;
using SteeringRng.Certification.Jobs;
using SteeringRng.Quantum;
using SteeringRng.Sdp.Certificates;

namespace SteeringRng.Certification.Certificates;

/// <summary>
/// Reads a <see cref="WitnessCertificate"/> file. Every defect is a <see cref="WitnessCertificateFormatException"/>
/// naming the line (SR1250): an unknown or repeated item, a number that is not an exact rational (or, for F, σ, σ_white
/// and the shift, not a binary64 value), an entry outside the shape, a missing entry, a non-real diagonal of F.
/// </summary>
public static class WitnessCertificateReader
{
    /// <summary>Whether the file starts with the witness magic line (the dispatch of <c>steer verify</c>).</summary>
    public static bool IsWitnessCertificate(string path)
    {
        try
        {
            using var reader = new StreamReader(path);
            return reader.ReadLine()?.Trim() == WitnessCertificate.Magic;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return false; }
    }

    public static WitnessCertificate Read(TextReader reader)
    {
        var lines = new List<string>();
        while (reader.ReadLine() is { } line) lines.Add(line);
        if (lines.Count == 0 || lines[0].Trim() != WitnessCertificate.Magic)
            throw new WitnessCertificateFormatException(1, $"not a witness certificate (expected '{WitnessCertificate.Magic}')");
        var at = new Dictionary<string, int>();
        var items = new Dictionary<string, string[]>();
        var notes = new List<string>();
        var i = 1;
        for (; i < lines.Count; i++)
        {
            var text = Strip(lines[i]);
            if (text.Length == 0) continue;
            if (text == "F") break;
            if (lines[i].StartsWith("note ")) { notes.Add(lines[i]["note ".Length..]); continue; }
            var fields = Fields(text);
            if (fields[0].EndsWith(':')) continue; // a description line
            if (!KnownItems.Contains(fields[0])) throw new WitnessCertificateFormatException(i + 1, $"unknown item '{fields[0]}'");
            if (!items.TryAdd(fields[0], fields[1..])) throw new WitnessCertificateFormatException(i + 1, $"'{fields[0]}' given twice (first at line {at[fields[0]]})");
            at[fields[0]] = i + 1;
        }
        if (i >= lines.Count) throw new WitnessCertificateFormatException(lines.Count, "the 'F' section is missing");
        foreach (var required in KnownItems.Where(k => k != "critical"))
            if (!items.ContainsKey(required)) throw new WitnessCertificateFormatException(i + 1, $"the header lacks the '{required}' line");
        var d = Integers([One(items["dimension"], at["dimension"], "dimension")], at["dimension"], "dimension")[0];
        var settings = Integers(items["settings"], at["settings"], "settings");
        var outcomes = Integers(items["outcomes"], at["outcomes"], "outcomes");
        if (settings.Length == 0 || settings.Length != outcomes.Length)
            throw new WitnessCertificateFormatException(at["outcomes"], "give one settings count and one outcomes count per untrusted party");
        if (d > 64 || settings.Concat(outcomes).Any(n => n > 64))
            throw new WitnessCertificateFormatException(at["settings"], "a dimension, settings or outcomes count above 64 is not a steering test this tool writes");
        var shift = Binary64(One(items["shift"], at["shift"], "shift"), at["shift"], "shift");
        var betaSigma = Number(One(items["beta-sigma"], at["beta-sigma"], "beta-sigma"), at["beta-sigma"]);
        var betaWhite = Number(One(items["beta-white"], at["beta-white"], "beta-white"), at["beta-white"]);
        var visibility = Binary64(One(items["visibility"], at["visibility"], "visibility"), at["visibility"], "visibility");
        var steerable = One(items["steerable"], at["steerable"], "steerable") switch
        {
            "true" => true,
            "false" => false,
            var other => throw new WitnessCertificateFormatException(at["steerable"], $"'steerable' must be true or false, not '{other}'"),
        };
        CriticalParameter.FamilyLine? family = null;
        double? critical = null;
        if (items.TryGetValue("critical", out var c))
        {
            var line = at["critical"];
            if (c.Length != 8 || c[2] != "slope" || c[4] != "intercept" || c[6] != "at")
                throw new WitnessCertificateFormatException(line, "expected 'critical NAME P_C slope A intercept B at P'");
            critical = Binary64(c[1], line, "the critical parameter");
            family = new CriticalParameter.FamilyLine(c[0], Binary64(c[3], line, "the slope"), Binary64(c[5], line, "the intercept"), Binary64(c[7], line, "the point"));
        }

        var settingTuples = Assemblage.Tuples(settings).ToArray();
        var outcomeTuples = Assemblage.Tuples(outcomes).ToArray();
        var blocks = settingTuples.Length * outcomeTuples.Length;
        var f = NewBlocks(blocks, d);
        var sigma = NewBlocks(blocks, d);
        var white = NewBlocks(blocks, d);
        var sections = new (string Name, Complex[][,] Target, bool Upper)[] { ("F", f, true), ("sigma", sigma, false), ("white", white, false) };
        var section = 0;
        for (i++; i < lines.Count; i++)
        {
            var text = Strip(lines[i]);
            if (text.Length == 0) continue;
            if (section + 1 < sections.Length && text == sections[section + 1].Name) { section++; continue; }
            var (name, target, upper) = sections[section];
            var fields = Fields(text);
            if (fields.Length != 6) throw new WitnessCertificateFormatException(i + 1, $"{name}: expected 'x a j k re im' (tuples comma-separated), got '{text}'");
            var x = Tuple(fields[0], settings, i + 1, "setting");
            var a = Tuple(fields[1], outcomes, i + 1, "outcome");
            var j = Index(fields[2], d, i + 1);
            var k = Index(fields[3], d, i + 1);
            if (upper && k < j) throw new WitnessCertificateFormatException(i + 1, "F: only entries with j <= k define F (F_kj = conj F_jk)");
            var key = WitnessCertificate.EntryKey(name, x, a, j, k);
            if (!at.TryAdd(key, i + 1)) throw new WitnessCertificateFormatException(i + 1, $"{name}: entry x={fields[0]} a={fields[1]} ({j},{k}) given twice (first at line {at[key]})");
            var re = Binary64(fields[4], i + 1, "an entry");
            var im = Binary64(fields[5], i + 1, "an entry");
            if (upper && j == k && im != 0) throw new WitnessCertificateFormatException(i + 1, "F: a diagonal entry of a Hermitian matrix is real (im must be 0)");
            target[BlockIndex(x, a, settings, outcomes)][j, k] = new Complex(re, im);
        }
        if (section != sections.Length - 1)
            throw new WitnessCertificateFormatException(lines.Count, $"the '{sections[section + 1].Name}' section is missing");
        foreach (var (name, _, upper) in sections)
        foreach (var x in settingTuples)
        foreach (var a in outcomeTuples)
        for (var j = 0; j < d; j++)
        for (var k = upper ? j : 0; k < d; k++)
            if (!at.ContainsKey(WitnessCertificate.EntryKey(name, x, a, j, k)))
                throw new WitnessCertificateFormatException(lines.Count, $"{name}: the entry x={string.Join(",", x)} a={string.Join(",", a)} ({j},{k}) is missing");

        var witness = new SteeringWitness(d, settings, outcomes, f);
        return new WitnessCertificate(witness, ToAssemblage(d, settings, outcomes, sigma), ToAssemblage(d, settings, outcomes, white), shift,
            betaSigma, betaWhite, visibility, steerable, family, critical, notes) { Lines = at };
    }

    private static readonly string[] KnownItems = ["dimension", "settings", "outcomes", "shift", "beta-sigma", "beta-white", "visibility", "steerable", "critical"];

    private static string Strip(string line)
    {
        var hash = line.IndexOf('#');
        return (hash < 0 ? line : line[..hash]).Trim();
    }

    private static string[] Fields(string text) => text.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries);

    private static string One(string[] fields, int line, string item) =>
        fields.Length == 1 ? fields[0] : throw new WitnessCertificateFormatException(line, $"'{item}' takes one value");

    private static int[] Integers(string[] fields, int line, string item)
    {
        var values = new int[fields.Length];
        for (var n = 0; n < fields.Length; n++)
            if (!int.TryParse(fields[n], NumberStyles.None, CultureInfo.InvariantCulture, out values[n]) || values[n] < 1)
                throw new WitnessCertificateFormatException(line, $"'{item}': '{fields[n]}' is not a positive integer");
        if (values.Length == 0) throw new WitnessCertificateFormatException(line, $"'{item}' has no value");
        return values;
    }

    private static int[] Tuple(string text, int[] radix, int line, string what)
    {
        var parts = text.Split(',');
        if (parts.Length != radix.Length) throw new WitnessCertificateFormatException(line, $"the {what} tuple '{text}' needs {radix.Length} entries, one per party");
        var t = new int[parts.Length];
        for (var n = 0; n < parts.Length; n++)
            if (!int.TryParse(parts[n], NumberStyles.None, CultureInfo.InvariantCulture, out t[n]) || t[n] >= radix[n])
                throw new WitnessCertificateFormatException(line, $"the {what} tuple '{text}': party {n + 1} has {what}s 0..{radix[n] - 1}");
        return t;
    }

    private static int Index(string text, int d, int line) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v < d
            ? v
            : throw new WitnessCertificateFormatException(line, $"matrix index '{text}' is not in 0..{d - 1}");

    /// <summary>"p" or "p/q" (q &gt; 0), exactly.</summary>
    public static Rational Number(string text, int line)
    {
        var slash = text.IndexOf('/');
        var numerator = slash < 0 ? text : text[..slash];
        var denominator = slash < 0 ? "1" : text[(slash + 1)..];
        if (numerator.Length > 2000 || denominator.Length > 2000
            || !BigInteger.TryParse(numerator, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var p)
            || !BigInteger.TryParse(denominator, NumberStyles.None, CultureInfo.InvariantCulture, out var q) || q.IsZero)
            throw new WitnessCertificateFormatException(line, $"'{text}' is not an exact rational p or p/q");
        return new Rational(p, q);
    }

    /// <summary>An exact rational that must be a binary64 value (the doubles the run used).</summary>
    private static double Binary64(string text, int line, string what)
    {
        var exact = Number(text, line);
        var up = exact.UpperDouble(); // the smallest double ≥ the value: the value itself when it is one
        if (!double.IsFinite(up) || !Rational.FromDouble(up).Equals(exact))
            throw new WitnessCertificateFormatException(line, $"{what} '{text}' is not a binary64 value (the format stores the run's doubles exactly)");
        return up;
    }

    private static Complex[][,] NewBlocks(int count, int d) => Enumerable.Range(0, count).Select(_ => new Complex[d, d]).ToArray();

    private static int BlockIndex(int[] x, int[] a, int[] settings, int[] outcomes)
    {
        int ix = 0, ia = 0;
        for (var j = 0; j < settings.Length; j++) { ix = ix * settings[j] + x[j]; ia = ia * outcomes[j] + a[j]; }
        return ix * outcomes.Aggregate(1, (p, n) => p * n) + ia;
    }

    private static Assemblage ToAssemblage(int d, int[] settings, int[] outcomes, Complex[][,] blocks) =>
        new(d, settings, outcomes, (a, x) => blocks[BlockIndex(x, a, settings, outcomes)]);
}

/// <summary>A malformed witness certificate, at a 1-based line (SR1250).</summary>
public sealed class WitnessCertificateFormatException(int line, string message) : FormatException(message)
{
    public const string Code = "SR1250";
    public int Line { get; } = line;
}
