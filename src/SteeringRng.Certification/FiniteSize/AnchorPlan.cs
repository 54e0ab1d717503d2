namespace SteeringRng.Certification.FiniteSize;

/// <summary>
/// Where a guessing program builds its relaxation's constants to read α and λ exactly (docs/formulations/finite-size.md
/// §3): a base point b and steps a_j = b + e_plus − e_minus (minus = −1: none), every entry a small integer so that the
/// anchors are exact doubles. The family is the exact affine interpolation through them: λ_plus = g(a_j) − g(b), the
/// other coordinates λ = 0, α = g(b) − λ·b. It equals g on the affine set b + span{e_plus − e_minus}, which must
/// contain every statistic a test round can produce.
/// </summary>
/// <param name="Base">b.</param>
/// <param name="Steps">(plus, minus) per anchor.</param>
public sealed record AnchorPlan(IReadOnlyList<double> Base, IReadOnlyList<(int Plus, int Minus)> Steps)
{
    /// <summary>Bell values (no constraint among them): b = 0, a_k = e_k. The family is exact on all of R^m.</summary>
    public static AnchorPlan UnitVectors(int count) =>
        new(new double[count], Enumerable.Range(0, count).Select(k => (k, -1)).ToArray());

    /// <summary>
    /// Conditional probabilities p(o|s), Σ_o p(o|s) = 1 for every setting tuple s: b puts probability 1 on the first event
    /// r(s) of every tuple and a_k = b + e_k − e_{r(s)} moves it to event k. Every anchor is normalised (the relaxation
    /// builds only normalised data), and for normalised w, w − b = Σ_{k ≠ r} w_k (e_k − e_{r(s_k)}) exactly, so the
    /// family is exact on every normalised statistic (λ_{r(s)} = 0).
    /// </summary>
    public static AnchorPlan PerSettingTuple(IReadOnlyList<string> settingsKeyOfEvent)
    {
        var b = new double[settingsKeyOfEvent.Count];
        var steps = new List<(int, int)>();
        foreach (var group in Enumerable.Range(0, b.Length).GroupBy(c => settingsKeyOfEvent[c]))
        {
            var r = group.First();
            b[r] = 1;
            foreach (var k in group.Skip(1)) steps.Add((k, r));
        }
        return new AnchorPlan(b, steps);
    }
}
