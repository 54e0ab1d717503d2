using SteeringRng.Certification.Input;
using SteeringRng.Quantum;
using SteeringRng.Quantum.Data;
using SteeringRng.Scenario;

namespace SteeringRng.Certification.Data;

/// <summary>
/// Assemblage files for library callers (docs/formulations/measured-data.md): read one from disk through the bounded
/// reader (64 MB, as every data file), check it is a valid assemblage, optionally repair it; then give it to
/// <see cref="CertificationEngine.Certify"/>. Scenario files do the same through <c>assemblage = file(...)</c>.
/// </summary>
public static class AssemblageFiles
{
    /// <summary>What was read: the assemblage to use (as read, or repaired), and the repair when there was one.</summary>
    public sealed record Measured(Assemblage Assemblage, RepairResult? Repair);

    /// <param name="partyNames">Names of the untrusted parties, for messages (default B, C, D, …).</param>
    /// <param name="repair">Replace invalid data by the nearest valid assemblage (Frobenius norm) instead of refusing them.</param>
    /// <exception cref="DataFileException">The file is missing, too large, malformed, or (without repair) not a valid assemblage.</exception>
    public static Measured Read(string path, IReadOnlyList<string>? partyNames = null, bool repair = false)
    {
        var sigma = AssemblageFile.Read(ReadBytes(path), path);
        var names = partyNames ?? Enumerable.Range(0, sigma.PartyCount).Select(j => ((char)('B' + j)).ToString()).ToArray();
        var violations = AssemblageValidity.Violations(sigma, names);
        if (violations.Count == 0) return new Measured(sigma, null);
        if (!repair)
            throw new DataFileException(path, "", $"not a valid assemblage (tolerance {AssemblageValidity.Tolerance:G1}): {string.Join("; ", violations)}; " +
                                                  "read it with repair to use the nearest valid assemblage (Frobenius norm)");
        var result = NearestAssemblage.Repair(sigma);
        return new Measured(result.Repaired, result);
    }

    /// <summary>A data file's bytes through the bounded reader (64 MB, as every data file).</summary>
    /// <exception cref="DataFileException">Missing, unreadable or too large.</exception>
    internal static byte[] ReadBytes(string path)
    {
        FileBytes content;
        try { content = BoundedFile.ReadBytes(path, InputLimits.MaxDataBytes); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { throw new DataFileException(path, "", "cannot be read: " + e.Message); }
        return content switch
        {
            FileBytes.Bytes b => b.Item,
            _ when content.IsTooLarge => throw new DataFileException(path, "", $"larger than {InputLimits.Describe(InputLimits.MaxDataBytes)}, the limit for data files; it was not read"),
            _ => throw new DataFileException(path, "", "not found"),
        };
    }

    /// <summary>Writes an assemblage as .npy or .json (by extension).</summary>
    /// <exception cref="ArgumentException">Another extension.</exception>
    public static void Write(string path, Assemblage sigma, IReadOnlyList<string>? partyNames = null) =>
        File.WriteAllBytes(path, AssemblageFile.Write(sigma, path, partyNames));
}
