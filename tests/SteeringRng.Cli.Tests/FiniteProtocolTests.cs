using System.Security.Cryptography;
using System.Text;
using SteeringRng.Certification.Input;
using SteeringRng.Certification.Protocol;

namespace SteeringRng.Cli.Tests;

/// <summary>
/// Protocol files (docs/formulations/finite-protocol.md): the canonical form and its SHA-256, invariance under
/// formatting, sensitivity to every parameter, located errors, and the commitment check.
/// </summary>
public sealed class FiniteProtocolTests : IDisposable
{
    private readonly FiniteRunFixture _f = new();

    public void Dispose() => _f.Dispose();

    private BoundProtocol Bind(string text, string name = "p.protocol") => BoundProtocol.Bind(ProtocolFile.Load(_f.Folder.Write(name, text)));

    [Fact]
    public void The_canonical_form_is_the_documented_text_and_the_hash_its_SHA256()
    {
        var b = Bind(FiniteRunFixture.Protocol(9000, 0.2, 0.3, extra: "statistic xxx = Alice.X Bob.X Charlie.X expect 0.9 tolerance 0.02"));
        var expected = "steer protocol 1\n" +
                       $"scenario-sha256={b.ScenarioSha256}\n" +
                       "objective=joint\nbound=npa 1\nrounds=9000\ntest-probability=0.2\ntolerance=0.3\n" +
                       "epsilon-smoothing=2^-66\nepsilon-accumulation=2^-66\nepsilon-extractor=2^-64\nextractor=toeplitz\noutput-bits=max\nanalysis=eat\n" +
                       "statistic=xxx:Alice.X,Bob.X,Charlie.X:expect=0.9:tolerance=0.02\n";
        Assert.Equal(expected, b.Canonical);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(expected))), b.Hash);
        // The scenario enters by the SHA-256 of its text (no file it reads): the fingerprint's documented form.
        var scenarioText = File.ReadAllText(_f.PathOf("model.scn"));
        var textHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(scenarioText)));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"scenario {textHash}\n"))), b.ScenarioSha256);
    }

    [Fact]
    public void Formatting_comments_order_and_number_spelling_do_not_change_the_hash()
    {
        var a = Bind(FiniteRunFixture.Protocol(9000, 0.2, 0.3), "a.protocol");
        var reordered = """
            # the same parameters, written differently
            analysis=eat
            output-bits =   max     # trailing comment
            extractor = toeplitz
            epsilon-extractor = 2**-64
            epsilon-accumulation = 2^-66
            epsilon-smoothing = 2^(-66)
            tolerance = 3e-1
            test-probability = 0.20
            rounds = 9e3
            bound = npa   1

            objective = joint
            scenario = model.scn
            """;
        Assert.Equal(a.Hash, Bind(reordered, "b.protocol").Hash);
    }

    [Theory]
    [InlineData("rounds = 9000", "rounds = 9001")]
    [InlineData("test-probability = 0.2", "test-probability = 0.21")]
    [InlineData("tolerance = 0.3", "tolerance = 0.29")]
    [InlineData("epsilon-smoothing = 2^-66", "epsilon-smoothing = 2^-65")]
    [InlineData("epsilon-accumulation = 2^-66", "epsilon-accumulation = 1e-20")]
    [InlineData("epsilon-extractor = 2^-64", "epsilon-extractor = 2^-63")]
    [InlineData("output-bits = max", "output-bits = 1000")]
    [InlineData("analysis = eat", "analysis = iid")]
    [InlineData("bound = npa 1", "bound = ns")]
    public void Every_parameter_changes_the_hash(string from, string to)
    {
        var text = FiniteRunFixture.Protocol(9000, 0.2, 0.3);
        Assert.Contains(from, text);
        Assert.NotEqual(Bind(text, "a.protocol").Hash, Bind(text.Replace(from, to), "b.protocol").Hash);
    }

    [Fact]
    public void A_changed_scenario_changes_the_hash()
    {
        var text = FiniteRunFixture.Protocol(9000, 0.2, 0.3);
        var before = Bind(text).Hash;
        File.WriteAllText(_f.PathOf("model.scn"), File.ReadAllText(_f.PathOf("model.scn")).Replace("param mu = 0.9", "param mu = 0.91"));
        Assert.NotEqual(before, Bind(text).Hash);
    }

    [Theory]
    [InlineData("rounds 9000\n", 1, 1, "SR1230")]                                  // no '='
    [InlineData("colour = blue\n", 1, 1, "SR1231")]                                // unknown key
    [InlineData("rounds = 9000\nrounds = 9000\n", 2, 1, "SR1232")]                // twice
    [InlineData("rounds = -5\n", 1, 10, "SR1234")]                                 // not a count
    [InlineData("test-probability = 1.5\n", 1, 20, "SR1234")]                      // γ outside (0, 1)
    [InlineData("bound = npa 9\n", 1, 9, "SR1234")]                                // no such bound
    [InlineData("commitment = 1234\n", 1, 14, "SR1234")]                           // not sha256:64 hex
    [InlineData("statistic s = Alice.X Bob.X expect 2 tolerance 0.1\n", 1, 29, "SR1235")] // |expected| > 1
    public void Bad_protocol_lines_are_located(string line, int lineNumber, int column, string code)
    {
        // The line first, and the protocol's own line of that key left out (so that the fault is the line's own).
        var key = line.Split('=', ' ')[0];
        var rest = FiniteRunFixture.Protocol(9000, 0.2, 0.3).Split('\n').Where(l => l.Split('=', ' ')[0] != key);
        var text = line + string.Join('\n', rest);
        var path = _f.Folder.Write("bad.protocol", text);
        var e = Assert.Throws<ScenarioInputException>(() => ProtocolFile.Load(path));
        Assert.StartsWith($"{path}:{lineNumber}:{column}: error {code}:", e.Message);
    }

    [Fact]
    public void A_missing_key_is_named()
    {
        var path = _f.Folder.Write("bad.protocol", FiniteRunFixture.Protocol(9000, 0.2, 0.3).Replace("tolerance = 0.3\n", ""));
        var e = Assert.Throws<ScenarioInputException>(() => ProtocolFile.Load(path));
        Assert.Contains("error SR1233: missing 'tolerance'", e.Message);
    }

    [Theory]
    [InlineData("statistic s = Alice.X Bob.X Charlie.W expect 0.9 tolerance 0.1", "'Charlie' has no setting 'W'")]
    [InlineData("statistic s = Alice.X Bob.X expect 0.9 tolerance 0.1", "names 2 factor(s)")]
    [InlineData("statistic s = Bob.X Alice.X Charlie.X expect 0.9 tolerance 0.1", "must be a setting of 'Alice'")]
    public void A_statistic_that_does_not_fit_the_scenario_is_refused(string statistic, string reason)
    {
        var e = Assert.Throws<ScenarioInputException>(() => Bind(FiniteRunFixture.Protocol(9000, 0.2, 0.3, extra: statistic)));
        Assert.Contains("error SR1235:", e.Message);
        Assert.Contains(reason, e.Message);
    }

    [Fact]
    public void An_uncommitted_or_changed_protocol_is_refused_before_any_data_is_read()
    {
        var path = _f.Folder.Write("p.protocol", FiniteRunFixture.Protocol(9000, 0.2, 0.3));
        string[] Args() => ["finite", path, "--counts", _f.PathOf("missing.csv"), "--raw", _f.PathOf("missing.raw"), "--seed", _f.PathOf("missing.seed"),
            "--output", _f.PathOf("bits.bin"), "--certificate", _f.PathOf("run.json")];
        var r = CliRunner.Run(Args());
        Assert.Equal(3, r.ExitCode);
        Assert.Contains("error SR1245:", r.Stderr);
        var committed = _f.Committed("p.protocol", FiniteRunFixture.Protocol(9000, 0.2, 0.3));
        File.WriteAllText(committed, File.ReadAllText(committed).Replace("tolerance = 0.3", "tolerance = 0.4"));
        r = CliRunner.Run(Args());
        Assert.Equal(3, r.ExitCode);
        Assert.Contains("error SR1236: the parameters changed since they were committed", r.Stderr);
        Assert.False(File.Exists(_f.PathOf("bits.bin")));
        Assert.False(File.Exists(_f.PathOf("run.json")));
    }
}
