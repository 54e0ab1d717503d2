using SteeringRng.Certification.Bounds;
using SteeringRng.Certification.Results;
using SteeringRng.Certification.Tests.Support;
using SteeringRng.Sdp;

namespace SteeringRng.Certification.Tests.Lowering;

/// <summary>
/// Explicit words in NPA levels ("1+B0|1C0|0") reach the relaxation as structured letters (party, setting, outcome)
/// and give the relaxation of S = level ∪ patterns ∪ words: listing every B·C word is the pattern BC, and a subset of
/// them lies between Q1 and Q1+BC (a larger S is a tighter relaxation, docs/formulations/npa-levels.md).
/// </summary>
public class NpaWordLoweringTests
{
    // Two-outcome settings X (0) and Y (1): the B·C words are B0|y C0|y' for y, y' in {0, 1}.
    private const string AllBcWords = "1+B0|0C0|0+B0|0C0|1+B0|1C0|0+B0|1C0|1";
    private const string SomeBcWords = "1+B0|0C0|0+B0|1 C0|1";

    private static string Scenario(string guess, params string[] levels) => Named("Bob", "Charlie", guess, levels);

    private static string Named(string bob, string charlie, string guess, params string[] levels) => $"""
        node Alice trusted dim 2
        node {bob}, {charlie} untrusted dim 2
        param mu = [0.8]
        state = mu * ghz + (1 - mu) * white
        measure {bob}, {charlie}: X Y
        objective g = guess {guess}
        bounds {string.Join(", ", levels.Select(l => $"npa \"{l}\""))}
        """;

    [Theory]
    [InlineData("Bob.X, Charlie.X")]
    [InlineData("Bob.X")]
    public void AllBcWords_GiveThePatternsValue_AndASubsetLiesBetweenQ1AndQ1PlusBC(string guess)
    {
        var rows = Scenarios.Plan(Scenario(guess, "1", SomeBcWords, AllBcWords, "1+BC")).Execute(new InteriorPointSolver()).Rows;
        Assert.All(rows, r => Assert.True(r.Status == RowStatus.Optimal, $"{r.Bound}: {r.Status} {r.Message}"));
        double P(string level) => rows.Single(r => r.Bound == "npa " + level).Pguess!.Value;
        Assert.Equal(P("1+BC"), P(AllBcWords), 1e-7);
        Assert.True(P("1") >= P(SomeBcWords) - 1e-7, $"Q1 {P("1")} < subset {P(SomeBcWords)}");
        Assert.True(P(SomeBcWords) >= P("1+BC") - 1e-7, $"subset {P(SomeBcWords)} < Q1+BC {P("1+BC")}");
    }

    [Fact]
    public void Words_AreLoweredToPartyIndices_SettingsAndOutcomes_WhateverTheNodeNames()
    {
        // "Bob20|1" is Bob2's outcome 0 of setting 1: node names may end in digits.
        var run = Scenarios.Plan(Named("Bob1", "Bob2", "Bob1.X", "1+Bob20|1*Bob10|0"));
        var npa = Assert.IsType<BoundSpec.Npa>(SteeringRng.Certification.Lowering.BoundSpecs.Of(run.Model, run.Model.Scenario.Bounds[0]));
        Assert.Equal(1, npa.Level);
        Assert.Empty(npa.ExtraWords);
        // Bob1 (party 0) comes first in the canonical word: letters of different parties commute.
        var word = Assert.Single(npa.Words!);
        Assert.Equal([new NpaLetter(0, 0, 0), new NpaLetter(1, 1, 0)], word);
        Assert.Equal("npa 1+Bob20|1*Bob10|0", npa.Name);
    }
}
