using Xunit.Abstractions;

namespace SteeringRng.Sdp.Tests;

/// <summary>The solver recovers the planted optimum bᵀy* = ⟨C, X*⟩ on random problems of many shapes.</summary>
public class PlantedOptimumTests(ITestOutputHelper output)
{
    public static TheoryData<int, string, int, double> Cases()
    {
        var data = new TheoryData<int, string, int, double>();
        var shapes = new (string Shape, int M, double Density)[]
        {
            ("P3", 2, 1.0), ("P6", 8, 1.0), ("P12", 30, 0.5), ("P20", 40, 0.08), ("P8,P4,P1", 20, 0.4),
            ("N6", 3, 1.0), ("N10,P5", 12, 0.5), ("H3", 4, 1.0), ("H6", 15, 0.4), ("P5,H4,N3", 18, 0.5),
        };
        foreach (var (shape, m, density) in shapes)
        for (var seed = 1; seed <= 3; seed++) data.Add(seed, shape, m, density);
        return data;
    }

    internal static SdpBlock[] Blocks(string shape) => shape.Split(',').Select(s => s[0] switch
    {
        'P' => SdpBlock.Psd(int.Parse(s[1..])),
        'N' => SdpBlock.Nonnegative(int.Parse(s[1..])),
        _ => SdpBlock.Hermitian(int.Parse(s[1..])),
    }).ToArray();

    [Theory]
    [MemberData(nameof(Cases))]
    public void Solver_FindsPlantedOptimum(int seed, string shape, int m, double density) =>
        AssertPlantedOptimum(PlantedProblem.Create(seed, Blocks(shape), m, density));

    // One moment matrix per guess of Eve, coupled only through the data words, gives the Schur complement a
    // block-arrow shape; the solver then factors it by block elimination. Most constraints here touch one block,
    // every eighth touches all of them (the border). The log must show the arrow path was taken.
    [Theory]
    [InlineData(1, LinearAlgebraBackend.Managed)]
    [InlineData(2, LinearAlgebraBackend.Managed)]
    [InlineData(3, LinearAlgebraBackend.Auto)]
    public void Solver_FindsPlantedOptimum_WithBlockArrowSchur(int seed, LinearAlgebraBackend backend)
    {
        var blocks = Blocks("P10,P10,H6,P9");
        var planted = PlantedProblem.Create(seed, blocks, 120, 0.5, i => i % 8 == 0 ? null : i % blocks.Length);
        var log = new List<string>();
        AssertPlantedOptimum(planted, backend, log.Add);
        Assert.Contains(log, line => line.Contains("block-arrow Schur factorisation: 4 groups"));
    }

    private void AssertPlantedOptimum(PlantedProblem planted, LinearAlgebraBackend backend = LinearAlgebraBackend.Auto, Action<string>? log = null)
    {
        var p = planted.Problem;
        var s = new InteriorPointSolver().Solve(p, SdpSettings.Default with
        {
            Backend = backend,
            Log = line => { output.WriteLine(line); log?.Invoke(line); },
        });
        Assert.Equal(SdpStatus.Optimal, s.Status);
        var scale = 1 + Math.Abs(planted.Optimum);
        Assert.True(Math.Abs(s.PrimalObjective - planted.Optimum) <= 1e-7 * scale, $"primal {s.PrimalObjective} vs planted {planted.Optimum}");
        Assert.True(Math.Abs(s.DualObjective - planted.Optimum) <= 1e-7 * scale, $"dual {s.DualObjective} vs planted {planted.Optimum}");

        // The returned X, read back through our own complex arithmetic, is feasible and attains the objective.
        var x = PlantedProblem.ToDense(s.X);
        var bScale = 1 + p.B.Sum(Math.Abs);
        for (var i = 0; i < p.ConstraintCount; i++)
            Assert.True(Math.Abs(PlantedProblem.Inner(p.A[i], x, p.Blocks) - p.B[i]) <= 1e-7 * bScale, $"constraint {i}");
        Assert.Equal(s.PrimalObjective, PlantedProblem.Inner(p.C, x, p.Blocks), 6);
    }
}
