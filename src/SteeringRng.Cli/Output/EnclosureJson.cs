using System.Text.Json;
using SteeringRng.Sdp.Certificates;

namespace SteeringRng.Cli.Output;

/// <summary>
/// The "certificate" member of <c>steer sdp --certify --json</c>: {"lower": side, "upper": side}, a side being
/// {"certified": true, "bound", "minEigenvalue", "traceTerm", "method"} or {"certified": false, "reason"}.
/// </summary>
public static class EnclosureJson
{
    public static void Write(Utf8JsonWriter json, Enclosure enclosure)
    {
        json.WriteStartObject("certificate");
        Side(json, "lower", enclosure.Lower);
        Side(json, "upper", enclosure.Upper);
        json.WriteEndObject();
    }

    private static void Side(Utf8JsonWriter json, string name, SideCertificate side)
    {
        json.WriteStartObject(name);
        json.WriteBoolean("certified", side.Certified);
        if (side.Certified)
        {
            json.WriteNumber("bound", side.Bound);
            json.WriteNumber("minEigenvalue", side.MinEigenvalue);
            json.WriteNumber("traceTerm", side.TraceTerm);
            json.WriteString("method", side.Method);
        }
        else json.WriteString("reason", side.Reason);
        json.WriteEndObject();
    }
}
