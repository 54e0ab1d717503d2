using System.Numerics;

namespace SteeringRng.Sdp.Tests;

/// <summary>
/// Random SDPs with a planted optimal primal–dual pair: per block X* = Q diag(λ, 0) Q* and Z* = Q diag(0, ζ) Q*
/// (complementary ranges, X* + Z* ≻ 0: strict complementarity), random A_i, b = A(X*), random y*,
/// C = Σ y*_i A_i − Z*. Then X* is primal feasible, (y*, Z*) dual feasible and ⟨X*, Z*⟩ = 0, so both are optimal and
/// the optimum is ⟨C, X*⟩ = bᵀy*. All arithmetic here is independent of the solver (complex numbers, dense).
/// </summary>
public sealed class PlantedProblem
{
    public required SdpProblem Problem { get; init; }
    public required double Optimum { get; init; }

    /// <param name="onlyBlock">When given, constraint i touches only block onlyBlock(i), or every block when it returns null.</param>
    public static PlantedProblem Create(int seed, SdpBlock[] blocks, int m, double density, Func<int, int?>? onlyBlock = null)
    {
        var rng = new Random(seed);
        var xs = new Complex[blocks.Length][,];
        var zs = new Complex[blocks.Length][,];
        for (var b = 0; b < blocks.Length; b++) (xs[b], zs[b]) = ComplementaryPair(rng, blocks[b]);
        var a = new SdpMatrix[m];
        for (var i = 0; i < m; i++) a[i] = RandomMatrix(rng, blocks, density, onlyBlock?.Invoke(i));
        var bvec = a.Select(ai => Inner(ai, xs, blocks)).ToArray();
        var y = Enumerable.Range(0, m).Select(_ => Gauss(rng)).ToArray();
        // C = Σ y_i A_i − Z* as a dense (Hermitian) matrix per block, stored by its upper triangle.
        var c = new List<SdpEntry>();
        for (var b = 0; b < blocks.Length; b++)
        {
            var n = blocks[b].Size;
            var dense = Dense(b, n, a, y);
            for (var r = 0; r < n; r++)
            for (var col = r; col < n; col++)
            {
                if (blocks[b].Kind == SdpConeKind.Nonnegative && r != col) continue;
                var v = dense[r, col] - zs[b][r, col];
                if (v != Complex.Zero) c.Add(new SdpEntry(b, r, col, v.Real, r == col ? 0 : v.Imaginary));
            }
        }
        var problem = new SdpProblem(blocks, new SdpMatrix(c), a, bvec);
        return new PlantedProblem { Problem = problem, Optimum = bvec.Zip(y).Sum(t => t.First * t.Second) };
    }

    /// <summary>Re tr(A X) over all blocks, with X dense complex per block (diagonal matrices for Nonnegative blocks).</summary>
    public static double Inner(SdpMatrix a, Complex[][,] x, IReadOnlyList<SdpBlock> blocks)
    {
        var s = 0.0;
        foreach (var e in a.Entries)
        {
            var v = new Complex(e.Value, e.Imag);
            s += e.Row == e.Col ? (v * x[e.Block][e.Col, e.Row]).Real
                : (v * x[e.Block][e.Col, e.Row] + Complex.Conjugate(v) * x[e.Block][e.Row, e.Col]).Real;
        }
        return s;
    }

    /// <summary>The solver's X (user representation) as dense complex blocks.</summary>
    public static Complex[][,] ToDense(IReadOnlyList<SdpBlockValue> values) =>
        values.Select(v =>
        {
            var n = v.Shape.Size;
            var d = new Complex[n, n];
            for (var r = 0; r < n; r++)
            for (var c = 0; c < n; c++)
                d[r, c] = v.Shape.Kind == SdpConeKind.Nonnegative ? (r == c ? v.Re[r] : 0) : new Complex(v.Re[r * n + c], v.Im?[r * n + c] ?? 0);
            return d;
        }).ToArray();

    private static Complex[,] Dense(int block, int n, SdpMatrix[] a, double[] y)
    {
        var d = new Complex[n, n];
        for (var i = 0; i < a.Length; i++)
            foreach (var e in a[i].Entries.Where(e => e.Block == block))
            {
                var v = y[i] * new Complex(e.Value, e.Imag);
                d[e.Row, e.Col] += v;
                if (e.Row != e.Col) d[e.Col, e.Row] += Complex.Conjugate(v);
            }
        return d;
    }

    private static (Complex[,] X, Complex[,] Z) ComplementaryPair(Random rng, SdpBlock block)
    {
        var n = block.Size;
        var rank = n == 1 ? rng.Next(2) : 1 + rng.Next(n - 1);
        var q = block.Kind == SdpConeKind.Nonnegative ? Identity(n) : RandomUnitary(rng, n, block.Kind == SdpConeKind.HermitianPsd);
        var x = new Complex[n, n];
        var z = new Complex[n, n];
        for (var k = 0; k < n; k++)
        {
            var lambda = 0.5 + rng.NextDouble();
            var target = k < rank ? x : z;
            for (var r = 0; r < n; r++)
            for (var c = 0; c < n; c++) target[r, c] += lambda * q[r, k] * Complex.Conjugate(q[c, k]);
        }
        return (x, z);
    }

    private static SdpMatrix RandomMatrix(Random rng, SdpBlock[] blocks, double density, int? onlyBlock)
    {
        var entries = new List<SdpEntry>();
        while (entries.Count == 0)
            for (var b = 0; b < blocks.Length; b++)
            for (var r = 0; r < blocks[b].Size && (onlyBlock is not { } only || b == only); r++)
            for (var c = r; c < blocks[b].Size; c++)
            {
                if (blocks[b].Kind == SdpConeKind.Nonnegative && r != c) continue;
                if (rng.NextDouble() >= density) continue;
                var im = blocks[b].Kind == SdpConeKind.HermitianPsd && r != c ? Gauss(rng) : 0;
                entries.Add(new SdpEntry(b, r, c, Gauss(rng), im));
            }
        return new SdpMatrix(entries);
    }

    private static Complex[,] Identity(int n)
    {
        var q = new Complex[n, n];
        for (var k = 0; k < n; k++) q[k, k] = 1;
        return q;
    }

    /// <summary>Gram–Schmidt on a Gaussian matrix: a random orthogonal (or unitary) Q, columns q_k.</summary>
    private static Complex[,] RandomUnitary(Random rng, int n, bool complex)
    {
        var q = new Complex[n, n];
        for (var k = 0; k < n; k++)
        {
            for (var r = 0; r < n; r++) q[r, k] = new Complex(Gauss(rng), complex ? Gauss(rng) : 0);
            for (var j = 0; j < k; j++)
            {
                var dot = Complex.Zero;
                for (var r = 0; r < n; r++) dot += Complex.Conjugate(q[r, j]) * q[r, k];
                for (var r = 0; r < n; r++) q[r, k] -= dot * q[r, j];
            }
            var norm = Math.Sqrt(Enumerable.Range(0, n).Sum(r => q[r, k].Magnitude * q[r, k].Magnitude));
            for (var r = 0; r < n; r++) q[r, k] /= norm;
        }
        return q;
    }

    private static double Gauss(Random rng) =>
        Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
}
