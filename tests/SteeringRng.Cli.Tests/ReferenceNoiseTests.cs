using System.Globalization;
using System.Text.RegularExpressions;
using SteeringRng.Certification.Protocol;

namespace SteeringRng.Cli.Tests;

/// <summary>
/// The EAT's reference v = (1 − η)·w_exp + η·uniform declared in the protocol (reference-noise): committed in the hash
/// (only when declared, so older commitments stay valid), range-checked with a located error, and used by the plan
/// (and the run) instead of v = w_exp.
/// </summary>
public sealed partial class ReferenceNoiseTests : IDisposable
{
    private readonly FiniteRunFixture _f = new();

    public void Dispose() => _f.Dispose();

    private static string Text(string extra = "") => FiniteRunFixture.Protocol(90_000_000, 0.2, 0.002, extra: extra);

    [Fact]
    public void The_noise_is_part_of_the_hash_only_when_declared()
    {
        var plain = BoundProtocol.Bind(ProtocolFile.Load(_f.Folder.Write("a.protocol", Text()))).Canonical;
        var zero = BoundProtocol.Bind(ProtocolFile.Load(_f.Folder.Write("b.protocol", Text("reference-noise = 0")))).Canonical;
        var declared = BoundProtocol.Bind(ProtocolFile.Load(_f.Folder.Write("c.protocol", Text("reference-noise = 0.06"))));
        Assert.Equal(plain, zero);
        Assert.DoesNotContain("reference-noise", plain);
        Assert.Contains("reference-noise=0.06\n", declared.Canonical);
        Assert.Equal(0.06, declared.Declared.ReferenceNoise);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("-0.1")]
    [InlineData("x")]
    public void A_noise_outside_0_1_is_a_located_error(string value)
    {
        var path = _f.Folder.Write("bad.protocol", Text($"reference-noise = {value}"));
        var r = CliRunner.Run("plan", path);
        Assert.Equal(3, r.ExitCode);
        Assert.Matches($@"{Regex.Escape(path)}:\d+:\d+: error SR\d+: reference-noise η .* must lie in \[0, 1\), got '{Regex.Escape(value)}'", r.Stderr);
    }

    /// <summary>At n = 9·10⁷ a reference slightly inside the set (η = 0.06) gives a higher EAT rate than w_exp, and
    /// --optimise-reference finds an η whose rate is at least the declared one's.</summary>
    [Fact]
    public void The_plan_uses_the_declared_reference_and_can_optimise_it()
    {
        double Rate(string stdout) => double.Parse(DeclaredRate().Match(stdout).Groups[1].Value, CultureInfo.InvariantCulture);
        var atExpected = CliRunner.Run("plan", _f.Folder.Write("a.protocol", Text()), "--optimise-reference");
        var inside = CliRunner.Run("plan", _f.Folder.Write("c.protocol", Text("reference-noise = 0.06")));
        Assert.True(atExpected.ExitCode == 0, atExpected.Stderr);
        Assert.True(inside.ExitCode == 0, inside.Stderr);
        Assert.True(Rate(inside.Stdout) > Rate(atExpected.Stdout), $"{Rate(inside.Stdout)} ≤ {Rate(atExpected.Stdout)}");
        var best = BestLine().Match(atExpected.Stdout);
        Assert.True(best.Success, atExpected.Stdout);
        Assert.True(double.Parse(best.Groups[2].Value, CultureInfo.InvariantCulture) >= double.Parse(best.Groups[3].Value, CultureInfo.InvariantCulture));
        Assert.InRange(double.Parse(best.Groups[1].Value, CultureInfo.InvariantCulture), 0, ProtocolPlan.MaxReferenceNoise);
    }

    [GeneratedRegex(@"declared n  n = \d+: EAT rate (-?[\d.]+) bits/round")]
    private static partial Regex DeclaredRate();

    [GeneratedRegex(@"reference   best at the declared n: reference-noise = ([\d.]+) \(EAT rate (-?[\d.]+) against (-?[\d.]+) ")]
    private static partial Regex BestLine();
}
