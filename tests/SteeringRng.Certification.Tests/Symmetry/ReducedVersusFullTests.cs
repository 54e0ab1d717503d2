using SteeringRng.Certification.Results;
using SteeringRng.Certification.Run;
using SteeringRng.Certification.Tests.Support;
using SteeringRng.Sdp;

namespace SteeringRng.Certification.Tests.Symmetry;

/// <summary>
/// The symmetry-reduced Q(S) and the full one have the same optimum (docs/formulations/symmetry-reduction.md). A review
/// saw the reduced npa "1+BB" on 3-qubit GHZ end numerical-failure where the full problem and CSDP give P_g = 0.5.
/// </summary>
public class ReducedVersusFullTests
{
    [Theory]
    [InlineData("guess Bob.X", "1+BB")]
    [InlineData("guess Bob.X, Charlie.X", "1+BB")]
    [InlineData("guess Bob.X", "1+BB+CC+BC")]
    public void Reduced_and_full_agree_at_every_point(string objective, string level)
    {
        var text = $"""
            node Alice trusted dim 2
            node Bob, Charlie untrusted dim 2
            param mu = [1, 0.95, 0.9, 0.8, 0.7]
            state = mu * ghz + (1 - mu) * white
            measure Bob, Charlie: X Y Z
            objective o = {objective}
            bounds npa "{level}"
            """;
        var reduced = Scenarios.Plan(text).Execute(new InteriorPointSolver()).Rows;
        var full = Scenarios.Plan(text, RunSettings.Default with { Symmetry = false }).Execute(new InteriorPointSolver()).Rows;
        Assert.Equal(full.Count, reduced.Count);
        foreach (var (r, f) in reduced.Zip(full))
        {
            Assert.True(r.Status == RowStatus.Optimal, $"reduced at {r.Parameters}: {r.Status}: {r.Message}");
            Assert.True(f.Status == RowStatus.Optimal, $"full at {f.Parameters}: {f.Status}: {f.Message}");
            Assert.True(Math.Abs(r.Pguess!.Value - f.Pguess!.Value) <= 1e-6, $"at {r.Parameters}: reduced {r.Pguess}, full {f.Pguess}");
        }
        // At μ = 1 Bob's X outcome is a fair coin that Eve cannot know: P_g = 1/2 (1/4 for the joint guess).
        Assert.Equal(objective.Contains("Charlie", StringComparison.Ordinal) ? 0.25 : 0.5, reduced[0].Pguess!.Value, 1e-6);
    }
}
