using SteeringRng.Certification.Bounds;
using SteeringRng.Certification.Results;
using SteeringRng.Certification.Tests.Support;
using SteeringRng.Sdp;

namespace SteeringRng.Certification.Tests.Lowering;

/// <summary>
/// NPA levels reach the relaxation builder as structured words over party indices, never as text, so node names of
/// any length work: "1+Bob1*Bob2" on nodes Bob1, Bob2 is the same relaxation as "1+BC" on nodes Bob, Charlie.
/// </summary>
public class NpaLevelLoweringTests
{
    private static string Scenario(string bob, string charlie, string level) => $"""
        node Alice trusted dim 2
        node {bob}, {charlie} untrusted dim 2
        param mu = [0.8]
        state = mu * ghz + (1 - mu) * white
        measure {bob}, {charlie}: X Y
        objective joint = guess {bob}.X, {charlie}.X
        bounds ns, npa 1, npa "{level}"
        """;

    [Fact]
    public void LongNodeNames_GiveTheSameBound_AsOneLetterNames()
    {
        var named = Scenarios.Plan(Scenario("Bob1", "Bob2", "1+Bob1*Bob2")).Execute(new InteriorPointSolver()).Rows;
        var letters = Scenarios.Plan(Scenario("Bob", "Charlie", "1+BC")).Execute(new InteriorPointSolver()).Rows;
        Assert.All(named.Concat(letters), r => Assert.True(r.Status == RowStatus.Optimal, $"{r.Bound}: {r.Status} {r.Message}"));
        var extra = named.Single(r => r.Bound == "npa 1+Bob1*Bob2");
        Assert.Equal(letters.Single(r => r.Bound == "npa 1+BC").Pguess!.Value, extra.Pguess!.Value, 1e-9);
        // "1+Bob1*Bob2" adds the words B·C to level 1: never looser than Q1, never tighter than Q2 allows.
        Assert.True(extra.Pguess <= named.Single(r => r.Bound == "npa 1").Pguess + 1e-7);
    }

    [Fact]
    public void TheExtraWords_AreLoweredToPartyIndices_InTheWordsOrder()
    {
        var run = Scenarios.Plan(Scenario("Bob1", "Bob2", "2+Bob2*Bob1"));
        var spec = SteeringRng.Certification.Lowering.BoundSpecs.Of(run.Model, run.Model.Scenario.Bounds[2]);
        var npa = Assert.IsType<BoundSpec.Npa>(spec);
        Assert.Equal(2, npa.Level);
        Assert.Equal([[1, 0]], npa.ExtraWords);
        Assert.Equal("npa 2+Bob2*Bob1", npa.Name);
    }
}
