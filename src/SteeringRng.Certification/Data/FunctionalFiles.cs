using System.Numerics;
using SteeringRng.Quantum;
using SteeringRng.Quantum.Data;

namespace SteeringRng.Certification.Data;

/// <summary>
/// Steering-functional files (docs/formulations/measured-probabilities.md, "One functional value"): F_{a|x}, one
/// Hermitian d_A × d_A block of any sign per outcome and setting tuple of the untrusted nodes, in the layout of an
/// assemblage file (docs/formulations/measured-data.md) — JSON with <c>"format": "steeringrng-functional"</c>, or .npy —
/// so that β(σ) = Σ_{a,x} Re Tr[F_{a|x} σ_{a|x}]. Read with the assemblage reader's checks (shape, finite entries,
/// Hermitian blocks, located errors); the blocks are carried in an <see cref="Assemblage"/>-shaped container (no
/// positivity or normalisation is asked of a functional).
/// </summary>
public static class FunctionalFiles
{
    /// <summary>Reads a functional file from disk.</summary>
    /// <param name="expected">The assemblage whose layout the functional must have (null: any).</param>
    /// <param name="partyNames">The untrusted nodes in order: a JSON party "name", where given, must be the same.</param>
    /// <exception cref="DataFileException">Missing, too large, malformed, of another layout, NaN, or a non-Hermitian block.</exception>
    public static Assemblage Read(string path, Assemblage? expected = null, IReadOnlyList<string>? partyNames = null) =>
        AssemblageFile.Read(AssemblageFiles.ReadBytes(path), path, expected is null ? null : AssemblageLayout.Of(expected), partyNames, AssemblageJson.FunctionalFormat);

    /// <summary>Writes F (blocks in assemblage order, as <see cref="Blocks"/> gives them) in the layout of <paramref name="shape"/>, .json or .npy by extension.</summary>
    /// <exception cref="ArgumentException">Another extension, or not one d_A × d_A block per tuple of the shape.</exception>
    public static void Write(string path, Complex[][,] functional, Assemblage shape, IReadOnlyList<string>? partyNames = null) =>
        File.WriteAllBytes(path, Bytes(functional, shape, path, partyNames));

    /// <summary>The file's bytes for F, .json or .npy by the extension of <paramref name="file"/>.</summary>
    /// <exception cref="ArgumentException">Another extension, or not one d_A × d_A block per tuple of the shape.</exception>
    public static byte[] Bytes(Complex[][,] functional, Assemblage shape, string file, IReadOnlyList<string>? partyNames = null) =>
        AssemblageFile.Write(Of(functional, shape), file, partyNames, AssemblageJson.FunctionalFormat);

    /// <summary>The blocks in assemblage order: setting tuples outer, outcome tuples inner (the steering test's order).</summary>
    public static Complex[][,] Blocks(Assemblage functional) =>
        [.. functional.SettingTuples().SelectMany(x => functional.OutcomeTuples().Select(a => functional[a, x]))];

    /// <summary>Blocks in assemblage order as a container of the shape's layout.</summary>
    /// <exception cref="ArgumentException">Not one block per tuple, or a block of another size.</exception>
    public static Assemblage Of(Complex[][,] functional, Assemblage shape)
    {
        var tuples = shape.SettingTupleCount * shape.OutcomeTupleCount;
        if (functional.Length != tuples) throw new ArgumentException($"{functional.Length} blocks for {tuples} (setting, outcome) tuples.", nameof(functional));
        var index = shape.SettingTuples().SelectMany(x => shape.OutcomeTuples().Select(a => Key(a, x)))
            .Select((key, i) => (key, i)).ToDictionary(p => p.key, p => p.i);
        return new Assemblage(shape.TrustedDimension, [.. shape.Settings], [.. shape.Outcomes], (a, x) => functional[index[Key(a, x)]]);
    }

    /// <summary>Same trusted dimension, settings and outcomes per node.</summary>
    public static bool SameShape(Assemblage p, Assemblage q) =>
        p.TrustedDimension == q.TrustedDimension && p.Settings.SequenceEqual(q.Settings) && p.Outcomes.SequenceEqual(q.Outcomes);

    /// <summary>"settings (3, 3), outcomes (2, 2), d_A = 2".</summary>
    public static string DescribeShape(Assemblage p) =>
        $"settings ({string.Join(", ", p.Settings)}), outcomes ({string.Join(", ", p.Outcomes)}), d_A = {p.TrustedDimension}";

    private static string Key(int[] a, int[] x) => string.Join(",", x) + "|" + string.Join(",", a);
}
