using System.Diagnostics;
using System.Text;
using SteeringRng.Sdp.Sdpa;

namespace SteeringRng.Sdp.Tests;

/// <summary>
/// Soak test of the SDPA reader: seeded random texts built from SDPA-like pieces, and the fixtures of tests/data with
/// random edits, must each parse or fail with <see cref="SdpaFormatException"/> — no other exception — within 1 s.
/// Deterministic: the seeds are fixed, a failure names the seed and the input.
/// </summary>
public class SdpaReaderFuzzTests
{
    private const int Inputs = 1500;

    /// <summary>Pieces of SDPA files and of broken ones: huge and negative counts, odd numbers, separators, junk.</summary>
    private static readonly string[] Fragments =
    [
        "0", "1", "2", "3", "-1", "-2", "5", "7", " ", " ", "\t", "\n", "\n", "\r\n", "{", "}", "(", ")", ",", "=", "\"", "*",
        "1e9", "1e-9", "1e308", "1e309", "-1e400", "NaN", "Infinity", "-0", "0.5", ".", "e", "+", "2000000000",
        "-100000000", "50000", "200000", "4294967296", "-2147483648", "9223372036854775807", "99999999999999999999",
        "= mDIM", "= nBLOCK", "1 1 1 1 1", "0 1 1 2 0.5", "2 1 2 1 -1", "\u0000", "é", "x",
    ];

    public static TheoryData<int> Seeds() => new() { 1, 2, 3, 4 };

    [Theory]
    [MemberData(nameof(Seeds))]
    public void RandomTexts_FailOnlyWithFormatErrors(int seed)
    {
        var rng = new Random(seed);
        for (var k = 0; k < Inputs; k++)
        {
            var text = new StringBuilder();
            var parts = rng.Next(1, 40);
            for (var t = 0; t < parts; t++) text.Append(Fragments[rng.Next(Fragments.Length)]);
            AssertParsesOrFormatError(text.ToString(), seed, k);
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void MutatedFixtures_FailOnlyWithFormatErrors(int seed)
    {
        var files = Directory.GetFiles(Path.Combine(SdpaTestPaths.Root, "tests", "data"), "*.dat-s").Order(StringComparer.Ordinal)
            .Select(File.ReadAllText).ToArray();
        var rng = new Random(seed);
        for (var k = 0; k < Inputs; k++)
        {
            var text = new StringBuilder(files[rng.Next(files.Length)]);
            var edits = rng.Next(1, 6);
            for (var e = 0; e < edits; e++) Mutate(text, rng);
            AssertParsesOrFormatError(text.ToString(), seed, k);
        }
    }

    /// <summary>One random edit: delete a span, insert a fragment, duplicate a span, or replace a number-like word.</summary>
    private static void Mutate(StringBuilder text, Random rng)
    {
        var at = rng.Next(text.Length + 1);
        var span = Math.Min(rng.Next(1, 30), text.Length - at);
        switch (rng.Next(4))
        {
            case 0: text.Remove(at, span); break;
            case 1: text.Insert(at, Fragments[rng.Next(Fragments.Length)]); break;
            case 2: text.Insert(at, text.ToString(at, span)); break;
            default:
                var end = at;
                while (end < text.Length && !char.IsWhiteSpace(text[end])) end++;
                text.Remove(at, end - at).Insert(at, Fragments[rng.Next(Fragments.Length)]);
                break;
        }
    }

    private static void AssertParsesOrFormatError(string text, int seed, int k)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            SdpaReader.Read(new StringReader(text));
        }
        catch (SdpaFormatException e)
        {
            Assert.True(e.Line >= 1, $"seed {seed}, input {k}: line {e.Line} in '{e.Message}'");
        }
        catch (Exception e)
        {
            Assert.Fail($"seed {seed}, input {k}: {e.GetType().Name}: {e.Message}\n--- input ---\n{text}");
        }
        // A hang detector, on wall time: a reader that loops or blows up never returns, a correct one takes
        // milliseconds; the bound is generous because a loaded test machine stretches wall time 10-fold.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"seed {seed}, input {k}: took {clock.Elapsed}\n--- input ---\n{text}");
    }
}
