namespace SteeringRng.Sdp.Certificates;

/// <summary>
/// Which entry of X absorbs each constraint of ⟨A_i, X⟩ = b_i, and in which order (blocks of constraints, dependencies
/// first); see <see cref="ExactAffineCorrection"/>. Depends only on A, so a sweep that swaps C computes it once.
/// </summary>
public sealed class PivotPlan
{
    private static readonly ShapeCache<(PivotPlan? Plan, string Failure)> Cache = new();

    private PivotPlan(int[] pivot, List<int[]> components) { Pivot = pivot; Components = components; }

    /// <summary>Pivot position of every constraint (−1 for an empty constraint with b = 0).</summary>
    public int[] Pivot { get; }

    /// <summary>Exact LU factors of the blocks, filled on first use (thread-safe: parallel sweep points share a plan).</summary>
    internal System.Collections.Concurrent.ConcurrentDictionary<int, Lazy<ExactLu?>> Factors { get; } = new();

    /// <summary>Blocks of constraints in solving order.</summary>
    public IReadOnlyList<int[]> Components { get; }

    public static PivotPlan? For(RealProblem problem, out string failure)
    {
        // A failure depends only on the shape too: remembered, with its reason.
        (var plan, failure) = Cache.Get(problem, p => (Build(p, out var reason), reason));
        return plan;
    }

    private static PivotPlan? Build(RealProblem problem, out string failure)
    {
        failure = "";
        var m = problem.Rows.Length;
        var rows = problem.Rows;
        var candidate = DistinctColumns(problem);
        var pivot = new int[m];
        Array.Fill(pivot, -1);
        for (var i = 0; i < m; i++)
            if (rows[i].Length == 0 && problem.B[i] != 0)
            {
                failure = $"constraint {i + 1} has no entries but b = {problem.B[i]}: (P) is infeasible";
                return null;
            }
        // 1. Peeling: an entry held by exactly one remaining constraint pivots it (a triangular, hence nonsingular, part).
        var count = new int[problem.PositionCount];
        var holders = new List<int>[problem.PositionCount];
        for (var i = 0; i < m; i++)
            foreach (var (p, _) in rows[i]) { count[p]++; (holders[p] ??= []).Add(i); }
        var peeled = new bool[m];
        var queue = new Queue<int>();
        for (var p = 0; p < count.Length; p++) if (count[p] == 1 && candidate[p]) queue.Enqueue(p);
        for (var i = 0; i < m; i++) if (rows[i].Length == 0) peeled[i] = true;
        while (queue.Count > 0)
        {
            var p = queue.Dequeue();
            if (count[p] != 1) continue;
            var owner = holders[p].FirstOrDefault(i => !peeled[i], -1);
            if (owner < 0) continue;
            var best = -1;
            var bestScore = double.NegativeInfinity;
            foreach (var (q, a) in rows[owner])
                if (count[q] == 1 && candidate[q] && Score(a) > bestScore) (best, bestScore) = (q, Score(a));
            pivot[owner] = best;
            peeled[owner] = true;
            foreach (var (q, _) in rows[owner]) if (--count[q] == 1 && candidate[q]) queue.Enqueue(q);
        }
        // 2. The core that does not peel: pivots by floating elimination with complete pivoting (numerically independent).
        var core = Enumerable.Range(0, m).Where(i => !peeled[i]).ToArray();
        if (core.Length > ExactAffineCorrection.MaxComponent)
        {
            failure = $"{core.Length} constraints do not peel (more than {ExactAffineCorrection.MaxComponent} solved exactly)";
            return null;
        }
        if (core.Length > 0 && !CorePivots(problem, core, candidate, pivot, out failure)) return null;
        var matchOfPosition = new int[problem.PositionCount];
        Array.Fill(matchOfPosition, -1);
        for (var i = 0; i < m; i++) if (pivot[i] >= 0) matchOfPosition[pivot[i]] = i;
        var components = StrongComponents(m, rows, pivot, matchOfPosition);
        return new PivotPlan(pivot, components);
    }

    private static bool CorePivots(RealProblem problem, int[] core, bool[] candidate, int[] pivot, out string failure)
    {
        failure = "";
        var columns = new Dictionary<int, int>();
        foreach (var i in core)
            foreach (var (p, _) in problem.Rows[i])
                if (candidate[p] && !columns.ContainsKey(p)) columns[p] = columns.Count;
        var k = core.Length;
        var n = columns.Count;
        var positions = new int[n];
        foreach (var (p, c) in columns) positions[c] = p;
        var a = new double[k][];
        var rowScale = new double[k];
        for (var r = 0; r < k; r++)
        {
            a[r] = new double[n];
            foreach (var (p, v) in problem.Rows[core[r]])
                if (columns.TryGetValue(p, out var c)) a[r][c] += v;
            rowScale[r] = a[r].Max(Math.Abs);
        }
        var rowDone = new bool[k];
        var columnDone = new bool[n];
        for (var step = 0; step < k; step++)
        {
            var (br, bc, best) = (-1, -1, 0.0);
            for (var r = 0; r < k; r++)
            {
                if (rowDone[r]) continue;
                var row = a[r];
                for (var c = 0; c < n; c++)
                    if (!columnDone[c] && Math.Abs(row[c]) > best) (br, bc, best) = (r, c, Math.Abs(row[c]));
            }
            if (br < 0 || best <= 1e-11 * rowScale.Max())
            {
                failure = $"{k - step} of the {k} coupled constraints are (numerically) dependent on the others";
                return false;
            }
            rowDone[br] = true;
            columnDone[bc] = true;
            pivot[core[br]] = positions[bc];
            var pr = a[br];
            for (var r = 0; r < k; r++)
            {
                if (rowDone[r] || a[r][bc] == 0) continue;
                var f = a[r][bc] / pr[bc];
                var row = a[r];
                for (var c = 0; c < n; c++) if (pr[c] != 0) row[c] -= f * pr[c];
                row[bc] = 0;
            }
        }
        return true;
    }

    /// <summary>
    /// Positions whose column (coefficients over all constraints) is not a multiple of an earlier position's column:
    /// two such positions as pivots of two constraints would make a singular block (the two copies of a Hermitian
    /// block in its real embedding are the common case).
    /// </summary>
    private static bool[] DistinctColumns(RealProblem problem)
    {
        var columns = new List<(int Row, double Coefficient)>[problem.PositionCount];
        for (var i = 0; i < problem.Rows.Length; i++)
            foreach (var (p, a) in problem.Rows[i]) (columns[p] ??= []).Add((i, a));
        var seen = new HashSet<string>();
        var candidate = new bool[problem.PositionCount];
        for (var p = 0; p < columns.Length; p++)
        {
            if (columns[p] is not { } column) continue;
            var first = column[0].Coefficient;
            var key = string.Join(';', column.Select(e => $"{e.Row}:{(e.Coefficient / first).ToString("R", System.Globalization.CultureInfo.InvariantCulture)}"));
            candidate[p] = seen.Add(key);
        }
        return candidate;
    }

    private static double Score(double a)
    {
        var magnitude = Math.Abs(a);
        var powerOfTwo = Math.ScaleB(1.0, Math.ILogB(magnitude)) == magnitude;
        return (powerOfTwo ? 1e4 : 0) + Math.Log2(magnitude);
    }

    /// <summary>Tarjan's algorithm on "i contains the pivot of j" (i → j); components come out dependencies first.</summary>
    private static List<int[]> StrongComponents(int m, (int Position, double Coefficient)[][] rows, int[] pivot, int[] matchOfPosition)
    {
        var index = new int[m];
        var low = new int[m];
        Array.Fill(index, -1);
        var onStack = new bool[m];
        var stack = new Stack<int>();
        var result = new List<int[]>();
        var counter = 0;
        var work = new Stack<(int Node, int Edge)>();
        for (var s = 0; s < m; s++)
        {
            if (index[s] >= 0 || pivot[s] < 0) continue;
            work.Push((s, 0));
            index[s] = low[s] = counter++;
            stack.Push(s);
            onStack[s] = true;
            while (work.Count > 0)
            {
                var (v, e) = work.Pop();
                var advanced = false;
                while (e < rows[v].Length)
                {
                    var w = matchOfPosition[rows[v][e].Position];
                    e++;
                    if (w < 0 || w == v) continue;
                    if (index[w] < 0)
                    {
                        work.Push((v, e));
                        index[w] = low[w] = counter++;
                        stack.Push(w);
                        onStack[w] = true;
                        work.Push((w, 0));
                        advanced = true;
                        break;
                    }
                    if (onStack[w]) low[v] = Math.Min(low[v], index[w]);
                }
                if (advanced) continue;
                if (low[v] == index[v])
                {
                    var component = new List<int>();
                    int w;
                    do { w = stack.Pop(); onStack[w] = false; component.Add(w); } while (w != v);
                    result.Add(component.ToArray());
                }
                if (work.Count > 0)
                {
                    var (parent, _) = work.Peek();
                    low[parent] = Math.Min(low[parent], low[v]);
                }
            }
        }
        return result;
    }
}
