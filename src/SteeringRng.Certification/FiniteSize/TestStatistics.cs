namespace SteeringRng.Certification.FiniteSize;

/// <summary>
/// The statistics a protocol tests, as scores over the event classes of one test round
/// (docs/formulations/finite-size.md §2): statistic k has a coefficient G_k(c) for every event class c, and its value
/// is w_k = E[G_k(c)] over a test round, estimated from counts by ŵ_k = (1/N) Σ_c G_k(c)·N_c.
/// Conditional probabilities p(o|s) are the scores G(c) = [c = (s, o)]/q(s) (<see cref="ConditionalProbabilities"/>);
/// a Bell value such as CHSH is Σ_c G(c) q(c) with G(c) = ±1/q(s) (<see cref="Chsh"/>).
/// </summary>
public sealed class TestStatistics
{
    public TestStatistics(IReadOnlyList<EventClass> events, IReadOnlyList<string> names, double[][] coefficients)
    {
        if (events.Count == 0) throw new FiniteSizeInputException(FiniteSizeDiagnostics.ShapeMismatch, "a test round needs at least one event class");
        if (names.Count != coefficients.Length)
            throw new FiniteSizeInputException(FiniteSizeDiagnostics.ShapeMismatch, $"{names.Count} statistic names for {coefficients.Length} coefficient rows");
        for (var k = 0; k < coefficients.Length; k++)
            if (coefficients[k].Length != events.Count)
                throw new FiniteSizeInputException(FiniteSizeDiagnostics.ShapeMismatch, $"statistic '{names[k]}' has {coefficients[k].Length} coefficients for {events.Count} event classes");
        Events = events;
        Names = names;
        Coefficients = coefficients;
    }

    public IReadOnlyList<EventClass> Events { get; }
    public IReadOnlyList<string> Names { get; }
    /// <summary>G_k(c), [statistic][event class].</summary>
    public double[][] Coefficients { get; }
    public int Count => Names.Count;

    /// <summary>R_k = max_c G_k(c) − min_c G_k(c): the range of one test round's contribution (Hoeffding's b − a).</summary>
    public double Range(int k) => Coefficients[k].Max() - Coefficients[k].Min();

    /// <summary>
    /// The most outcome tuples any setting tuple of a test round has: the number of values the outcomes recorded in one
    /// round can take (every node's outcome, the trusted node's included). The EAT's d_O is the dimension of the register
    /// whose entropy accumulates, which must hold everything the test outcome is computed from (finite-size.md §5.2).
    /// </summary>
    public int OutcomesPerRound => Events.GroupBy(e => e.SettingsKey).Max(g => g.Count());

    /// <summary>λ_c = Σ_k λ_k G_k(c): an affine bound's coefficient per event class (what the EAT's Max/Min/Var see).</summary>
    public double[] PerEvent(IReadOnlyList<double> lambda)
    {
        var r = new double[Events.Count];
        for (var k = 0; k < Count; k++)
            for (var c = 0; c < r.Length; c++) r[c] += lambda[k] * Coefficients[k][c];
        return r;
    }

    /// <summary>
    /// Every event's conditional probability p(o|s) as a statistic (G(c') = [c' = c]/q(s)): the full statistics of a
    /// steering or Bell test. <paramref name="events"/> carry q(s).
    /// </summary>
    public static TestStatistics ConditionalProbabilities(IReadOnlyList<EventClass> events)
    {
        var coefficients = new double[events.Count][];
        for (var c = 0; c < events.Count; c++)
        {
            coefficients[c] = new double[events.Count];
            coefficients[c][c] = 1.0 / events[c].SettingProbability;
        }
        return new TestStatistics(events, events.Select(e => $"p({e.Name})").ToArray(), coefficients);
    }

    /// <summary>
    /// The CHSH value S = Σ_xy (−1)^{xy} Σ_ab (−1)^{a+b} p(ab|xy) with settings uniform (q = 1/4): 16 event classes
    /// "x y a b", one statistic with G(c) = 4·(−1)^{a+b+xy}, range 8.
    /// </summary>
    public static TestStatistics Chsh()
    {
        var events = new List<EventClass>();
        var g = new List<double>();
        for (var x = 0; x < 2; x++)
            for (var y = 0; y < 2; y++)
                for (var a = 0; a < 2; a++)
                    for (var b = 0; b < 2; b++)
                    {
                        events.Add(new EventClass($"x={x} y={y} a={a} b={b}", $"{x}{y}", 0.25));
                        g.Add(4.0 * (((a + b + x * y) % 2 == 0) ? 1 : -1));
                    }
        return new TestStatistics(events, ["S"], [g.ToArray()]);
    }

    /// <summary>w = Σ_c G(c) P(c) for a test-round event distribution P(c) = q(s)·p(o|s) (the model's expectation).</summary>
    public double[] Expectation(IReadOnlyList<double> eventProbabilities)
    {
        if (eventProbabilities.Count != Events.Count)
            throw new FiniteSizeInputException(FiniteSizeDiagnostics.ShapeMismatch, $"{eventProbabilities.Count} event probabilities for {Events.Count} event classes");
        var w = new double[Count];
        for (var k = 0; k < Count; k++)
            for (var c = 0; c < Events.Count; c++) w[k] += Coefficients[k][c] * eventProbabilities[c];
        return w;
    }
}
