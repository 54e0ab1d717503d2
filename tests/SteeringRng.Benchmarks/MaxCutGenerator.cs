using SteeringRng.Sdp;

namespace SteeringRng.Benchmarks;

/// <summary>
/// The Goemans–Williamson max-cut relaxation of a seeded random graph G(n, p):
///   max ⟨L/4, X⟩  s.t.  X_ii = 1 (i = 1..n),  X ⪰ 0,
/// with L = D − W the graph Laplacian (unit weights). One n×n block, m = n constraints.
/// </summary>
public static class MaxCutGenerator
{
    public static SdpProblem Create(int n, double edgeProbability, int seed)
    {
        var random = new Random(seed);
        var degree = new int[n];
        var entries = new List<SdpEntry>();
        for (var i = 0; i < n; i++)
        for (var j = i + 1; j < n; j++)
        {
            if (random.NextDouble() >= edgeProbability) continue;
            degree[i]++;
            degree[j]++;
            entries.Add(new SdpEntry(0, i, j, -0.25));   // L_ij/4 = −w_ij/4
        }
        for (var i = 0; i < n; i++)
            if (degree[i] > 0) entries.Add(new SdpEntry(0, i, i, degree[i] / 4.0));   // L_ii/4 = deg(i)/4
        var constraints = Enumerable.Range(0, n).Select(i => new SdpMatrix([new SdpEntry(0, i, i, 1)])).ToArray();
        return new SdpProblem([SdpBlock.Psd(n)], new SdpMatrix(entries), constraints, Enumerable.Repeat(1.0, n).ToArray());
    }
}
