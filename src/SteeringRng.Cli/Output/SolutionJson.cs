using System.Text.Encodings.Web;
using System.Text.Json;
using SteeringRng.Sdp;

namespace SteeringRng.Cli.Output;

/// <summary>
/// The JSON report of a solve: exactly one object with status, primalObjective, dualObjective, iterations,
/// seconds, dimacs (6), solver and message. JSON has no NaN or ±∞: such numbers are written as null and the
/// message says which ones they were.
/// </summary>
public static class SolutionJson
{
    public static void Write(SdpSolution s, TextWriter w, SteeringRng.Sdp.Certificates.Enclosure? enclosure = null)
    {
        var nonFinite = new List<string>();
        void Note(string name, double value)
        {
            if (!double.IsFinite(value)) nonFinite.Add($"{name} is {Describe(value)}");
        }
        Note("primalObjective", s.PrimalObjective);
        Note("dualObjective", s.DualObjective);
        Note("seconds", s.Seconds);
        if (s.Dimacs.Length > 0 && s.Dimacs.All(double.IsNaN)) nonFinite.Add("dimacs are all NaN (not computed)");
        else for (var i = 0; i < s.Dimacs.Length; i++) Note($"dimacs[{i}]", s.Dimacs[i]);
        var message = nonFinite.Count == 0 ? s.Message
            : string.Join("; ", new[] { s.Message, $"written as null: {string.Join(", ", nonFinite)}" }.Where(t => t.Length > 0));

        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("solver", s.Solver);
            json.WriteString("status", s.Status.ToString());
            Number(json, "primalObjective", s.PrimalObjective);
            Number(json, "dualObjective", s.DualObjective);
            json.WriteNumber("iterations", s.Iterations);
            Number(json, "seconds", s.Seconds);
            json.WriteStartArray("dimacs");
            foreach (var d in s.Dimacs)
                if (double.IsFinite(d)) json.WriteNumberValue(d); else json.WriteNullValue();
            json.WriteEndArray();
            json.WriteString("message", message);
            if (enclosure is not null) EnclosureJson.Write(json, enclosure);
            json.WriteEndObject();
        }
        w.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static void Number(Utf8JsonWriter json, string name, double value)
    {
        if (double.IsFinite(value)) json.WriteNumber(name, value); else json.WriteNull(name);
    }

    private static string Describe(double v) => double.IsNaN(v) ? "NaN" : v > 0 ? "+Infinity" : "-Infinity";
}
