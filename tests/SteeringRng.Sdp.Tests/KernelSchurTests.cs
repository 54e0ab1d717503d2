using System.Numerics;
using SteeringRng.Sdp.Internal;
using SteeringRng.Sdp.Kkt;
using SteeringRng.Sdp.LinearAlgebra;

namespace SteeringRng.Sdp.Tests;

/// <summary>The Schur complement against its definition M_ij = Re tr(A_i X A_j Z⁻¹), computed densely in complex arithmetic.</summary>
public class KernelSchurTests
{
    /// <summary>
    /// Small blocks (below order 32: full-pattern sums, the dense formula in place of the gathered one) and large ones
    /// (a real block of 40 and a Hermitian 17, internally 34: sums over the upper triangle of the folded W).
    /// </summary>
    [Theory]
    [InlineData("Auto", "P7,N4,H3,P2", 14)]
    [InlineData("Dense", "P7,N4,H3,P2", 14)]
    [InlineData("Sparse", "P7,N4,H3,P2", 14)]
    [InlineData("Product", "P7,N4,H3,P2", 14)]
    [InlineData("Gathered", "P7,N4,H3,P2", 14)]
    [InlineData("Auto", "P40,H17,N3", 24)]
    [InlineData("Dense", "P40,H17,N3", 24)]
    [InlineData("Product", "P40,H17,N3", 24)]
    [InlineData("Gathered", "P40,H17,N3", 24)]
    public void Schur_MatchesDefinition(string formulaName, string blockSpec, int constraints) =>
        AssertMatchesDefinition(Enum.Parse<SchurFormula>(formulaName), blockSpec, constraints, native: null);

    /// <summary>The gathered formula's product W = X[·, B] T as one OpenBLAS dgemm per row (what the solver runs when OpenBLAS loads).</summary>
    [KernelNativeFact]
    public void Schur_NativeGatheredProduct_MatchesDefinition()
    {
        var native = NativeLapack.TryGet().Kernels!;
        AssertMatchesDefinition(SchurFormula.Gathered, "P40,H17,N3", 24, native);
        AssertMatchesDefinition(SchurFormula.Auto, "P40,H17,N3", 24, native);
        AssertMatchesDefinition(SchurFormula.Gathered, "P7,N4,H3,P2", 14, native);
    }

    private static void AssertMatchesDefinition(SchurFormula formula, string blockSpec, int constraints, NativeLapack? native)
    {
        var blocks = PlantedOptimumTests.Blocks(blockSpec);
        var problem = PlantedProblem.Create(5, blocks, constraints, 0.35).Problem;
        var ip = InternalProblem.From(problem);
        // Random symmetric X and "Z⁻¹" in user form (Hermitian where needed), mapped to internal form the same way.
        var rng = new Random(9);
        var xu = blocks.Select(b => RandomHermitian(rng, b)).ToArray();
        var zu = blocks.Select(b => RandomHermitian(rng, b)).ToArray();
        // Internal X = E(X)/2 for Hermitian blocks and Z⁻¹_int = E(Z⁻¹) so the product inside the trace is E(X A Z⁻¹)/2·... :
        // tr(E(A_i) E(X)/2 E(A_j) E(W)) = Re tr(A_i X A_j W) (the trace of E(·) is 2 Re tr).
        var xi = ip.Layout.Select((l, b) => l.FromUser(ToValue(blocks[b], xu[b]), 1.0 / l.PrimalScale)).ToArray();
        var wi = ip.Layout.Select((l, b) => l.FromUser(ToValue(blocks[b], zu[b]), 1.0)).ToArray();
        var schur = new SchurComplement(ip, formula, native);
        var m = problem.ConstraintCount;
        var mat = new double[m * m];
        schur.Form(xi, wi, mat);
        var dense = problem.A.Select(a => Dense(a, blocks)).ToArray();
        // Form fills the upper triangle (position order); the lower one belongs to the factorisation.
        for (var pi = 0; pi < m; pi++)
        for (var pj = pi; pj < m; pj++)
        {
            var (i, j) = (schur.Order[pi], schur.Order[pj]);
            var expected = 0.0;
            for (var b = 0; b < blocks.Length; b++) expected += Trace(dense[i][b], xu[b], dense[j][b], zu[b]);
            Assert.True(Math.Abs(mat[pi * m + pj] - expected) <= 1e-10 * (1 + Math.Abs(expected)),
                $"M[{i},{j}] = {mat[pi * m + pj]} vs {expected}");
        }
    }

    private static Complex[,] RandomHermitian(Random rng, SdpBlock b)
    {
        var n = b.Size;
        var h = new Complex[n, n];
        for (var r = 0; r < n; r++)
        for (var c = r; c < n; c++)
        {
            if (b.Kind == SdpConeKind.Nonnegative && r != c) continue;
            var v = new Complex(rng.NextDouble() - 0.5, b.Kind == SdpConeKind.HermitianPsd && r != c ? rng.NextDouble() - 0.5 : 0);
            h[r, c] = v;
            h[c, r] = Complex.Conjugate(v);
        }
        return h;
    }

    private static SdpBlockValue ToValue(SdpBlock b, Complex[,] h)
    {
        var n = b.Size;
        if (b.Kind == SdpConeKind.Nonnegative) return new SdpBlockValue(b, Enumerable.Range(0, n).Select(k => h[k, k].Real).ToArray());
        var re = new double[n * n];
        var im = new double[n * n];
        for (var r = 0; r < n; r++)
        for (var c = 0; c < n; c++) (re[r * n + c], im[r * n + c]) = (h[r, c].Real, h[r, c].Imaginary);
        return new SdpBlockValue(b, re, b.Kind == SdpConeKind.HermitianPsd ? im : null);
    }

    private static Complex[][,] Dense(SdpMatrix a, SdpBlock[] blocks)
    {
        var d = blocks.Select(b => new Complex[b.Size, b.Size]).ToArray();
        foreach (var e in a.Entries)
        {
            d[e.Block][e.Row, e.Col] = new Complex(e.Value, e.Imag);
            d[e.Block][e.Col, e.Row] = new Complex(e.Value, -e.Imag);
        }
        return d;
    }

    private static double Trace(Complex[,] a, Complex[,] x, Complex[,] b, Complex[,] w)
    {
        var n = a.GetLength(0);
        var s = Complex.Zero;
        for (var i = 0; i < n; i++)
        for (var j = 0; j < n; j++)
        for (var k = 0; k < n; k++)
        for (var l = 0; l < n; l++) s += a[i, j] * x[j, k] * b[k, l] * w[l, i];
        return s.Real;
    }
}
