using SteeringRng.Certification.Results;
using SteeringRng.Quantum.Data;
using SteeringRng.Relaxation;

namespace SteeringRng.Certification.Tests.Data;

/// <summary>
/// Repaired noisy data through the whole engine: every row carries the repair distance; the symmetry reduction is skipped
/// (the data have no exact symmetry) and said so, and the full problems agree with a --no-symmetry run; exact data keep
/// their symmetries.
/// </summary>
public class NoisyDataTests
{
    private const string Text = """
        scenario "noisy GHZ data"
        node Alice trusted dim 2
        node Bob, Charlie untrusted
        measure Bob, Charlie: X Y Z
        assemblage = file("noisy.npy")
        repair = nearest
        objective joint = guess Bob.X, Charlie.X
        objective bob = guess Bob.X
        bounds ns, npa 1, global, seesaw dim 2, steering
        """;

    [Fact]
    public void Exact_data_have_symmetries_and_noisy_data_none()
    {
        var exact = MeasuredDataCheckTests.Ghz(0.9);
        Assert.True(Relaxations.SymmetryCount(exact) > 1);
        var noisy = NearestAssemblage.Repair(Noisy(exact)).Repaired;
        Assert.Equal(1, Relaxations.SymmetryCount(noisy));
    }

    private static SteeringRng.Quantum.Assemblage Noisy(SteeringRng.Quantum.Assemblage exact)
    {
        var random = new Random(7);
        var values = AssemblageLayout.ToValues(exact);
        // Hermitian noise: real symmetric perturbations of each 2×2 block (diagonal and the off-diagonal pair).
        for (var t = 0; t < values.Length; t += 4)
        {
            values[t] += 2e-3 * (random.NextDouble() - 0.5);
            values[t + 3] += 2e-3 * (random.NextDouble() - 0.5);
            var off = 2e-3 * (random.NextDouble() - 0.5);
            values[t + 1] += off;
            values[t + 2] += off;
        }
        return AssemblageLayout.Of(exact).ToAssemblage(values);
    }

    [Fact]
    public void Every_row_reports_the_repair_and_the_full_problem_agrees_with_no_symmetry()
    {
        using var folder = new DataFolder();
        folder.Write("noisy.npy", AssemblageFile.Write(Noisy(MeasuredDataCheckTests.Ghz(0.9)), "noisy.npy"));
        var path = folder.Write("t.scn", Text);
        var reduced = AssemblageRoundTripTests.Run(path, AssemblageRoundTripTests.Deterministic).Rows;
        var full = AssemblageRoundTripTests.Run(path, AssemblageRoundTripTests.Deterministic with { Symmetry = false }).Rows;
        var distance = reduced[0].RepairDistance;
        Assert.NotNull(distance);
        Assert.InRange(distance!.Value, 1e-4, 1e-2);
        foreach (var (r, f) in reduced.Zip(full))
        {
            Assert.Equal(distance, r.RepairDistance);
            Assert.Contains("repaired data, Frobenius distance", r.Message);
            if (r.Bound.StartsWith("seesaw", StringComparison.Ordinal))
            {
                Assert.Equal(RowStatus.NotApplicable, r.Status);
                continue;
            }
            if (r.Status == RowStatus.NotApplicable) continue;
            Assert.Equal(RowStatus.Optimal, r.Status);
            Assert.Contains("no symmetry reduction (the data have no exact symmetry)", r.Message);
            Assert.DoesNotContain("no symmetry reduction", f.Message); // --no-symmetry asked for the full problem: nothing to say
            var (x, y) = r.Pguess is { } p ? (p, f.Pguess!.Value) : (r.CriticalVisibility!.Value, f.CriticalVisibility!.Value);
            Assert.True(Math.Abs(x - y) <= 1e-7, $"{r.Objective} / {r.Bound}: {x:R} vs --no-symmetry {y:R}");
        }
    }
}
