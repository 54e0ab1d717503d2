using System.Numerics;
using SteeringRng.Certification.Certificates;
using SteeringRng.Certification.Run;
using SteeringRng.Certification.Tests.Support;
using SteeringRng.Sdp;
using SteeringRng.Sdp.Certificates;

namespace SteeringRng.Certification.Tests.Certificates;

/// <summary>
/// Witness certificate files (docs/formulations/certificates.md, "Witness certificate files"): written by a run with
/// <c>--certificates</c>, read back and re-checked without the solver. Against exact values: noisy 3-qubit GHZ with X, Y, Z
/// is fully LHS exactly up to μ* = 3/7, so a verified file at μ = 0.6 must prove v* ≤ v_c with v_c ∈ [μ*/μ, μ*/μ + 1e-7] and
/// the critical μ in [3/7, 3/7 + 1e-7]; at μ = 0.3 (LHS) nothing may be proven steerable. Every tampering (a σ entry, an F
/// entry, a smaller v*, a stronger critical μ, a "steerable" that is not) must fail with its code and the line.
/// </summary>
public class WitnessCertificateTests
{
    private const double MuStar = 3.0 / 7.0;

    private static readonly Lazy<IReadOnlyDictionary<string, string[]>> Files = new(() =>
    {
        var directory = Path.Combine(Path.GetTempPath(), "witness-cert-tests-" + Guid.NewGuid().ToString("N"));
        try
        {
            Scenarios.Plan("""
                node Alice trusted dim 2
                node Bob, Charlie untrusted dim 2
                param mu = [0.3, 0.6]
                state = mu * ghz + (1 - mu) * white
                measure Bob, Charlie: X Y Z
                objective joint = guess Bob.X, Charlie.X
                bounds steering
                """, new RunSettings { CertificateDirectory = directory }).Execute(new InteriorPointSolver());
            return Directory.GetFiles(directory).ToDictionary(f => Path.GetFileName(f), File.ReadAllLines);
        }
        finally
        {
            if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        }
    });

    private static string[] At(string mu) => Files.Value.Single(f => f.Key.EndsWith($"_mu={mu}.cert")).Value;

    private static WitnessCertificateCheck.Result Check(IEnumerable<string> lines) =>
        WitnessCertificateCheck.Verify(WitnessCertificateReader.Read(new StringReader(string.Join('\n', lines))));

    /// <summary>The file with one line changed: the first line starting with <paramref name="prefix"/> after the section line.</summary>
    private static string[] Edit(string[] lines, string section, string prefix, Func<string[], string> change)
    {
        var copy = (string[])lines.Clone();
        var start = Array.IndexOf(copy, section);
        var i = Array.FindIndex(copy, start + 1, l => l.StartsWith(prefix));
        copy[i] = change(copy[i].Split(' '));
        return copy;
    }

    [Fact]
    public void AtMu06_TheFileVerifies_AndProvesSteerable_WithVisibilityAndCriticalMuWithin1e7OfTheExactThreshold()
    {
        var lines = At("0.6");
        Assert.Equal(WitnessCertificate.Magic, lines[0]);
        var certificate = WitnessCertificateReader.Read(new StringReader(string.Join('\n', lines)));
        var result = WitnessCertificateCheck.Verify(certificate);
        Assert.True(result.Verified, result.Failure);
        Assert.Contains(result.Proven, l => l.StartsWith("steerable: proven"));
        Assert.Contains(result.Proven, l => l.Contains("for all 64 deterministic strategies"));
        Assert.InRange(certificate.Visibility, MuStar / 0.6 - 1e-12, MuStar / 0.6 + 1e-7);
        Assert.InRange(certificate.Critical!.Value, MuStar - 1e-12, MuStar + 1e-7);
    }

    [Fact]
    public void AtMu03_WhichIsLhs_TheFileVerifiesButProvesNothingSteerable()
    {
        var result = Check(At("0.3"));
        Assert.True(result.Verified, result.Failure);
        Assert.Contains("steerable: not shown (β(σ) ≥ 0)", result.Proven);
        // Claiming "steerable" for LHS data must fail.
        var claimed = Check(Edit(At("0.3"), WitnessCertificate.Magic, "steerable ", _ => "steerable true"));
        Assert.Contains("SR1254", claimed.Failure);
    }

    [Fact]
    public void AChangedSigmaEntry_Fails_NamingTheClaimAndTheEntry()
    {
        // σ_{0,1|0,0}(0,1) += 2^-10: β changes, and the block is no longer Hermitian at that entry.
        var tampered = Edit(At("0.6"), "sigma", "0,0 0,1 0 1 ", f => string.Join(' ', f[..4].Append(Plus(f[4], "1/1024")).Append(f[5])));
        var result = Check(tampered);
        Assert.False(result.Verified);
        Assert.Contains("SR1252", result.Failure);
        Assert.Contains("(line ", result.Failure);
        Assert.Contains("x=0,0 a=0,1 is not Hermitian at (0,1)", result.Failure);
    }

    [Fact]
    public void AChangedFunctionalEntry_Fails_EitherAsNotAWitnessOrAsADifferentBeta()
    {
        // A large change (Re F_01 of one block set to −1) breaks positivity for some strategy; a tiny one keeps it but changes β(σ).
        var large = Check(Edit(At("0.6"), "F", "0,0 0,0 0 1 ", f => string.Join(' ', f[..4].Append("-1").Append(f[5]))));
        Assert.Contains("SR1251", large.Failure);
        Assert.Contains("strategy λ_1 = (", large.Failure);
        var tiny = Check(Edit(At("0.6"), "F", "0,0 0,0 0 0 ", f => string.Join(' ', f[..4].Append(Plus(f[4], "1/1099511627776")).Append(f[5]))));
        Assert.False(tiny.Verified);
        Assert.True(tiny.Failure!.Contains("SR1252") || tiny.Failure.Contains("SR1251"), tiny.Failure);
    }

    [Fact]
    public void AClaimedSmallerVisibilityOrCriticalMu_Fails()
    {
        var lines = At("0.6");
        var visibility = Check(Edit(lines, WitnessCertificate.Magic, "visibility ", f => $"visibility {Plus(f[1], "-1/1099511627776")}"));
        Assert.Contains("SR1253", visibility.Failure);
        Assert.Contains("(line 15)", visibility.Failure);
        var critical = Check(Edit(lines, WitnessCertificate.Magic, "critical ", f => string.Join(' ', f[..2].Append(Plus(f[2], "-1/1099511627776")).Concat(f[3..]))));
        Assert.Contains("SR1255", critical.Failure);
    }

    [Theory]
    [InlineData("shift ", "shift 1/3", "not a binary64 value")]
    [InlineData("dimension ", "dimension 0", "not a positive integer")]
    [InlineData("steerable ", "steerable maybe", "must be true or false")]
    [InlineData("beta-white ", "colour blue", "unknown item 'colour'")]
    public void AMalformedHeaderLine_IsAFormatErrorWithItsLine(string prefix, string replacement, string expected)
    {
        var lines = (string[])At("0.6").Clone();
        var i = Array.FindIndex(lines, l => l.StartsWith(prefix));
        lines[i] = replacement;
        var e = Assert.Throws<WitnessCertificateFormatException>(() => WitnessCertificateReader.Read(new StringReader(string.Join('\n', lines))));
        Assert.Contains(expected, e.Message);
        Assert.Equal(i + 1, e.Line);
    }

    [Fact]
    public void AMissingEntry_IsAFormatError()
    {
        var lines = At("0.6").Where(l => !l.StartsWith("1,2 1,1 1 1 ")).ToArray();
        var e = Assert.Throws<WitnessCertificateFormatException>(() => WitnessCertificateReader.Read(new StringReader(string.Join('\n', lines))));
        Assert.Contains("is missing", e.Message);
    }

    [Fact]
    public void SingularWitnessSums_AreDecidedExactly_WhereTheHintedBoundCannotShowThem()
    {
        // One party, one setting, two outcomes, d = 2: W_λ = F_{λ|0}. [[1,1],[1,1]] and [[1,0],[0,0]] are PSD and singular
        // (a floating-point bound proves only λ_min ≥ −ε); [[1,2],[2,1]] has λ_min = −1.
        static Complex[,] M(double a, double b, double c) => new Complex[,] { { a, b }, { b, c } };
        var singular = new SteeringWitness(2, [1], [2], [M(1, 1, 1), M(1, 0, 0)]).CheckPositivity(Rational.Zero);
        Assert.Null(singular.Violation);
        Assert.True(singular.ExactlyDecided > 0);
        var indefinite = new SteeringWitness(2, [1], [2], [M(1, 0, 0), M(1, 2, 1)]).CheckPositivity(Rational.Zero);
        Assert.Equal("λ_1 = (1)", indefinite.Violation);
        // A shift t = 1 makes [[1,2],[2,1]] + I = [[2,2],[2,2]] PSD, exactly on the boundary.
        Assert.Null(new SteeringWitness(2, [1], [2], [M(1, 0, 0), M(1, 2, 1)]).CheckPositivity(Rational.One).Violation);
    }

    [Fact]
    public void ExactSymmetricPsd_DecidesTheBoundaryCases()
    {
        static Rational[] R(params long[] v) => v.Select(x => Rational.FromInteger(x)).ToArray();
        Assert.True(ExactSymmetricPsd.IsPsd(2, R(1, 1, 1, 1)));
        Assert.True(ExactSymmetricPsd.IsPsd(2, R(0, 0, 0, 1)));
        Assert.False(ExactSymmetricPsd.IsPsd(2, R(0, 1, 1, 0)));
        Assert.False(ExactSymmetricPsd.IsPsd(2, R(1, 2, 2, 1)));
        Assert.True(ExactSymmetricPsd.IsPsd(3, R(2, -1, 0, -1, 2, -1, 0, -1, 2)));
        // [[1,1,1],[1,1,1],[1,1,1−2^-60]]: one eigenvalue just below 0.
        var m = R(1, 1, 1, 1, 1, 1, 1, 1, 1);
        m[8] = Rational.One - new Rational(1, System.Numerics.BigInteger.One << 60);
        Assert.False(ExactSymmetricPsd.IsPsd(3, m));
    }

    private static string Plus(string value, string delta)
    {
        var v = WitnessCertificateReader.Number(value, 0) + WitnessCertificateReader.Number(delta, 0);
        return v.ToString();
    }
}
