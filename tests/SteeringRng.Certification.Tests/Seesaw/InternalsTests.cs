using System.Numerics;
using MathNet.Numerics.LinearAlgebra;
using SteeringRng.Certification.Seesaw;
using SteeringRng.Certification.Seesaw.Internal;

namespace SteeringRng.Certification.Tests.Seesaw;

/// <summary>The seesaw's building blocks, checked against identities.</summary>
public class InternalsTests
{
    private static Matrix<Complex> RandomHermitian(int n, Random random)
    {
        var g = Matrix<Complex>.Build.Dense(n, n, (_, _) => new Complex(random.NextDouble() - 0.5, random.NextDouble() - 0.5));
        return (g + g.ConjugateTranspose()) / 2;
    }

    private static Matrix<Complex> RandomPsd(int n, Random random)
    {
        var g = Matrix<Complex>.Build.Dense(n, n, (_, _) => new Complex(random.NextDouble() - 0.5, random.NextDouble() - 0.5));
        return g * g.ConjugateTranspose();
    }

    [Fact]
    public void HermitianCoordinates_AreAnIsometry_AndRoundTrip()
    {
        var random = new Random(3);
        var a = RandomHermitian(4, random);
        var x = RandomHermitian(4, random);
        var va = HermitianCoordinates.ToVector(a);
        var vx = HermitianCoordinates.ToVector(x);
        // v(A)·v(X) = Re tr(A X)
        Assert.Equal((a * x).Trace().Real, va.Zip(vx, (p, q) => p * q).Sum(), 1e-12);
        Assert.True((HermitianCoordinates.FromVector(va, 4) - a).FrobeniusNorm() < 1e-12);
    }

    [Fact]
    public void IndependentRows_RemoveRedundancy_AndKeepTheSolutionSet()
    {
        // Rows r1, r2, r1 + r2, 2 r1 over 3 unknowns; x = (1, 2, 3) solves the consistent system.
        double[][] a = [[1, 0, 1], [0, 1, 1], [1, 1, 2], [2, 0, 2]];
        double[] x = [1, 2, 3];
        var b = a.Select(r => r.Zip(x, (p, q) => p * q).Sum()).ToArray();
        var reduced = IndependentRows.Reduce(a, b);
        Assert.Equal(2, reduced.Rows.Length);
        Assert.True(reduced.Inconsistency < 1e-14);
        for (int i = 0; i < 2; i++)
        {
            Assert.Equal(reduced.Rhs[i], reduced.Rows[i].Zip(x, (p, q) => p * q).Sum(), 1e-12);
            for (int j = 0; j < 2; j++)
                Assert.Equal(i == j ? 1 : 0, reduced.Rows[i].Zip(reduced.Rows[j], (p, q) => p * q).Sum(), 1e-12);
        }
        b[2] += 1; // now r1 + r2 disagrees with r1 and r2
        Assert.True(IndependentRows.Reduce(a, b).Inconsistency > 1e-3);
    }

    // The subset variant keeps original rows (scaled to unit length), sparsest first: of r1 = (1, 0, 1), r2 = (0, 1, 1),
    // r1 + r2 and 2 r1 plus the sparse row (0, 0, 3), it keeps (0, 0, 3), then r1 and r2, whose span holds the rest.
    [Fact]
    public void IndependentRows_Select_KeepsAnIndependentSubsetOfTheRows_SparsestFirst()
    {
        double[][] a = [[1, 0, 1], [0, 1, 1], [1, 1, 2], [2, 0, 2], [0, 0, 3]];
        double[] x = [1, 2, 3];
        var b = a.Select(r => r.Zip(x, (p, q) => p * q).Sum()).ToArray();
        var selected = IndependentRows.Select(a, b);
        Assert.Equal(3, selected.Rows.Length);
        Assert.True(selected.Inconsistency < 1e-14);
        double s2 = Math.Sqrt(2);
        Assert.Equal([[1 / s2, 0, 1 / s2], [0, 1 / s2, 1 / s2], [0, 0, 1]], selected.Rows);
        for (int i = 0; i < selected.Rows.Length; i++)
            Assert.Equal(selected.Rhs[i], selected.Rows[i].Zip(x, (p, q) => p * q).Sum(), 1e-12);
        b[3] += 1; // now 2 r1 disagrees with r1
        Assert.True(IndependentRows.Select(a, b).Inconsistency > 1e-3);
    }

    [Fact]
    public void PovmRepair_GivesAnExactPovm()
    {
        var random = new Random(5);
        var effects = new[] { RandomPsd(3, random), RandomPsd(3, random), RandomPsd(3, random) };
        var povm = PovmRepair.Repair(effects);
        Assert.True((AttackAlgebra.Sum(povm) - DenseOps.Identity(3)).FrobeniusNorm() < 1e-12);
        Assert.All(povm, m => Assert.True(DenseOps.MinEigenvalue(m) >= -1e-14));
    }

    [Fact]
    public void Resplit_KeepsAFullRankSplitUnchanged()
    {
        var random = new Random(7);
        var parts = new[] { RandomPsd(4, random), RandomPsd(4, random) };
        var resplit = StateStepResplit(parts, 1e-12);
        for (int e = 0; e < 2; e++) Assert.True((resplit[e] - parts[e]).FrobeniusNorm() < 1e-10);
    }

    [Fact]
    public void Resplit_RemovesCrossTermsWithTheNearKernel()
    {
        // σ^0 = |ψ⟩⟨ψ|/2 + cross terms of size √ε with a direction of weight ε; σ^1 = |ψ⟩⟨ψ|/2 − the cross terms.
        const double eps = 1e-12;
        var psi = Matrix<Complex>.Build.Dense(2, 2);
        psi[0, 0] = 0.5;
        var cross = Matrix<Complex>.Build.Dense(2, 2);
        cross[0, 1] = cross[1, 0] = Math.Sqrt(eps) / 2;
        var small = Matrix<Complex>.Build.Dense(2, 2);
        small[1, 1] = eps;
        var resplit = StateStepResplit([psi + cross + small, psi - cross + small], 1e-9);
        foreach (var s in resplit)
        {
            Assert.Equal(0.5, s[0, 0].Real, 1e-12);
            Assert.True(s[0, 1].Magnitude < 1e-15 && s[1, 1].Magnitude < 1e-15);
        }
    }

    private static Matrix<Complex>[] StateStepResplit(Matrix<Complex>[] parts, double noise) => StateStep.Resplit(parts, noise);

    [Fact]
    public void EmbeddingIsometry_KeepsBasisLabels()
    {
        var v = DenseOps.EmbeddingIsometry([2, 2], [3, 2]);
        Assert.Equal(6, v.RowCount);
        Assert.Equal(4, v.ColumnCount);
        // |1,1⟩ of C²⊗C² (index 3) goes to |1,1⟩ of C³⊗C² (index 1·2 + 1 = 3); |1,0⟩ (2) → index 2.
        Assert.Equal(Complex.One, v[3, 3]);
        Assert.Equal(Complex.One, v[2, 2]);
        Assert.True((v.ConjugateTranspose() * v - DenseOps.Identity(4)).FrobeniusNorm() < 1e-15);
    }

    // d = 10 with qubit blocks: five blocks per party. In a pinned start (joint guess) blocks 1 and 3 are the same copy
    // with X pinned to outcome 0, blocks 2 and 4 to outcome 1, so each party has three distinct blocks {0}, {1, 3},
    // {2, 4} and the 25 components fall into 3 × 3 classes; the embedded start's blocks all hold different
    // deterministic strategies, so nothing merges there.
    [Fact]
    public void ComponentClasses_MergeComponentsWithIdenticalPovms_Only()
    {
        var ghz = Support.Ghz.Create(0.8);
        var blocks = SeesawOptions.Default.BlocksFor([10, 10], ghz.Realisation.PartyDimensions);
        var pinned = StartingPoints.PinnedCopies(ghz.Realisation, blocks, GuessTarget.Joint(0, 0)).Single().Attack;
        var classes = StateStep.ComponentClasses(pinned);
        Assert.Equal(9, classes.Length);
        Assert.Equal(Enumerable.Range(0, 25), classes.SelectMany(c => c).Order());
        Assert.Equal([0], classes[0]);
        Assert.Contains(classes, c => c.SequenceEqual([1 * 5 + 1, 1 * 5 + 3, 3 * 5 + 1, 3 * 5 + 3]));
        // Block i's kind: the realisation (−1), or the outcome its copy pins X to; members share every party's kind.
        static int Kind(int block) => block == 0 ? -1 : (block - 1) % 2;
        Assert.All(classes, c => Assert.All(c, member =>
            Assert.Equal(pinned.Components[c[0]].Select(Kind), pinned.Components[member].Select(Kind))));
        var embedded = StartingPoints.Embedded(ghz.Realisation, blocks, GuessTarget.Joint(0, 0));
        Assert.Equal(25, StateStep.ComponentClasses(embedded).Length);
    }
}
