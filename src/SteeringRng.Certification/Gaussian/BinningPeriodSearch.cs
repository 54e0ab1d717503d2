namespace SteeringRng.Certification.Gaussian;

/// <summary>
/// Maximises a function of the binning periods (T_1, …, T_k) over a box, e.g. H_min over T_{x,Bob}, T_{x,Charlie} ∈ [2, 10]
/// (continuous-variables.md §7). The landscape is rugged (several local maxima, flat zero regions), so a local search from
/// one start is not enough: first a grid of step <see cref="GridStep"/>, then a compass search (coordinate steps ±h, h halved
/// when no step improves, down to <see cref="Resolution"/>) from each of the <see cref="Starts"/> best grid points, staying in
/// the box. Every value is computed once (memoised). The result is a lower bound on the true maximum; how close it is
/// is shown against a finer grid in the tests (BinningPeriodSearchTests) and for the sample (samples/cv-fig4.md).
/// </summary>
public sealed record BinningPeriodSearch
{
    public double Lower { get; init; } = 2;
    public double Upper { get; init; } = 10;
    public double GridStep { get; init; } = 1;
    public double Resolution { get; init; } = 0.01;
    public int Starts { get; init; } = 3;

    /// <summary>Grid points evaluated at once (the grid's values are independent; the compass search is sequential).
    /// The result does not depend on it: the same points are evaluated and the same one is chosen.</summary>
    public int Parallelism { get; init; } = 1;

    /// <summary>The best periods found, the value there, and how many distinct points were evaluated.</summary>
    public sealed record Optimum(double[] Periods, double Value, int Evaluations);

    private static string Key(double[] t) =>
        string.Join(",", t.Select(x => Math.Round(x, 9).ToString("R", System.Globalization.CultureInfo.InvariantCulture)));

    public Optimum Maximise(int dimensions, Func<double[], double> f, CancellationToken cancellation = default)
    {
        if (!(Upper >= Lower) || !(GridStep > 0) || !(Resolution > 0) || dimensions < 1 || Starts < 1)
            throw new ArgumentException("the period search needs Lower ≤ Upper, a positive grid step and resolution, and at least one start");
        var seen = new Dictionary<string, double>();
        double Eval(double[] t)
        {
            cancellation.ThrowIfCancellationRequested();
            if (!seen.TryGetValue(Key(t), out var v)) seen[Key(t)] = v = f(t);
            return v;
        }
        void Remember(double[] t, double v) => seen[Key(t)] = v;
        int steps = (int)Math.Floor((Upper - Lower) / GridStep + 1e-9);
        var axis = Enumerable.Range(0, steps + 1).Select(i => Lower + i * GridStep).ToList();
        if (Upper - axis[^1] > 1e-9) axis.Add(Upper);
        var points = SteeringRng.Quantum.Assemblage.Tuples(Enumerable.Repeat(axis.Count, dimensions).ToArray())
            .Select(index => index.Select(i => axis[i]).ToArray()).ToArray();
        var values = new double[points.Length];
        try
        {
            Parallel.For(0, points.Length, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Parallelism), CancellationToken = cancellation },
                i => values[i] = f(points[i]));
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            // The caller sees the evaluation's own exception, as in a sequential run (e.g. a row with its reason).
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }
        foreach (var (t, v) in points.Zip(values)) Remember(t, v);
        // In grid order, so that ties are broken as in a sequential run.
        var grid = points.Select(t => (T: t, V: Eval(t))).ToList();
        var best = grid.MaxBy(g => g.V);
        foreach (var start in grid.OrderByDescending(g => g.V).Take(Starts))
        {
            var (t, v) = ((double[])start.T.Clone(), start.V);
            double h = GridStep / 2;
            while (h >= Resolution)
            {
                bool moved = false;
                for (int k = 0; k < dimensions && !moved; k++)
                    foreach (var sign in new[] { 1.0, -1.0 })
                    {
                        var u = (double[])t.Clone();
                        u[k] = Math.Clamp(u[k] + sign * h, Lower, Upper);
                        if (u[k] == t[k]) continue;
                        var w = Eval(u);
                        if (w > v) { (t, v, moved) = (u, w, true); break; }
                    }
                if (!moved) h /= 2;
            }
            if (v > best.V) best = (t, v);
        }
        return new Optimum(best.T, best.V, seen.Count);
    }
}
