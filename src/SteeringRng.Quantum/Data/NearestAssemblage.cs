using System.Numerics;
using MathNet.Numerics.LinearAlgebra;

namespace SteeringRng.Quantum.Data;

/// <summary>What a repair did: the valid assemblage, its Frobenius distance from the data, and how the projection ended.</summary>
/// <param name="Distance">‖σ_repaired − σ_data‖_F = (Σ_{a,x} ‖σ_repaired,a|x − σ_data,a|x‖_F²)^½.</param>
/// <param name="Converged">Whether Dykstra's iterates settled (step ≤ 1e-13) before the iteration limit; if not, the result is
/// still a valid assemblage, but only near the nearest one (its distance an upper bound on the nearest distance).</param>
public sealed record RepairResult(Assemblage Repaired, double Distance, int Iterations, bool Converged);

/// <summary>
/// The nearest valid assemblage in the Frobenius (Hilbert–Schmidt) norm over all blocks (docs/formulations/measured-data.md,
/// "Repair"): the projection of the data σ onto C = L ∩ K, L the no-signalling normalised blocks (affine,
/// <see cref="NoSignallingProjector"/>), K the blocks that are all PSD (a closed convex cone; P_K clips each block's negative
/// eigenvalues). C is closed, convex and non-empty (the uniform assemblage I/(d_A |A|) is in it), so the projection exists and is
/// unique. Dykstra's algorithm,
///   y_k = P_L(x_k),   x_{k+1} = P_K(y_k + q_k),   q_{k+1} = y_k + q_k − x_{k+1},   x_0 = σ, q_0 = 0,
/// converges in norm to P_C(σ) (Boyle and Dykstra 1986, for any two closed convex sets of a Hilbert space); L's own correction term
/// is left out because it lies in L's orthogonal complement, where P_L ignores it (L is affine). The last iterate is made exactly
/// valid: y = P_L(x) is no-signalling and normalised to rounding; if its least eigenvalue is −δ &lt; 0 it is mixed with the
/// uniform assemblage u (λ_min(u_{a|x}) = 1/(d_A |A|)), (1 − λ) y + λ u with λ = δ / (δ + 1/(d_A |A|)), which is PSD, still
/// no-signalling and normalised, and moves the result by O(δ).
/// </summary>
public static class NearestAssemblage
{
    /// <summary>The most blocks (outcome × setting tuples) a repair takes on: its projector is a dense T × T SVD.</summary>
    public const int MaxBlocks = 2048;

    public const int MaxIterations = 200_000;

    /// <exception cref="ArgumentException">More than <see cref="MaxBlocks"/> blocks.</exception>
    public static RepairResult Repair(Assemblage data, CancellationToken cancellation = default)
    {
        var blocks = data.OutcomeTupleCount * data.SettingTupleCount;
        if (blocks > MaxBlocks)
            throw new ArgumentException($"the data have {blocks} blocks σ_{{a|x}}; repair takes at most {MaxBlocks}");
        var layout = AssemblageLayout.Of(data);
        var d = data.TrustedDimension;
        var d2 = d * d;
        var sigma = AssemblageLayout.ToValues(data);
        var projector = new NoSignallingProjector(data);
        var x = (Complex[])sigma.Clone();
        var q = new Complex[x.Length];
        var scale = 1 + Norm(sigma);
        var iterations = 0;
        var converged = false;
        while (iterations < MaxIterations)
        {
            if ((iterations & 255) == 0) cancellation.ThrowIfCancellationRequested();
            iterations++;
            var y = projector.Project(x);
            var next = new Complex[x.Length];
            for (var k = 0; k < x.Length; k++) next[k] = y[k] + q[k];
            PositivePart(next, d);
            double step = 0;
            for (var k = 0; k < x.Length; k++)
            {
                q[k] = y[k] + q[k] - next[k];
                step += (next[k] - x[k]).Magnitude * (next[k] - x[k]).Magnitude;
            }
            x = next;
            if (Math.Sqrt(step) <= 1e-13 * scale)
            {
                converged = true;
                break;
            }
        }
        var z = projector.Project(x);
        var delta = 0.0;
        for (var t = 0; t < blocks; t++)
            delta = Math.Max(delta, -OperatorChecks.MinEigenvalue(Block(z, t, d)));
        if (delta > 0)
        {
            var uniform = 1.0 / (d * data.OutcomeTupleCount);
            var lambda = delta / (delta + uniform);
            for (var t = 0; t < blocks; t++)
                for (var e = 0; e < d2; e++)
                    z[t * d2 + e] = (1 - lambda) * z[t * d2 + e] + (e % (d + 1) == 0 ? lambda * uniform : 0);
        }
        var distance = 0.0;
        for (var k = 0; k < z.Length; k++) distance += (z[k] - sigma[k]).Magnitude * (z[k] - sigma[k]).Magnitude;
        return new RepairResult(layout.ToAssemblage(z), Math.Sqrt(distance), iterations, converged);
    }

    private static double Norm(Complex[] v) => Math.Sqrt(v.Sum(z => z.Magnitude * z.Magnitude));

    private static Matrix<Complex> Block(Complex[] values, int t, int d) =>
        Matrix<Complex>.Build.Dense(d, d, (i, k) => values[t * d * d + i * d + k]);

    // Each block replaced by Σ max(λ, 0) |u⟩⟨u| over its eigenpairs (the nearest PSD matrix in the Frobenius norm).
    private static void PositivePart(Complex[] values, int d)
    {
        var d2 = d * d;
        for (var t = 0; t < values.Length / d2; t++)
        {
            var m = Block(values, t, d);
            m = (m + m.ConjugateTranspose()) / 2;
            var evd = m.Evd(MathNet.Numerics.LinearAlgebra.Symmetricity.Hermitian);
            if (evd.EigenValues.All(l => l.Real >= 0)) continue;
            var u = evd.EigenVectors;
            var clipped = Matrix<Complex>.Build.DenseOfDiagonalVector(
                MathNet.Numerics.LinearAlgebra.Vector<Complex>.Build.Dense(d, i => Math.Max(0, evd.EigenValues[i].Real)));
            var p = u * clipped * u.ConjugateTranspose();
            for (var i = 0; i < d; i++)
                for (var k = 0; k < d; k++)
                    values[t * d2 + i * d + k] = p[i, k];
        }
    }
}
