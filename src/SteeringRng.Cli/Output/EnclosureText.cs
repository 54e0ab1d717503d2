using System.Globalization;
using SteeringRng.Sdp.Certificates;

namespace SteeringRng.Cli.Output;

/// <summary>The certified enclosure of <c>steer sdp --certify</c> as text: each side proven, or "not certified" and why.</summary>
public static class EnclosureText
{
    public static void Write(Enclosure enclosure, TextWriter w)
    {
        w.WriteLine("certified (exact rational arithmetic, SDPA sign convention):");
        Side(w, "lower bound on opt(D)", enclosure.Lower);
        Side(w, "upper bound on opt(P)", enclosure.Upper);
        if (enclosure.Lower.Certified && enclosure.Upper.Certified)
            w.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  enclosure  [{enclosure.Lower.Bound:R}, {enclosure.Upper.Bound:R}], width {enclosure.Width:G3}"));
        else
            w.WriteLine($"  enclosure  one-sided: {(enclosure.Lower.Certified ? "only the lower side" : enclosure.Upper.Certified ? "only the upper side" : "neither side")} is certified");
    }

    private static void Side(TextWriter w, string name, SideCertificate side) =>
        w.WriteLine(side.Certified
            ? string.Create(CultureInfo.InvariantCulture, $"  {name,-22} {side.Bound:R}   ({side.Method})")
            : $"  {name,-22} not certified: {side.Reason}");
}
