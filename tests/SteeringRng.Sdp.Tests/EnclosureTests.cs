using SteeringRng.Sdp.Certificates;
using SteeringRng.Sdp.Sdpa;

namespace SteeringRng.Sdp.Tests;

/// <summary>
/// Certified enclosures against analytic and literature optima (never against our own output), and certificates
/// from deliberately spoiled solutions, which may only get looser or fail, never cross the optimum.
/// </summary>
public class EnclosureTests
{
    private static SdpSolution Solve(SdpProblem p) => new InteriorPointSolver().Solve(p, SdpSettings.Default);

    public static TheoryData<string, double, double> I3322 => new()
    {
        // file, literature NPA bound (Bell value = −opt), trace bound on the moment matrix (its size: diagonal entries ≤ 1)
        { "i3322-npa1.dat-s", 0.375, 7 },
        { "i3322-npa1ab.dat-s", 0.2514708978, 16 },
        { "i3322-npa2.dat-s", 0.2509397216, 28 },
        { "i3322-npa3.dat-s", 0.2508755621, 88 },
    };

    [Theory]
    [MemberData(nameof(I3322))]
    public void I3322_EnclosureContainsTheLiteratureValue_AndIsNarrow(string file, double bell, double traceBound)
    {
        var problem = SdpaReader.ReadFile(SdpaTestPaths.TestData(file));
        var enclosure = Enclosure.Of(problem, Solve(problem), traceBound);
        Assert.True(enclosure.Lower.Certified, enclosure.Lower.Reason);
        Assert.True(enclosure.Upper.Certified, enclosure.Upper.Reason);
        // The literature values have 10 digits: allow their last-digit rounding (5e-11).
        Assert.True(enclosure.Lower.Bound <= -bell + 5e-11, $"lower {enclosure.Lower.Bound:R} above {-bell}");
        Assert.True(enclosure.Upper.Bound >= -bell - 5e-11, $"upper {enclosure.Upper.Bound:R} below {-bell}");
        Assert.True(enclosure.Width < 1e-7, $"width {enclosure.Width}");
    }

    [Fact]
    public void LovaszTheta_BothSidesProvenWithoutTraceBound()
    {
        var problem = SolverKnownOptimaTests.LovaszThetaC5();
        var enclosure = Enclosure.Of(problem, Solve(problem));
        Assert.True(enclosure.Lower.Certified, enclosure.Lower.Reason);
        Assert.True(enclosure.Upper.Certified, enclosure.Upper.Reason);
        Assert.InRange(Math.Sqrt(5), enclosure.Lower.Bound, enclosure.Upper.Bound);
        Assert.True(enclosure.Width < 1e-7);
    }

    [Fact]
    public void HermitianBlock_IsCertifiedThroughItsRealEmbedding()
    {
        // max Re tr(Cρ) over density matrices = λmax(C) = 3 (see SolverKnownOptimaTests.Hermitian_LargestEigenvalue_IsOptimum).
        var c = new SdpMatrix([new(0, 0, 0, 2), new(0, 0, 1, 0, 1), new(0, 1, 1, 2), new(0, 2, 2, 1)]);
        var trace = new SdpMatrix([new(0, 0, 0, 1), new(0, 1, 1, 1), new(0, 2, 2, 1)]);
        var problem = new SdpProblem([SdpBlock.Hermitian(3)], c, [trace], [1.0]);
        var enclosure = Enclosure.Of(problem, Solve(problem), traceBound: 1);
        Assert.True(enclosure.Lower.Certified && enclosure.Upper.Certified, enclosure.Lower.Reason + enclosure.Upper.Reason);
        Assert.InRange(3.0, enclosure.Lower.Bound, enclosure.Upper.Bound);
    }

    /// <summary>Spoiled y for θ(C5): (P) has Tr X = 1, so τ = 1 is exact; every upper bound must stay ≥ √5.</summary>
    [Theory]
    [InlineData(1e-6)]
    [InlineData(1e-3)]
    [InlineData(-1.0)] // every sign flipped
    public void SpoiledDual_GivesLooserButValidUpperBound(double noise)
    {
        var problem = SolverKnownOptimaTests.LovaszThetaC5();
        var solution = Solve(problem);
        var random = new Random(13);
        var y = noise < 0
            ? solution.Y.Select(v => -v).ToArray()
            : solution.Y.Select(v => v + noise * (2 * random.NextDouble() - 1)).ToArray();
        var real = new RealProblem(problem);
        var side = UpperSide.Certify(real, y, traceBoundX: 1);
        Assert.True(side.Certified, side.Reason);
        Assert.True(side.Bound >= Math.Sqrt(5), $"upper {side.Bound:R} < √5");
        Assert.False(UpperSide.Certify(real, y, traceBoundX: null).Certified && noise < 0, "flipped y cannot be dual feasible");
    }

    /// <summary>Spoiled X for I3322 level 2 (τ = 28 on the moment matrix): lower bounds stay below −0.2509397216 or fail.</summary>
    [Theory]
    [InlineData(1e-6)]
    [InlineData(1e-3)]
    [InlineData(-1.0)] // every sign flipped
    public void SpoiledPrimal_GivesLooserButValidLowerBound(double noise)
    {
        var problem = SdpaReader.ReadFile(SdpaTestPaths.TestData("i3322-npa2.dat-s"));
        var solution = Solve(problem);
        var real = new RealProblem(problem);
        var x = real.FlattenX(solution.X, problem.Blocks)!;
        var random = new Random(13);
        var spoiled = noise < 0 ? x.Select(v => -v).ToArray() : x.Select(v => v + noise * (2 * random.NextDouble() - 1)).ToArray();
        var side = LowerSide.Certify(real, spoiled, traceBoundZ: 28);
        if (side.Certified) Assert.True(side.Bound <= -0.2509397216 + 5e-11, $"lower {side.Bound:R} above the optimum");
        var exact = LowerSide.Certify(real, x, traceBoundZ: 28);
        Assert.True(exact.Certified);
        Assert.True(!side.Certified || side.Bound <= exact.Bound + 1e-9, "spoiling should not tighten the bound");
    }

    [Fact]
    public void MissingSolution_IsAStatus_NotAnException()
    {
        var problem = SolverKnownOptimaTests.LovaszThetaC5();
        var empty = new SdpSolution
        {
            Status = SdpStatus.NumericalFailure, PrimalObjective = double.NaN, DualObjective = double.NaN, Y = [],
            Dimacs = [], Iterations = 0, Seconds = 0, Solver = "none",
        };
        var enclosure = Enclosure.Of(problem, empty);
        Assert.False(enclosure.Lower.Certified);
        Assert.False(enclosure.Upper.Certified);
        Assert.True(double.IsNaN(enclosure.Width));
        Assert.True(double.IsNaN(enclosure.Lower.Bound));
    }
}
