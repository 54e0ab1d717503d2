using SteeringRng.Certification.FiniteSize;
using SteeringRng.Sdp;
using SteeringRng.Sdp.Certificates;

namespace SteeringRng.Certification.Tests.FiniteSize;

/// <summary>
/// α and λ as exact rationals from the exactly checked X̂ (docs/formulations/finite-size.md §3, "Exact α and λ"):
/// against analytic values (GHZ's NS bound 1.5 − μ, CHSH's slope), against an independent floating evaluation of
/// offset(w) − ⟨C(w), X̃⟩, the outward rounding, and the re-check <c>steer verify</c> uses (same point: the same α, λ;
/// a tampered point: refused).
/// </summary>
public class ExactAffineBoundTests
{
    private static Rational R(double x) => Rational.FromDouble(x);

    /// <summary>The doubles (α̃, λ̃) as an exact affine function, to compare with the exact one without rounding.</summary>
    private static ExactAffineBound AsExact(AffineGuessingBound b) => new(R(b.Alpha), b.Lambda.Select(R).ToArray());

    [Theory]
    [InlineData(0.55)]
    [InlineData(0.6)]
    public void GhzNoSignallingExactBoundIsOnePointFiveMinusMuAndTheRoundedOneLiesAbove(double mu)
    {
        var (program, model) = FiniteSizeModels.Ghz(mu);
        var w = FiniteSizeModels.Expected(program, model);
        var dual = program.BoundAt(w);
        Assert.True(dual.Certified, dual.Method);
        var exact = dual.Exact!;
        // The NS value of the joint guess at this noise is 1.5 − μ (the paper's NS curve; AffineBoundTests checks the double).
        Assert.True(Math.Abs(exact.At(w).Nearest() - (1.5 - mu)) < 1e-6, $"{exact.At(w).Nearest():R}");
        // Rounded outward: α̃ + λ̃·w ≥ α + λ·w exactly, at w and at the corners of the domain's most sensitive point.
        Assert.True(AsExact(dual).At(w) >= exact.At(w));
        var domain = ExactAffineBound.Domain(program.Statistics);
        Assert.True(exact.Margin(dual.Alpha, dual.Lambda, domain).Sign >= 0);
        // The rounding term is of the order of the doubles' last bits, not a blanket margin.
        Assert.InRange(dual.Margin, 0, 1e-12);
    }

    [Theory]
    [InlineData(2.5)]
    [InlineData(2.7)]
    public void ChshExactSlopeIsTheAnalyticDerivative(double s)
    {
        var dual = FiniteSizeModels.Chsh().BoundAt([s]);
        Assert.True(dual.Certified, dual.Method);
        var exact = dual.Exact!;
        // Tangent of Pironio's P_g(S) = 1/2 + 1/2·√(2 − S²/4): dP/dS = −S/(8 √(2 − S²/4)); value P_g(S).
        Assert.True(Math.Abs(exact.Lambda[0].Nearest() + s / (8 * Math.Sqrt(2 - s * s / 4))) < 1e-5, $"λ = {exact.Lambda[0].Nearest():R}");
        Assert.True(Math.Abs(exact.At([s]).Nearest() - (0.5 + 0.5 * Math.Sqrt(2 - s * s / 4))) < 1e-6);
        // |S| ≤ 4 for every statistic (the score is ±4): the domain the rounding of λ is paid on.
        Assert.Equal([4.0], ExactAffineBound.Domain(TestStatistics.Chsh()));
    }

    [Fact]
    public void ExactPathContainsTheFloatingEvaluationWithinRounding()
    {
        var program = FiniteSizeModels.Chsh();
        var dual = program.BoundAt([2.6]);
        Assert.True(dual.Certified, dual.Method);
        var (problem, constantsAt) = program.Family([2.6]);
        // Independent floating path: g(w) = offset(w) − Σ_p (w_p C_p) X̃_p at w = 0 and 1, straight from the point X̃.
        double G(double w)
        {
            var (c, offset) = constantsAt([w]);
            var real = new RealProblem(new SdpProblem(problem.Blocks, c, problem.A, problem.B));
            var inner = 0.0;
            foreach (var (p, coefficient) in real.Objective) inner += coefficient * dual.Point![p];
            return offset - inner;
        }
        var alpha = G(0);
        var lambda = G(1) - alpha;
        var exact = dual.Exact!;
        Assert.True(Math.Abs(exact.Alpha.Nearest() - alpha) < 1e-9, $"{exact.Alpha.Nearest():R} vs {alpha:R}");
        Assert.True(Math.Abs(exact.Lambda[0].Nearest() - lambda) < 1e-9, $"{exact.Lambda[0].Nearest():R} vs {lambda:R}");
        Assert.True(R(dual.Alpha) >= exact.Alpha);
    }

    [Fact]
    public void RecheckOfTheRecordedPointGivesTheSameBoundAndATamperedPointIsRefused()
    {
        var (program, model) = FiniteSizeModels.Ghz(0.6);
        var w = FiniteSizeModels.Expected(program, model);
        var dual = program.BoundAt(w);
        Assert.True(dual.Certified, dual.Method);
        var again = program.Recheck(dual.Reference, dual.Point!);
        Assert.True(again.Certified, again.Method);
        Assert.Equal(dual.Alpha, again.Alpha);
        Assert.Equal(dual.Lambda, again.Lambda);

        // −X̃: the exact correction moves only pivot entries onto A(X) = b, the rest keep negative diagonals: not PSD.
        // (Changing one entry that the correction recomputes would still give a valid, re-proven point.)
        var tampered = dual.Point!.Select(x => -x).ToArray();
        var refused = program.Recheck(dual.Reference, tampered);
        Assert.False(refused.Certified);
        Assert.Contains("PSD", refused.Method);
        var shortPoint = program.Recheck(dual.Reference, dual.Point!.Take(3).ToArray());
        Assert.False(shortPoint.Certified);
        Assert.Contains("entries", shortPoint.Method);
    }

    [Fact]
    public void RoundingPaysForLambdaOnTheDomainAndMarginDetectsALoweredAlpha()
    {
        // λ = 1/3 is no double: λ̃ misses it by < 2⁻⁵⁴; with |w| ≤ 4 the term is 4·|λ − λ̃|, added to α = 1/10 and rounded up.
        var third = new Rational(1, 3);
        var exact = new ExactAffineBound(new Rational(1, 10), [third]);
        var (alpha, lambda, term) = exact.Round([4.0]);
        var paid = (third - R(lambda[0])).Abs() * R(4);
        Assert.True(R(alpha) >= exact.Alpha + paid);
        Assert.True(term > 0 && term < 1e-15);
        foreach (var w in new[] { -4.0, -1.0, 0.0, 2.5, 4.0 })
            Assert.True(new ExactAffineBound(R(alpha), [R(lambda[0])]).At([w]) >= exact.At([w]), $"w = {w}");
        Assert.True(exact.Margin(alpha, lambda, [4.0]).Sign >= 0);
        Assert.True(exact.Margin(Math.BitDecrement(0.1), lambda, [4.0]).Sign < 0);
    }
}
