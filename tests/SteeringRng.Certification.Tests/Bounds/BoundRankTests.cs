using SteeringRng.Certification.Bounds;

namespace SteeringRng.Certification.Tests.Bounds;

public class BoundRankTests
{
    [Theory]
    [InlineData(1, new int[0], 2, new int[0], true)]
    [InlineData(1, new int[0], 1, new[] { 1, 2 }, true)]
    [InlineData(1, new[] { 1, 2 }, 2, new int[0], true)]
    [InlineData(2, new int[0], 1, new[] { 1, 2 }, false)]
    [InlineData(1, new[] { 1, 2 }, 1, new int[0], false)]
    [InlineData(1, new[] { 1, 1, 2 }, 2, new int[0], false)] // "1+BBC" has words of length 3, not in level 2
    public void NpaLevels_AreOrderedByTheirWordSets(int baseA, int[] extraA, int baseB, int[] extraB, bool looser)
    {
        IReadOnlyList<int[]> Extra(int[] e) => e.Length == 0 ? [] : [e];
        Assert.Equal(looser, BoundRank.Npa(baseA, Extra(extraA)).IsLooserThan(BoundRank.Npa(baseB, Extra(extraB))));
    }

    private static NpaLetter[] Word(params (int Party, int Setting, int Outcome)[] letters) =>
        letters.Select(l => new NpaLetter(l.Party, l.Setting, l.Outcome)).ToArray();

    [Fact]
    public void NpaLevelsWithWords_AreComparedOnlyWhenContainmentIsEvident()
    {
        var q1 = BoundRank.Npa(1, []);
        var q1bc = BoundRank.Npa(1, [[0, 1]]);
        var q2 = BoundRank.Npa(2, []);
        var oneWord = BoundRank.Npa(1, [], [Word((0, 1, 0), (1, 0, 0))]);                         // 1+B0|1C0|0
        var otherWord = BoundRank.Npa(1, [], [Word((0, 0, 0), (1, 0, 0))]);                       // 1+B0|0C0|0
        var bothWords = BoundRank.Npa(1, [], [Word((0, 1, 0), (1, 0, 0)), Word((0, 0, 0), (1, 0, 0))]);
        var bbc = BoundRank.Npa(1, [], [Word((0, 0, 0), (0, 1, 0), (1, 0, 0))]);                  // 1+B0|0B0|1C0|0
        Assert.True(q1.IsLooserThan(oneWord));       // S(Q1) ⊂ S(1+B0|1C0|0)
        Assert.True(oneWord.IsLooserThan(q1bc));     // the word is a product of the pattern BC
        Assert.True(oneWord.IsLooserThan(q2));       // the word has length 2 ≤ 2
        Assert.True(oneWord.IsLooserThan(bothWords));
        Assert.False(q1bc.IsLooserThan(oneWord));
        Assert.False(q2.IsLooserThan(oneWord));
        Assert.False(oneWord.IsLooserThan(oneWord)); // the same set: not looser
        Assert.False(oneWord.IsLooserThan(otherWord)); // neither set contains the other: not compared
        Assert.False(otherWord.IsLooserThan(oneWord));
        Assert.False(bbc.IsLooserThan(q2));          // length 3: not in level 2
        Assert.False(q2.IsLooserThan(bbc));
        Assert.True(bbc.IsLooserThan(BoundRank.Npa(1, [[0, 0, 1]]))); // a product of the pattern BBC
        // Listing every B·C word is the pattern BC (the same set): each word is evidently a product of BC, but that the
        // words exhaust BC needs the outcome counts, which a rank does not hold. So the words may rank as looser (an
        // equal P_g passes the ordering check), never the pattern.
        var allBc = BoundRank.Npa(1, [], [Word((0, 0, 0), (1, 0, 0)), Word((0, 0, 0), (1, 1, 0)), Word((0, 1, 0), (1, 0, 0)), Word((0, 1, 0), (1, 1, 0))]);
        Assert.False(q1bc.IsLooserThan(allBc));
    }

    [Fact]
    public void TheTiers_FormTheChain_GloNsQkDim()
    {
        BoundRank[] chain = [BoundRank.Global, BoundRank.NoSignalling, BoundRank.Npa(1, []), BoundRank.Dimension];
        for (var i = 0; i < chain.Length; i++)
            for (var j = 0; j < chain.Length; j++)
                Assert.Equal(i < j, chain[i].IsLooserThan(chain[j]));
    }
}
