using System.CommandLine;
using System.Globalization;
using System.Security.Cryptography;
using SteeringRng.Cli.CommandLine;
using SteeringRng.Cli.Output;
using SteeringRng.Certification.Input;
using SteeringRng.Extraction;

namespace SteeringRng.Cli.Commands;

/// <summary>
/// <c>steer extract</c>: the seeded Toeplitz extractor on files. Every check (sizes, entropy, seed length, memory,
/// output path) is done before any work, and a refusal writes nothing; the output is written whole or not at all.
/// The summary's hashes are what the per-run certificate records.
/// </summary>
public sealed class ExtractCommand : ISteerCommand
{
    public string Name => "extract";

    public string Summary => "hash raw bits into certified random bits with a seeded Toeplitz extractor (leftover hash lemma)";

    private readonly ExtractSyntax syntax = new();

    public Command Declare() => syntax.Declare(Name, Summary + Environment.NewLine + string.Join(Environment.NewLine,
    [
        "",
        "Computes y = T x over GF(2): x is the input (n bits), T the m x n Toeplitz matrix T[i][j] = s[i - j + n - 1] of",
        "the seed s (its first n + m - 1 bits; later bits are not used). The output length is the largest the leftover",
        "hash lemma allows, m = floor(K - 2 log2(1/E)), or M if given (M may be smaller, never larger). The output is",
        "E-close to uniform given the seed and any (quantum) side information, if K is a certified smooth min-entropy",
        "of the whole input and the seed is uniform and independent of it (docs/formulations/extraction.md).",
        "",
        "Files are raw bytes; bit t of a file is bit (7 - t mod 8) of byte floor(t/8): the most significant bit of each",
        "byte comes first. n = 8 x (input size in bytes). The output is ceil(m/8) bytes, its unused low bits 0.",
        "",
        "Prints n, m, K, E, the seed bits used and the SHA-256 of input, seed (the bytes read) and output.",
        "Refuses (exit code 3, nothing written): an empty, unreadable or too large input, a seed too short, K > n,",
        "K <= 2 log2(1/E), M above the maximum, an output path that is the input or the seed or cannot be written.",
    ]));

    public int Execute(ParseResult parsed, TextWriter stdout, TextWriter stderr)
    {
        var options = syntax.Read(parsed);
        if (options.Output is { } target) CheckNotAnInput(target, options);
        var inputBytes = RegularFileLength(options.Input, "--input");
        if (inputBytes == 0) throw new InputException($"--input '{options.Input}' is empty: there are no bits to extract from.");
        if (inputBytes > Array.MaxLength / 2)
            throw new InputException($"--input '{options.Input}' holds {inputBytes} bytes; at most {Array.MaxLength / 2} bytes ({8L * (Array.MaxLength / 2)} bits) can be extracted in one run. Split the input into blocks, each with its own entropy bound.");
        var n = 8 * inputBytes;
        var k = options.Entropy;
        if (k > n) throw new InputException($"--entropy {Show(k)} exceeds the input's n = {n} bits; a min-entropy is at most the number of bits.");

        var mMax = LeftoverHash.OutputBits(k, options.Error);
        var twoLog = 2 * options.Error.Log2InverseUpper;
        if (mMax < 1)
            throw new InputException($"no bit can be extracted: K = {Show(k)} <= 2 log2(1/E) = {Show(twoLog)} (E = {options.Error.Text}). " +
                                     "More entropy (more rounds) or a larger error is needed.");
        if (options.OutputBits is { } asked && asked > mMax)
            throw new InputException($"--output-bits {asked} is longer than the entropy allows: at most m = floor(K - 2 log2(1/E)) = " +
                                     $"floor({Show(k)} - {Show(twoLog)}) = {mMax} bits.");
        var m = options.OutputBits ?? mMax;

        var seedBits = ToeplitzExtractor.SeedBits(n, m);
        var seedBytesNeeded = (seedBits + 7) / 8;
        var seedBytes = RegularFileLength(options.Seed, "--seed");
        if (8 * seedBytes < seedBits)
            throw new InputException($"--seed '{options.Seed}' is too short: {8 * seedBytes} bits ({seedBytes} bytes), but n + m - 1 = {n} + {m} - 1 = " +
                                     $"{seedBits} bits ({seedBytesNeeded} bytes) are needed.");

        var memory = ToeplitzExtractor.EstimateWorkingBytes(n, m) + inputBytes + seedBytesNeeded;
        var available = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        if (memory > 0.8 * available)
            throw new InputException($"extracting n = {n} bits into m = {m} bits needs about {memory / 1e9:F2} GB, more than 80% of the {available / 1e9:F2} GB available; split the input into blocks.");

        if (options.Output is { } output) OutputCheck.Check([new OutputTarget.Table("--output", output, null)], []);

        var input = ReadPrefix(options.Input, "--input", inputBytes);
        var seed = ReadPrefix(options.Seed, "--seed", seedBytesNeeded);
        var y = ToeplitzExtractor.Extract(input, n, seed, m);
        if (options.Output is { } path) AtomicFile.Write(path, temporary => File.WriteAllBytes(temporary, y));

        stdout.WriteLine($"Toeplitz extraction (docs/formulations/extraction.md); {(CarrylessMultiply.HardwareAvailable ? "PCLMULQDQ" : "portable carry-less multiplication")}");
        stdout.WriteLine($"  input    {options.Input}: n = {n} bits ({inputBytes} bytes), SHA-256 {Hash(input)}");
        stdout.WriteLine($"  seed     {options.Seed}: n + m - 1 = {seedBits} bits used of {8 * seedBytes}; SHA-256 of the first {seedBytesNeeded} bytes {Hash(seed)}");
        stdout.WriteLine($"  entropy  K = {Show(k)} bits, E = {options.Error.Text} (2 log2(1/E) = {Show(twoLog)}{(options.Error.Exact ? "" : ", rounded up")})");
        stdout.WriteLine($"  output   m = {m} bits ({y.Length} bytes){(m == mMax ? ", the maximum floor(K - 2 log2(1/E))" : $" of at most {mMax}")}, SHA-256 {Hash(y)}");
        stdout.WriteLine(options.Output is { } written ? $"  wrote    {written}" : "  (no --output: the bits were not written)");
        return ExitCodes.Optimal;
    }

    // Compared in full and through symbolic links, as every output of steer is.
    private static void CheckNotAnInput(string output, ExtractOptions options)
    {
        var target = OutputCheck.Canonical(output);
        foreach (var (origin, path) in new[] { ("--input", options.Input), ("--seed", options.Seed) })
            if (string.Equals(OutputCheck.Canonical(path), target, OperatingSystem.IsLinux() ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase))
                throw new InputException($"--output '{output}' is the {origin} file; writing it would destroy an input. Choose another path.");
    }

    /// <summary>The size of a regular file, or a located refusal (missing, a folder, not readable).</summary>
    private static long RegularFileLength(string path, string origin) => FilePrefix.Length(path, Refusal(path, origin));

    /// <summary>The first <paramref name="count"/> bytes of a file (the seed file may be a larger pool).</summary>
    private static byte[] ReadPrefix(string path, string origin, long count) => FilePrefix.Prefix(path, count, Refusal(path, origin));

    private static Func<string, Exception> Refusal(string path, string origin) => reason => new InputException($"{origin} '{path}'{reason}");

    private static string Hash(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static string Show(decimal value) => value.ToString("0.############", CultureInfo.InvariantCulture);
}
