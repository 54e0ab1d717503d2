using System.Globalization;
using SteeringRng.Certification.Seesaw;

namespace SteeringRng.Certification.Bounds;

/// <summary>
/// A requested bound, in the engine's terms (the scenario language's <c>bounds</c> line lowers to these; library
/// callers build them directly). <see cref="Name"/> is the bound as rows and the JSON contract name it.
/// </summary>
public abstract record BoundSpec
{
    private BoundSpec() { }

    public abstract string Name { get; }

    /// <summary>H^NS (docs/formulations/no-signalling.md).</summary>
    public sealed record NoSignalling : BoundSpec
    {
        public override string Name => "ns";
    }

    /// <summary>H^Glo (docs/formulations/global.md): only for a joint guess of every untrusted party.</summary>
    public sealed record Global : BoundSpec
    {
        public override string Name => "global";
    }

    /// <summary>Q_k (docs/formulations/npa-levels.md): level k plus extra product words over untrusted-party indices,
    /// plus explicit words (a setting and outcome per letter); <see cref="NpaGeneratingSet"/> builds S from them.</summary>
    /// <param name="Text">The level as the user wrote it ("2+Bob*Charlie", "1+B0|1C0|0"), for the row's name.</param>
    /// <param name="Words">Explicit words, letters in canonical order (by party, the order within a party kept); null: none.</param>
    public sealed record Npa(int Level, IReadOnlyList<int[]> ExtraWords, string? Text = null, IReadOnlyList<NpaLetter[]>? Words = null) : BoundSpec
    {
        public override string Name => "npa " + (Text ?? Level.ToString(CultureInfo.InvariantCulture));
        public BoundRank Rank => BoundRank.Npa(Level, ExtraWords, Words);
    }

    /// <summary>H^Dim by the seesaw (docs/formulations/seesaw.md): an upper bound on H.</summary>
    public sealed record Dimension(SeesawOptions Options) : BoundSpec
    {
        public override string Name => Options.SplitBlockSize is { } b ? $"seesaw split {b}" : $"seesaw dim {Options.Dimension}";
    }

    /// <summary>The fully-LHS steering test (docs/formulations/steering-test.md): one job per scenario, not per objective.</summary>
    public sealed record Steering : BoundSpec
    {
        public override string Name => "steering";
    }
}
