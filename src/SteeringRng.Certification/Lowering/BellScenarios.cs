using SteeringRng.Algebra;
using AlgebraScenario = SteeringRng.Algebra.Scenario;

namespace SteeringRng.Certification.Lowering;

/// <summary>
/// The untrusted nodes of a Bell scenario (no trusted node) as Collins–Gisin parties of the operator algebra, with
/// their settings' outcome counts. Parties are named A, B, … in node order: the names only label printed words
/// (<c>steer show</c>); levels reach the builder as structured words, never as text.
/// </summary>
public static class BellScenarios
{
    public static AlgebraScenario Of(ScenarioModel model) =>
        new(model.Untrusted.Select((n, j) => new Party(PartyLetters(model.Untrusted.Count, 'A')[j], n.Settings.Select(x => x.Outcomes).ToArray())));

    /// <summary>One-letter party names from <paramref name="first"/> on (A, B, … for Bell; B, C, … for steering).</summary>
    public static string[] PartyLetters(int count, char first) =>
        Enumerable.Range(0, count).Select(j => ((char)(first + j)).ToString()).ToArray();
}
