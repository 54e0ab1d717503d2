using System.Numerics;
using SteeringRng.Certification;
using SteeringRng.Certification.Results;
using SteeringRng.Certification.Seesaw;
using SteeringRng.Quantum;
using SteeringRng.Reporting;

namespace SteeringRng.Cli.Tests;

/// <summary>
/// <c>steer cv</c> end to end on a small version of samples/cv-fig4.scn (η2 = 0, fixed or coarsely searched periods, NS
/// only: seconds), its JSON numbers checked against values that do not come from the CV code:
/// at η2 = 0 Bob holds the vacuum, uncorrelated with Alice, so (i) Eve knows his outcome: H_bob = 0 at every period
/// (paper: zero below η2 ≈ 0.11); (ii) guessing Bob and Charlie is guessing Charlie: H_joint = H_charlie; and (iii)
/// Alice and Charlie share the two-mode squeezed vacuum (two −3 dB squeezers on a 50:50 splitter), whose binned-homodyne
/// assemblage is computed here from the textbook wave functions, not from the Gaussian library.
/// Also: a malformed file is a located error (exit 3, no stack trace), and cancellation gives exit 10.
/// </summary>
public sealed class CvCommandTests : IDisposable
{
    private readonly ScenarioFolder _folder = new("steer-cv-");

    public void Dispose() => _folder.Dispose();

    /// <summary>H below this is zero: the solver's P_g accuracy (~1e-8) with a margin (as CvFig4SampleTests).</summary>
    private const double Zero = 1e-6;

    private const double SqueezingR = 0.34538776394910684; // −3 dB: r = 3 ln 10 / 20
    private const double PeriodX = 5.0;

    private static string Scenario(string periods, string search = "search grid 1") => $"""
        scenario "Fig. 4 at eta2 = 0"
        param eta2 = [0]
        mode A, B, C
        squeeze A x db -3
        squeeze B p db -3
        beamsplitter A, B eta 0.5
        beamsplitter B, C eta eta2
        node Alice trusted mode A cutoff 1
        node Bob untrusted mode B
        node Charlie untrusted mode C
        homodyne Bob, Charlie: x period {periods}, p period unbiased bins 4
        objective joint = guess Bob.x, Charlie.x
        objective bob = guess Bob.x
        objective charlie = guess Charlie.x
        bounds ns
        data renormalised
        {search}
        """;

    private RunReport RunCv(string text, out CliRunner.Result result)
    {
        var file = _folder.Write("cv.scn", text);
        var json = Path.Combine(_folder.Path, "cv.json");
        result = CliRunner.Run("cv", file, "--json", json, "--parallel", "2");
        Assert.True(result.ExitCode == ExitCodes.Optimal, $"exit {result.ExitCode}: {result.Stderr}");
        return ReportJsonReader.Parse(File.ReadAllText(json));
    }

    private static double H(RunReport report, string objective) => report.Rows.Single(r => r.Objective == objective && r.Bound == "ns").Hmin!.Value;

    [Fact]
    public void AtEta2Zero_BobHasNone_JointIsCharlie_AndCharlieMatchesTheTwoModeSqueezedVacuum()
    {
        var report = RunCv(Scenario(PeriodX.ToString(System.Globalization.CultureInfo.InvariantCulture)), out var result);
        Assert.Contains("charlie", result.Stdout); // the table on stdout
        Assert.InRange(H(report, "bob"), 0, Zero);
        Assert.Equal(H(report, "charlie"), H(report, "joint"), 6);
        var row = CertificationEngine.Certify(TwoModeSqueezedVacuum(PeriodX), new GuessTarget([0], [0]),
            [new Certification.Bounds.BoundSpec.NoSignalling()], new Sdp.InteriorPointSolver())[0];
        Assert.True(row.Pguess.HasValue, $"{row.Status}: {row.Message}");
        var expected = -Math.Log2(row.Pguess!.Value);
        Assert.True(expected > 0.05, $"the independent value {expected} should show randomness (Fig. 4: ≈ 0.15 at the best periods)");
        Assert.Equal(expected, H(report, "charlie"), 6);
    }

    [Fact]
    public void AtEta2Zero_TheSearchedMaximumOfBobsH_IsStillZero()
    {
        // Zero at every period: the coarse search's maximum (4 grid points and a compass step) must stay zero.
        var text = Scenario("optimise 2 .. 10", "search grid 8 resolution 4 starts 1")
            .Replace("objective joint = guess Bob.x, Charlie.x\n", "").Replace("objective charlie = guess Charlie.x\n", "");
        var report = RunCv(text, out _);
        var bob = report.Rows.Single();
        Assert.InRange(bob.Hmin!.Value, 0, Zero);
        Assert.Contains("period evaluations", bob.Message);
    }

    [Fact]
    public void A_malformed_file_is_a_located_error_with_exit_3_and_no_stack_trace()
    {
        var file = _folder.Write("bad.scn", Scenario("5").Replace("beamsplitter A, B eta 0.5", "beamsplitter A, B eta"));
        var result = CliRunner.Run("cv", file);
        Assert.Equal(ExitCodes.InputError, result.ExitCode);
        Assert.Matches(@"bad\.scn:6:\d+: error SR11\d\d", result.Stderr);
        Assert.DoesNotContain("   at ", result.Stderr);
        Assert.DoesNotContain("Exception", result.Stderr);
        Assert.Equal("", result.Stdout);
    }

    [Fact]
    public void An_unknown_mode_is_located_too()
    {
        var file = _folder.Write("bad.scn", Scenario("5").Replace("node Bob untrusted mode B", "node Bob untrusted mode D"));
        var result = CliRunner.Run("cv", file);
        Assert.Equal(ExitCodes.InputError, result.ExitCode);
        Assert.Matches(@"bad\.scn:9:\d+: error SR1181", result.Stderr);
        Assert.DoesNotContain("   at ", result.Stderr);
    }

    [Theory]
    [InlineData("bounds ns, seesaw dim 0", "", "", "SR1262")]                                  // no local dimension
    [InlineData("bounds ns, seesaw dim 12", "cutoff 1", "cutoff 3", "SR1262")]                 // 4·12² = 576 > 512-dimensional attack states
    [InlineData("bounds ns, seesaw dim 2", "data renormalised", "data projected", "SR1260")]   // sub-normalised data: no state reproduces them
    [InlineData("bounds seesaw dim 2, ns", "", "", "SR1261")]                                  // the search would maximise an upper bound
    [InlineData("bounds ns, seesaw 2", "", "", "SR1180")]                                      // 'dim' missing
    public void A_bad_seesaw_bound_is_located_with_exit_3(string bounds, string from, string to, string code)
    {
        var text = Scenario("optimise 2 .. 10").Replace("bounds ns", bounds);
        if (from.Length > 0) text = text.Replace(from, to);
        var file = _folder.Write("bad.scn", text);
        var result = CliRunner.Run("cv", file);
        Assert.Equal(ExitCodes.InputError, result.ExitCode);
        Assert.Matches($@"bad\.scn:15:\d+: error {code}", result.Stderr);
        Assert.DoesNotContain("   at ", result.Stderr);
        Assert.DoesNotContain("Exception", result.Stderr);
    }

    [Fact]
    public void A_cancelled_run_exits_10_with_the_rows_marked_skipped_and_interrupted()
    {
        var file = _folder.Write("cv.scn", Scenario("optimise 2 .. 10", "search grid 1 resolution 0.02 starts 3"));
        var json = Path.Combine(_folder.Path, "cv.json");
        using var cts = new CancellationTokenSource();
        cts.Cancel(); // as if Ctrl-C came at once: a full search would take minutes
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var code = new CommandLine.SteerCommandLine([new Commands.CvCommand(cts.Token)]).Run(["cv", file, "--json", json], stdout, stderr);
        Assert.Equal(ExitCodes.Interrupted, code);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
        var report = ReportJsonReader.Parse(File.ReadAllText(json));
        Assert.True(report.Interrupted);
        Assert.Equal(3, report.Rows.Count);
        Assert.All(report.Rows, r => Assert.Equal(RowStatus.Skipped, r.Status));
        Assert.Contains("interrupted", stderr.ToString());
        Assert.DoesNotContain("   at ", stderr.ToString());
    }

    // ── The independent assemblage ────────────────────────────────────────────────────────────────────────────────

    /// <summary>
    /// |ψ⟩ = √(1−λ²) Σ_n λ^n |n⟩_A|n⟩_C, λ = tanh r; Charlie's quadrature q_θ binned (4 bins of T, bins from 0):
    /// ⟨m|σ_{c|θ}|n⟩ = (1−λ²) λ^{m+n} ∫_bin c ⟨q_θ|m⟩* ... with ⟨x|n⟩ = ψ_n(x) (ħ = 1, ψ_0 = π^{−1/4} e^{−x²/2},
    /// ψ_1 = √2 x ψ_0) and ⟨p|n⟩ = (−i)^n ψ_n(p); cut at one photon (K = 1) and renormalised by the trace of Σ_c σ_c.
    /// Conventions the paper leaves open (signs of λ, of x, the phase of p) change this by a unitary on Alice or a
    /// relabelling of Charlie's bins, neither of which changes P_g.
    /// </summary>
    private static Assemblage TwoModeSqueezedVacuum(double periodX)
    {
        const int bins = 4;
        double lambda = Math.Tanh(SqueezingR);
        double periodP = 2 * Math.PI * bins / periodX; // mutual unbiasedness, T_x T_p = 2πn
        double Psi(int n, double x) => Math.Pow(Math.PI, -0.25) * Math.Exp(-x * x / 2) * (n == 0 ? 1 : Math.Sqrt(2) * x);
        Complex[,] Block(int setting, int bin)
        {
            double period = setting == 0 ? periodX : periodP;
            var block = new Complex[2, 2];
            for (int m = 0; m < 2; m++)
                for (int n = 0; n < 2; n++)
                {
                    double integral = BinIntegral(x => Psi(m, x) * Psi(n, x), period, bins, bin);
                    // ⟨p|n⟩ = (−i)^n ψ_n(p): the p block's entry picks up (−i)^m conj((−i)^n) = (−i)^m i^n.
                    var phase = setting == 0 ? Complex.One : Complex.Pow(-Complex.ImaginaryOne, m) * Complex.Pow(Complex.ImaginaryOne, n);
                    block[m, n] = (1 - lambda * lambda) * Math.Pow(lambda, m + n) * integral * phase;
                }
            return block;
        }
        double trace = (1 - lambda * lambda) * (1 + lambda * lambda); // Σ_c Tr σ_c = p(n ≤ 1)
        return new Assemblage(2, [2], [bins], (a, x) => // block(outcomes, settings)
        {
            var b = Block(x[0], a[0]);
            return new Complex[,] { { b[0, 0] / trace, b[0, 1] / trace }, { b[1, 0] / trace, b[1, 1] / trace } };
        });
    }

    /// <summary>∫ f over {x : ⌊(x mod T)/(T/n)⌋ = k} ∩ [−12, 12] (f decays like e^{−x²}: the rest is below 1e-60), by
    /// composite Simpson on each bin interval (2000 panels per interval: error far below 1e-12 for these smooth f).</summary>
    private static double BinIntegral(Func<double, double> f, double period, int bins, int k)
    {
        double width = period / bins, total = 0;
        for (long j = (long)Math.Floor(-12 / period) - 1; j * period <= 12; j++)
        {
            double a = j * period + k * width, b = a + width;
            const int panels = 2000;
            double h = (b - a) / panels, sum = f(a) + f(b);
            for (int i = 1; i < panels; i++) sum += f(a + i * h) * (i % 2 == 1 ? 4 : 2);
            total += sum * h / 3;
        }
        return total;
    }
}
