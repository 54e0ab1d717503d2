using SteeringRng.Certification.Protocol;

namespace SteeringRng.Cli.Tests;

/// <summary>
/// steer finite and steer plan on bad input: located messages, exit code 3, nothing written that looks like output bits.
/// </summary>
public sealed class FiniteCommandTests : IDisposable
{
    private readonly FiniteRunFixture _f = new();

    public void Dispose() => _f.Dispose();

    private CliRunner.Result Finite(string protocol, string counts, string raw, string seed) =>
        CliRunner.Run("finite", protocol, "--counts", counts, "--raw", raw, "--seed", seed, "--output", _f.PathOf("bits.bin"), "--certificate", _f.PathOf("run.json"));

    private void NothingWritten()
    {
        Assert.False(File.Exists(_f.PathOf("bits.bin")));
        Assert.False(File.Exists(_f.PathOf("run.json")));
        Assert.Empty(Directory.GetFiles(_f.Folder.Path, "*.tmp*"));
    }

    [Fact]
    public void Counts_outside_the_acceptance_region_abort_with_the_statistic_named()
    {
        // 10^4 events per tuple: T = 180000 = γ n; data at mu = 0.3 against the model at mu = 0.9: p(000|XXX) = (1 + mu)/8.
        var protocol = _f.Committed("p.protocol", FiniteRunFixture.Protocol(900000, 0.2, 0.05));
        var counts = _f.Counts("counts.csv", 10000, mu: 0.3);
        var raw = _f.Zeros("raw.bin", 900000 * 3 / 8);
        var r = Finite(protocol, counts, raw, _f.Zeros("seed.bin", 1 << 20));
        Assert.Equal(3, r.ExitCode);
        Assert.Contains($"{counts}: error SR1238: the run is not accepted and aborts (no bits are produced):", r.Stderr);
        // observed ≈ (1 + 0.3)/8 = 0.1625 (sampling: σ ≈ 0.004), expected (1 + 0.9)/8 = 0.2375
        Assert.Matches(@"p\(Alice=X:0 Bob=X:0 Charlie=X:0\): observed 0\.1[5-7]\d*, expected 0\.2375 ± 0\.05 = \[0\.1875, 0\.2875\]", r.Stderr);
        NothingWritten();
    }

    [Fact]
    public void A_correlator_outside_its_interval_aborts_too()
    {
        // <XXX> = mu for noisy GHZ: the data (mu = 0.9) are inside the box of every p(o|s) (δ = 0.05) but not <XXX> = 0.8 ± 0.05.
        var protocol = _f.Committed("p.protocol", FiniteRunFixture.Protocol(900000, 0.2, 0.05, extra: "statistic xxx = Alice.X Bob.X Charlie.X expect 0.8 tolerance 0.05"));
        var r = Finite(protocol, _f.Counts("counts.csv", 10000), _f.Zeros("raw.bin", 900000 * 3 / 8), _f.Zeros("seed.bin", 1 << 20));
        Assert.Equal(3, r.ExitCode);
        Assert.Matches(@"1 statistic\(s\) outside the acceptance region: statistic 'xxx' <Alice\.X Bob\.X Charlie\.X>: observed 0\.(89|9)\d*, expected 0\.8 ± 0\.05", r.Stderr);
        NothingWritten();
    }

    [Theory]
    [InlineData(337501)]
    [InlineData(180000)] // the G = 720000 generation rounds' 2 guessed bits alone (the format before run certificate 2)
    public void A_raw_file_of_the_wrong_size_is_refused(long bytes)
    {
        var protocol = _f.Committed("p.protocol", FiniteRunFixture.Protocol(900000, 0.2, 0.05));
        var raw = _f.Zeros("raw.bin", bytes);
        var r = Finite(protocol, _f.Counts("counts.csv", 10000), raw, _f.Zeros("seed.bin", 10));
        Assert.Equal(3, r.ExitCode);
        // d_O = 8: the 2³ outcome tuples of a test setting tuple, every node's outcome recorded.
        Assert.Contains($"{raw}: error SR1237: holds {bytes} bytes, but the raw file holds all n = 900000 rounds (T = 180000 test and G = 720000 generation rounds, " +
                        "finite-protocol.md §2) of ⌈log2 d_O⌉ = ⌈log2 8⌉ = 3 bits: 2700000 bits = 337500 bytes (not only the generation rounds", r.Stderr);
        NothingWritten();
    }

    [Fact]
    public void Too_few_rounds_for_any_certified_bit_is_refused_after_the_analysis()
    {
        // At n = 9·10^5 the EAT rate is negative (steer plan: positive only from about 3·10^7 rounds at γ = 0.2).
        var protocol = _f.Committed("p.protocol", FiniteRunFixture.Protocol(900000, 0.2, 0.05, outputBits: "1000"));
        var r = Finite(protocol, _f.Counts("counts.csv", 10000), _f.Zeros("raw.bin", 900000 * 3 / 8), _f.Zeros("seed.bin", 1 << 20));
        Assert.Equal(3, r.ExitCode);
        Assert.Contains("error SR1239: the EAT (general attacks, quantum side information) analysis certifies no entropy for this run", r.Stderr);
        NothingWritten();
    }

    [Fact]
    public void Usage_errors_exit_2()
    {
        Assert.Equal(2, CliRunner.Run("finite").ExitCode);
        Assert.Equal(2, CliRunner.Run("finite", "p.protocol", "--counts", "c.csv").ExitCode);
        Assert.Equal(2, CliRunner.Run("finite", "p.protocol", "--bogus", "x").ExitCode);
        Assert.Equal(2, CliRunner.Run("plan").ExitCode);
        Assert.Equal(2, CliRunner.Run("plan", "p.protocol", "--bits", "-3").ExitCode);
    }

    [Fact]
    public void An_output_path_that_is_an_input_is_refused()
    {
        var protocol = _f.Committed("p.protocol", FiniteRunFixture.Protocol(900000, 0.2, 0.05));
        var counts = _f.Counts("counts.csv", 10000);
        var r = CliRunner.Run("finite", protocol, "--counts", counts, "--raw", counts, "--seed", counts, "--output", counts, "--certificate", _f.PathOf("run.json"));
        Assert.Equal(3, r.ExitCode);
        Assert.Contains("writing it would destroy an input", r.Stderr);
    }

    [Fact]
    public void A_bad_protocol_file_gives_a_located_error_from_plan_and_finite()
    {
        var path = _f.Folder.Write("bad.protocol", FiniteRunFixture.Protocol(900000, 0.2, 0.05).Replace("test-probability = 0.2", "test-probability = 0"));
        foreach (var r in new[] { CliRunner.Run("plan", path), Finite(path, "c.csv", "r.bin", "s.bin") })
        {
            Assert.Equal(3, r.ExitCode);
            Assert.Contains($"{path}:5:20: error SR1234: the test probability γ must lie strictly between 0 and 1, got '0'.", r.Stderr);
        }
        NothingWritten();
    }
}
