using System.Diagnostics;
using System.Security.Cryptography;

namespace SteeringRng.Cli.Tests;

/// <summary>
/// steer extract: a published vector through files, the summary's numbers, and every refusal (located message, exit
/// code ≠ 0, nothing written, quickly).
/// </summary>
public sealed class ExtractCommandTests : IDisposable
{
    private readonly ScenarioFolder _folder = new("steer-extract-");

    public void Dispose() => _folder.Dispose();

    private string WriteBytes(string name, byte[] bytes)
    {
        var path = Path.Combine(_folder.Path, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private string PathOf(string name) => Path.Combine(_folder.Path, name);

    // rokzitko/toeplitz, 512x256/x64-nr1-hex.dat and y64-nr1-hex.dat with the matrix of c64-hex.dat (first column) and
    // r64-hex.dat (first row), hex = bits most significant first, as our files. Our seed s = reverse(r) ++ c[1..]
    // (T[i][j] = s[i − j + n − 1]; the mapping is derived in the extraction library's KnownAnswerTests).
    private const string C = "8040498024031ce5d9966e40042ebf9cff68fc305df143e05195fdc55b1b9d7d";
    private const string R = "c323324832ac57d9b34bc5e4467c7ae2f5c45fd315d9f3439d20c695c4f0dafe8cbf12f110e2ddc16900bd05699efab60e6d22e048e901533beae4c8e8b410bc";
    private const string X = "0acaca69764849043b59e2b28cd1e38fcbf5fdc323d6f4e3a8b3b32ece1d4378abfe4d21e828a67b873b2ef4c5466d5648c11fe048b8d7318a519c009922c848";
    private const string Y = "5ea1e51b660babb7603ceb445d0ff98c0405e852ac198c48d934bf9b2dd99179";

    private static bool[] Bits(byte[] bytes, int count) => Enumerable.Range(0, count).Select(t => (bytes[t / 8] >> (7 - t % 8) & 1) == 1).ToArray();

    private static byte[] Bytes(bool[] bits)
    {
        var bytes = new byte[(bits.Length + 7) / 8];
        for (var t = 0; t < bits.Length; t++) if (bits[t]) bytes[t / 8] |= (byte)(0x80 >> (t % 8));
        return bytes;
    }

    private static byte[] ZitkoSeed() => Bytes([.. Bits(Convert.FromHexString(R), 512).Reverse(), .. Bits(Convert.FromHexString(C), 256).Skip(1)]);

    private (string Input, string Seed) ZitkoFiles() => (WriteBytes("x.bin", Convert.FromHexString(X)), WriteBytes("seed.bin", ZitkoSeed()));

    [Theory]
    [InlineData("384", "2^-64", null)]          // m = 384 − 128 = 256, the maximum
    [InlineData("400.5", "2^-64", "256")]       // maximum 272; 256 asked
    public void A_published_vector_through_files(string k, string epsilon, string? outputBits)
    {
        var (input, seed) = ZitkoFiles();
        var output = PathOf("y.bin");
        string[] args = ["extract", "--input", input, "--seed", seed, "--entropy", k, "--epsilon", epsilon, "--output", output];
        var r = CliRunner.Run(outputBits is null ? args : [.. args, "--output-bits", outputBits]);
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Equal(Y, Convert.ToHexStringLower(File.ReadAllBytes(output)));
        Assert.Contains("n = 512 bits (64 bytes)", r.Stdout);
        Assert.Contains("m = 256 bits (32 bytes)", r.Stdout);
        Assert.Contains("n + m - 1 = 767 bits used of 768", r.Stdout);
        Assert.Contains($"SHA-256 {Convert.ToHexStringLower(SHA256.HashData(Convert.FromHexString(Y)))}", r.Stdout);
        Assert.Contains($"SHA-256 of the first 96 bytes {Convert.ToHexStringLower(SHA256.HashData(ZitkoSeed()))}", r.Stdout);
        Assert.Contains($"wrote    {output}", r.Stdout);
    }

    [Fact]
    public void Without_output_nothing_is_written_but_the_hash_is_printed()
    {
        var (input, seed) = ZitkoFiles();
        var before = Directory.GetFiles(_folder.Path).Order().ToList();
        var r = CliRunner.Run("extract", "--input", input, "--seed", seed, "--entropy", "384", "--epsilon", "2^-64");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains(Convert.ToHexStringLower(SHA256.HashData(Convert.FromHexString(Y))), r.Stdout);
        Assert.Equal(before, Directory.GetFiles(_folder.Path).Order().ToList());
    }

    [Fact]
    public void A_decimal_error_rounds_the_output_down()
    {
        // 2 log2(1e20) = 132.877…: K = 400 gives floor(267.12…) = 267 bits, 34 bytes.
        var (input, _) = ZitkoFiles();
        var seed = WriteBytes("big-seed.bin", new byte[200]);
        var output = PathOf("y.bin");
        var r = CliRunner.Run("extract", "--input", input, "--seed", seed, "--entropy", "400", "--epsilon", "1e-20", "--output", output);
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("m = 267 bits (34 bytes)", r.Stdout);
        Assert.Equal(34, new FileInfo(output).Length);
    }

    /// <summary>Runs steer, asserts the exit code, no stdout, no stack trace, no output file, and returns stderr.</summary>
    private string Refused(int code, params string[] args)
    {
        var clock = Stopwatch.StartNew();
        var output = PathOf("out.bin");
        var r = CliRunner.Run(["extract", .. args, "--output", output]);
        Assert.Equal(code, r.ExitCode);
        Assert.Equal("", r.Stdout);
        Assert.DoesNotContain("internal error", r.Stderr);
        Assert.DoesNotContain("   at ", r.Stderr);
        Assert.False(File.Exists(output), "an output was written");
        Assert.Empty(Directory.GetFiles(_folder.Path, ".*tmp*"));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
        return r.Stderr;
    }

    [Fact]
    public void A_seed_too_short_says_how_many_bits_are_needed()
    {
        var (input, _) = ZitkoFiles();
        var seed = WriteBytes("short.bin", new byte[95]);
        var message = Refused(3, "--input", input, "--seed", seed, "--entropy", "384", "--epsilon", "2^-64");
        Assert.Contains($"--seed '{seed}' is too short: 760 bits (95 bytes), but n + m - 1 = 512 + 256 - 1 = 767 bits (96 bytes) are needed.", message);
    }

    [Fact]
    public void An_output_longer_than_the_entropy_allows_is_refused()
    {
        var (input, seed) = ZitkoFiles();
        var message = Refused(3, "--input", input, "--seed", seed, "--entropy", "384", "--epsilon", "2^-64", "--output-bits", "257");
        Assert.Contains("--output-bits 257 is longer than the entropy allows: at most m = floor(K - 2 log2(1/E)) = floor(384 - 128) = 256 bits.", message);
    }

    [Theory]
    [InlineData("128", "2^-64")]
    [InlineData("100", "2^-64")]
    [InlineData("132.8", "1e-20")]
    public void No_entropy_left_after_the_error_is_refused(string k, string epsilon)
    {
        var (input, seed) = ZitkoFiles();
        var message = Refused(3, "--input", input, "--seed", seed, "--entropy", k, "--epsilon", epsilon);
        Assert.Contains($"no bit can be extracted: K = {k} <= 2 log2(1/E)", message);
    }

    [Fact]
    public void More_entropy_than_bits_is_refused()
    {
        var (input, seed) = ZitkoFiles();
        Assert.Contains("--entropy 513 exceeds the input's n = 512 bits", Refused(3, "--input", input, "--seed", seed, "--entropy", "513", "--epsilon", "2^-64"));
    }

    [Fact]
    public void Empty_missing_folder_and_oversized_inputs_are_refused()
    {
        var (_, seed) = ZitkoFiles();
        var empty = WriteBytes("empty.bin", []);
        Assert.Contains($"--input '{empty}' is empty", Refused(3, "--input", empty, "--seed", seed, "--entropy", "300", "--epsilon", "2^-64"));
        var missing = PathOf("missing.bin");
        Assert.Contains($"--input '{missing}': file not found.", Refused(3, "--input", missing, "--seed", seed, "--entropy", "300", "--epsilon", "2^-64"));
        var folder = Directory.CreateDirectory(PathOf("dir")).FullName;
        Assert.Contains($"--seed '{folder}' is a folder, not a file.", Refused(3, "--input", seed, "--seed", folder, "--entropy", "300", "--epsilon", "2^-64"));
        // A sparse file: its size is refused before anything is read or allocated.
        var huge = PathOf("huge.bin");
        using (var stream = File.Create(huge)) stream.SetLength(Array.MaxLength / 2 + 1L);
        var message = Refused(3, "--input", huge, "--seed", seed, "--entropy", "300", "--epsilon", "2^-64");
        Assert.Contains($"--input '{huge}' holds {Array.MaxLength / 2 + 1L} bytes; at most", message);
    }

    [SkippableFact]
    public void An_unreadable_seed_is_refused()
    {
        Skip.If(OperatingSystem.IsWindows() || Environment.UserName == "root", "needs Unix permissions that bind (not root)");
        if (OperatingSystem.IsWindows()) return;
        var (input, seed) = ZitkoFiles();
        File.SetUnixFileMode(seed, UnixFileMode.None);
        Assert.Contains($"--seed '{seed}' cannot be read", Refused(3, "--input", input, "--seed", seed, "--entropy", "384", "--epsilon", "2^-64"));
    }

    [Fact]
    public void An_output_that_is_an_input_is_refused_and_the_input_kept()
    {
        var (input, seed) = ZitkoFiles();
        foreach (var (target, origin) in new[] { (input, "--input"), (Path.Combine(_folder.Path, "dir2", "..", "seed.bin"), "--seed") })
        {
            Directory.CreateDirectory(PathOf("dir2"));
            var r = CliRunner.Run("extract", "--input", input, "--seed", seed, "--entropy", "384", "--epsilon", "2^-64", "--output", target);
            Assert.Equal(3, r.ExitCode);
            Assert.Contains($"--output '{target}' is the {origin} file; writing it would destroy an input.", r.Stderr);
        }
        Assert.Equal(X, Convert.ToHexStringLower(File.ReadAllBytes(input)));
        Assert.Equal(ZitkoSeed(), File.ReadAllBytes(seed));
    }

    [Fact]
    public void A_refusal_leaves_an_existing_output_untouched()
    {
        var (input, seed) = ZitkoFiles();
        var output = WriteBytes("keep.bin", [1, 2, 3]);
        var r = CliRunner.Run("extract", "--input", input, "--seed", seed, "--entropy", "384", "--epsilon", "2^-64", "--output", output, "--output-bits", "300");
        Assert.Equal(3, r.ExitCode);
        Assert.Equal([1, 2, 3], File.ReadAllBytes(output));
    }

    [Theory]
    [InlineData("--epsilon", "2", "--epsilon: the error must lie strictly between 0 and 1, got '2'.")]
    [InlineData("--epsilon", "2^64", "--epsilon: ")]
    [InlineData("--entropy", "-3", "--entropy needs the certified smooth min-entropy")]
    [InlineData("--output-bits", "1.5", "--output-bits needs a positive whole number of bits, got '1.5'.")]
    [InlineData("--output-bits", "0", "--output-bits needs a positive whole number")]
    [InlineData("--frobnicate", "1", "unknown option '--frobnicate'.")]
    public void Bad_arguments_are_usage_errors(string option, string value, string expected)
    {
        var (input, seed) = ZitkoFiles();
        string[] args = ["--input", input, "--seed", seed, "--entropy", "384", "--epsilon", "2^-64"];
        // The option given last wins for repeated options; an unknown one is refused wherever it stands.
        var message = Refused(2, [.. args, option, value]);
        Assert.Contains(expected, message);
        Assert.Contains("See 'steer extract --help'.", message);
    }

    [Fact]
    public void Missing_options_are_named()
    {
        var r = CliRunner.Run("extract", "--input", "x");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("missing --seed, --entropy, --epsilon.", r.Stderr);
    }

    [Fact]
    public void Help_lists_the_command_and_its_bit_order()
    {
        Assert.Contains("extract ", CliRunner.Run("--help").Stdout);
        var help = CliRunner.Run("extract", "--help").Stdout;
        // System.CommandLine's help: each option with its value's name and description.
        foreach (var option in new[] { "--input <FILE>", "--seed <FILE>", "--entropy <K>", "--epsilon <E>", "--output <FILE>", "--output-bits <M>" })
            Assert.Contains(option, help);
        Assert.Contains("the most significant bit of each", help);
    }
}
