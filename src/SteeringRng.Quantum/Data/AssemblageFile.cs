using System.Numerics;

namespace SteeringRng.Quantum.Data;

/// <summary>
/// Assemblage files, .npy or .json by extension (docs/formulations/measured-data.md): bytes in, an
/// <see cref="Assemblage"/> with finite entries and Hermitian blocks out, or a <see cref="DataFileException"/> naming
/// the file, the entry and what is wrong. Whether the blocks form a valid assemblage (positive, normalised,
/// no-signalling) is <see cref="AssemblageValidity"/>'s question; this only reads.
/// </summary>
public static class AssemblageFile
{
    /// <summary>A block whose largest |σ_ij − conj σ_ji| exceeds this is refused as not Hermitian (the same tolerance as every other
    /// user-given operator). Below it the entries are kept exactly as written, so that a file written from a model's assemblage
    /// reads back bit for bit (the relaxations accept rounding-level defects, as they do in a model's own assemblage).</summary>
    public const double HermiticityTolerance = OperatorChecks.DefaultTolerance;

    /// <summary>"npy" or "json" from the file name's extension, or null for anything else.</summary>
    public static string? KindOf(string name) => Path.GetExtension(name).ToLowerInvariant() switch
    {
        ".npy" => "npy",
        ".json" => "json",
        _ => null,
    };

    /// <summary>
    /// Reads an assemblage file's bytes. With <paramref name="expected"/> the file must have exactly that layout (the
    /// scenario's nodes), and with <paramref name="partyNames"/> a JSON file's party names, where given, must match.
    /// </summary>
    /// <param name="jsonFormat">The "format" a JSON file must declare (a steering functional's file has the same layout).</param>
    /// <exception cref="DataFileException">Anything wrong with the file, located.</exception>
    public static Assemblage Read(ReadOnlySpan<byte> bytes, string file, AssemblageLayout? expected = null, IReadOnlyList<string>? partyNames = null,
                                  string jsonFormat = AssemblageJson.Format)
    {
        AssemblageLayout layout;
        Complex[] values;
        switch (KindOf(file))
        {
            case "npy":
                var array = NpyFile.Read(bytes, file);
                layout = AssemblageLayout.FromShape(array.Shape, out var reason) ?? throw new DataFileException(file, "shape", reason);
                values = array.Values;
                break;
            case "json":
                var content = AssemblageJson.Read(bytes, file, expected, partyNames, jsonFormat);
                (layout, values) = (content.Layout, content.Values);
                break;
            default:
                throw new DataFileException(file, "", "an assemblage file is read by its extension: .npy (NumPy) or .json");
        }
        if (expected is not null && !layout.SameAs(expected)) throw ShapeMismatch(file, layout, expected);
        for (long k = 0; k < values.Length; k++)
            if (!double.IsFinite(values[k].Real) || !double.IsFinite(values[k].Imaginary))
                throw new DataFileException(file, layout.DescribeEntry(k), $"is {Shown(values[k])}, not a finite number");
        RequireHermitian(values, layout, file);
        return layout.ToAssemblage(values);
    }

    internal static DataFileException ShapeMismatch(string file, AssemblageLayout found, AssemblageLayout expected) =>
        new(file, "shape", $"{AssemblageLayout.Describe(found.Shape)} does not match the scenario, which needs {AssemblageLayout.Describe(expected.Shape)} " +
                           "(settings of each untrusted node, outcomes of each, then d_A, d_A)");

    /// <summary>The file's bytes for an assemblage: .npy (complex128, C order) or .json, by the name's extension.</summary>
    /// <exception cref="ArgumentException">The name has another extension.</exception>
    public static byte[] Write(Assemblage sigma, string file, IReadOnlyList<string>? partyNames = null, string jsonFormat = AssemblageJson.Format) => KindOf(file) switch
    {
        "npy" => NpyFile.Write(AssemblageLayout.Of(sigma).Shape, AssemblageLayout.ToValues(sigma)),
        "json" => AssemblageJson.Write(sigma, partyNames, jsonFormat),
        _ => throw new ArgumentException($"'{file}': an assemblage is written as .npy or .json"),
    };

    // Each d×d block: refuse a defect above the tolerance.
    private static void RequireHermitian(Complex[] values, AssemblageLayout layout, string file)
    {
        var d = layout.TrustedDimension;
        for (long start = 0; start < values.Length; start += (long)d * d)
            for (var i = 0; i < d; i++)
                for (var j = i; j < d; j++)
                {
                    var (ij, ji) = (start + i * d + j, start + j * d + i);
                    var gap = (values[ij] - Complex.Conjugate(values[ji])).Magnitude;
                    if (gap > HermiticityTolerance)
                        throw new DataFileException(file, layout.DescribeEntry(ij),
                            $"the block is not Hermitian: |σ_ij − conj(σ_ji)| = {gap:G6} between row {i}, column {j} and row {j}, column {i} (tolerance {HermiticityTolerance:G1}); " +
                            "an assemblage holds Hermitian matrices (check the order of the last two axes and the sign of the imaginary parts)");
                }
    }

    private static string Shown(Complex z) =>
        double.IsNaN(z.Real) || double.IsNaN(z.Imaginary) ? "NaN" : "infinite (" + z.ToString(System.Globalization.CultureInfo.InvariantCulture) + ")";
}
