using Microsoft.FSharp.Collections;
using SteeringRng.Algebra;

namespace SteeringRng.Certification.Bounds;

/// <summary>
/// The generating set S of an <see cref="BoundSpec.Npa"/> level as the Algebra builds it: S = {words of length ≤ k}
/// ∪ ⋃ products of the party patterns ∪ the explicit words (docs/formulations/npa-levels.md). The one place the
/// engine turns a level into a <see cref="GeneratingSetSpec"/> (guess jobs, Bell jobs and <c>steer show</c>).
/// </summary>
public static class NpaGeneratingSet
{
    public static GeneratingSetSpec Of(BoundSpec.Npa npa) => Of(npa.Level, npa.ExtraWords, npa.Words);

    /// <exception cref="ArgumentException">An explicit word that is zero (two outcomes of one setting side by side).</exception>
    public static GeneratingSetSpec Of(int level, IReadOnlyList<int[]> products, IReadOnlyList<NpaLetter[]>? words)
    {
        // Without explicit words the spec stays LevelWithProducts, exactly as before words existed.
        if (words is null || words.Count == 0) return GeneratingSetSpec.NewLevelWithProducts(level, products.ToArray());
        var built = words.Select(w =>
        {
            var letters = w.Select(l => Letter.make(l.Party, l.Setting, l.Outcome));
            var word = WordModule.ofLetters(letters);
            return word.IsValueSome ? word.Value
                : throw new ArgumentException($"The explicit word ({string.Join(", ", w.Select(l => $"party {l.Party} outcome {l.Outcome} of setting {l.Setting}"))}) is zero: two outcomes of one setting meet.");
        });
        return GeneratingSetSpec.NewLevelWithWords(level, products.ToArray(), ListModule.OfSeq(built));
    }
}
