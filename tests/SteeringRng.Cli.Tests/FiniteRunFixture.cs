using SteeringRng.Certification.Protocol;

namespace SteeringRng.Cli.Tests;

/// <summary>
/// Files for runs of the ghz3-finite model (samples/ghz3-finite.scn copied into a temporary folder): protocols,
/// simulated counts (steer export --counts, seeded), seeded raw bits and seeds (SplitMix64, our own), and a stand-in
/// analysis with a known entropy for the tests of hashing, chain and extraction that need no solver.
/// </summary>
internal sealed class FiniteRunFixture : IDisposable
{
    public ScenarioFolder Folder { get; } = new("steer-finite-");

    public FiniteRunFixture()
    {
        File.Copy(Path.Combine(CliRunner.Root, "samples", "ghz3-finite.scn"), PathOf("model.scn"));
    }

    public void Dispose() => Folder.Dispose();

    public string PathOf(string name) => Path.Combine(Folder.Path, name);

    /// <summary>A protocol on model.scn (no correlators unless given), uncommitted.</summary>
    public static string Protocol(long rounds, double gamma, double tolerance, string outputBits = "max", string analysis = "eat", string extra = "") => $"""
        scenario = model.scn
        objective = joint
        bound = npa 1
        rounds = {rounds}
        test-probability = {gamma.ToString(System.Globalization.CultureInfo.InvariantCulture)}
        tolerance = {tolerance.ToString(System.Globalization.CultureInfo.InvariantCulture)}
        epsilon-smoothing = 2^-66
        epsilon-accumulation = 2^-66
        epsilon-extractor = 2^-64
        extractor = toeplitz
        output-bits = {outputBits}
        analysis = {analysis}
        {extra}
        """;

    /// <summary>Writes the protocol and appends the commitment line computed independently of steer plan's printing path.</summary>
    public string Committed(string name, string text)
    {
        var path = Folder.Write(name, text);
        var bound = BoundProtocol.Bind(ProtocolFile.Load(path));
        File.AppendAllText(path, $"\ncommitment = sha256:{bound.Hash}\n");
        return path;
    }

    /// <summary>Simulated test-round counts of the model (18 setting tuples × perSetting events) at mu.</summary>
    public string Counts(string name, long perSetting, double mu = 0.9, ulong seed = 1)
    {
        var path = PathOf(name);
        var r = CliRunner.Run("export", PathOf("model.scn"), "--probabilities", path, "--counts", perSetting.ToString(), "--seed", seed.ToString(),
            "--set", $"mu={mu.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        Assert.True(r.ExitCode == 0, r.Stderr);
        return path;
    }

    public string Bytes(string name, long count, ulong seed)
    {
        var bytes = new byte[count];
        var state = seed;
        for (var i = 0; i < count; i += 8)
        {
            var z = state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            z ^= z >> 31;
            for (var j = 0; j < 8 && i + j < count; j++) bytes[i + j] = (byte)(z >> (8 * j));
        }
        var path = PathOf(name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>A file of zero bytes of the given length without writing them (sparse), for runs refused before reading.</summary>
    public string Zeros(string name, long count)
    {
        var path = PathOf(name);
        using var stream = new FileStream(path, FileMode.Create);
        stream.SetLength(count);
        return path;
    }
}

/// <summary>
/// A stand-in for the finite-size analyses: k = a fixed fraction of the raw bits, recomputed from the data (not echoed
/// from the certificate), so that a changed entropy in a certificate is detected like any other value.
/// </summary>
internal sealed class FixedFractionAnalysis(double fraction) : IRunAnalysis
{
    public IReadOnlyList<AnalysisRecord> Analyse(BoundProtocol protocol, RunObservation observation, CancellationToken cancel) =>
    [
        Record(EntropyAnalysisKind.Eat, observation),
        Record(EntropyAnalysisKind.Iid, observation),
    ];

    public double Recompute(BoundProtocol protocol, RunObservation observation, AnalysisRecord recorded) => fraction * observation.RawBits;

    /// <summary>The stand-in's dual is no relaxation's: nothing to re-prove (FiniteSampleTests re-proves the real one).</summary>
    public string? DualFault(BoundProtocol protocol, DualRecord dual, CancellationToken cancel) => null;

    private AnalysisRecord Record(EntropyAnalysisKind kind, RunObservation o) =>
        new(kind, kind.ToString(), fraction * o.RawBits, fraction * BitsPerRound(o), true, new DualRecord([0.5], 0.25, [0.5], true, "stand-in"), [new("fraction", fraction)], "stand-in analysis");

    private static double BitsPerRound(RunObservation o) => (double)o.RawBits / o.GenerationRounds;
}
