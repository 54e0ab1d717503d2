using System.Security.Cryptography;
using System.Text;
using SteeringRng.Scenario;

namespace SteeringRng.Certification.Input;

/// <summary>One file a scenario includes or reads, by its path relative to the scenario's folder and the SHA-256 of its bytes.</summary>
public sealed record InputDigest(string Path, string Sha256);

/// <summary>
/// What a scenario run computed from, by content: the SHA-256 of the scenario text after <c>--set</c> overrides (the text
/// the checker saw), and of every file it includes or reads (<see cref="ScenarioFile.Loaded.Inputs"/>). Partial results
/// of a sharded sweep carry it so that a merge never joins parts of different scenarios or different data.
/// </summary>
/// <param name="Sha256">Over the scenario text and every input: equal exactly when everything the run read is equal.</param>
public sealed record ScenarioFingerprint(string Sha256, string ScenarioSha256, IReadOnlyList<InputDigest> Inputs)
{
    /// <summary>The fingerprint of a loaded scenario (the file and its inputs are read again: <see cref="ScenarioFile.Loaded"/> keeps no text).</summary>
    /// <exception cref="ScenarioInputException">The scenario file can no longer be read.</exception>
    public static ScenarioFingerprint Of(ScenarioFile.Loaded loaded, IReadOnlyList<ParamOverride> overrides)
    {
        string text;
        try
        {
            text = BoundedFile.Read(loaded.Path, InputLimits.MaxSourceBytes) is FileContent.Text t
                ? t.Item
                : throw new ScenarioInputException($"cannot read '{loaded.Path}' again to fingerprint it.");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ScenarioInputException($"cannot read '{loaded.Path}' again to fingerprint it: {e.Message}");
        }
        var scenarioHash = Hex(SHA256.HashData(Encoding.UTF8.GetBytes(ParamOverride.Apply(loaded.Path, text, overrides))));
        // Inputs[0] is the scenario file itself (hashed above, after overrides); the rest in a fixed order, whatever order the checker read them in.
        var inputs = loaded.Inputs.Skip(1)
            .Select(full => new InputDigest(System.IO.Path.GetRelativePath(loaded.Directory, full).Replace('\\', '/'), FileHash(full)))
            .OrderBy(d => d.Path, StringComparer.Ordinal)
            .ToList();
        var all = new StringBuilder("scenario ").Append(scenarioHash).Append('\n');
        foreach (var input in inputs) all.Append(input.Path).Append('\0').Append(input.Sha256).Append('\n');
        return new ScenarioFingerprint(Hex(SHA256.HashData(Encoding.UTF8.GetBytes(all.ToString()))), scenarioHash, inputs);
    }

    // A file the checker could not read (it would have failed the check unless unused) is named by that fact, not a hash.
    private static string FileHash(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return Hex(SHA256.HashData(stream));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return "unreadable"; }
    }

    private static string Hex(byte[] hash) => Convert.ToHexStringLower(hash);
}
