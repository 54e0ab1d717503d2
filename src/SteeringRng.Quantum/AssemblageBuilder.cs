using System.Numerics;
using MathNet.Numerics.LinearAlgebra;

namespace SteeringRng.Quantum;

/// <summary>
/// Builds σ_{a|x} = Tr_U[(I_T ⊗ M_{a_1|x_1} ⊗ … ⊗ M_{a_k|x_k}) ρ] from a state and the measurements of the
/// untrusted parties U. The trusted system T is the tensor product of the trusted parties (in the order given);
/// the untrusted parties are all others, in increasing position.
/// </summary>
public static class AssemblageBuilder
{
    /// <param name="state">ρ on all parties.</param>
    /// <param name="trustedParties">Positions of the trusted parties (at least one).</param>
    /// <param name="measurements">measurements[j][x] = POVM of the j-th untrusted party (by position) for setting x.</param>
    /// <exception cref="QuantumValidationException">When shapes do not match (which party, which setting).</exception>
    public static Assemblage Build(DensityMatrix state, IReadOnlyList<int> trustedParties, IReadOnlyList<IReadOnlyList<Povm>> measurements)
    {
        var dims = state.Dimensions;
        if (trustedParties.Count == 0) throw new QuantumValidationException("At least one party must be trusted.");
        foreach (var t in trustedParties)
            if (t < 0 || t >= dims.Count) throw new QuantumValidationException($"Trusted party {t} does not exist: the state has parties 0..{dims.Count - 1}.");
        if (trustedParties.Distinct().Count() != trustedParties.Count) throw new QuantumValidationException("A trusted party is listed twice.");
        var untrusted = Enumerable.Range(0, dims.Count).Where(p => !trustedParties.Contains(p)).ToArray();
        if (untrusted.Length == 0) throw new QuantumValidationException("At least one party must be untrusted.");
        if (measurements.Count != untrusted.Length)
            throw new QuantumValidationException(
                $"Expected measurements for {untrusted.Length} untrusted parties (positions {string.Join(", ", untrusted)}), got {measurements.Count}.");

        var outcomes = new int[untrusted.Length];
        for (int j = 0; j < untrusted.Length; j++)
        {
            var settings = measurements[j];
            if (settings.Count == 0) throw new QuantumValidationException($"Untrusted party {j} (position {untrusted[j]}) has no measurement settings.");
            outcomes[j] = settings[0].OutcomeCount;
            for (int x = 0; x < settings.Count; x++)
            {
                if (settings[x].Dimension != dims[untrusted[j]])
                    throw new QuantumValidationException(
                        $"Untrusted party {j} (position {untrusted[j]}), setting {x} ({settings[x].Name}): wrong dimension, expected {dims[untrusted[j]]}, got {settings[x].Dimension}.");
                if (settings[x].OutcomeCount != outcomes[j])
                    throw new QuantumValidationException(
                        $"Untrusted party {j} (position {untrusted[j]}), setting {x} ({settings[x].Name}) has {settings[x].OutcomeCount} outcomes; setting 0 has {outcomes[j]}. All settings of a party need the same number of outcomes.");
            }
        }

        // Trusted parties first, untrusted after: ρ' = P ρ P†, so that ρ'[(r,u),(s,v)] with r, s trusted indices.
        var order = trustedParties.Concat(untrusted).ToArray();
        var rho = Tensor.Reorder(state.Matrix, dims, order);
        int dT = trustedParties.Aggregate(1, (p, t) => p * dims[t]);
        int dU = untrusted.Aggregate(1, (p, u) => p * dims[u]);
        var blocks = SubBlocks(rho, dT, dU);
        var settingCounts = measurements.Select(m => m.Count).ToArray();

        return new Assemblage(dT, settingCounts, outcomes, (a, x) =>
        {
            // M = ⊗_j M^j_{a_j|x_j} by its nonzero entries only (block-diagonal and classical measurements are sparse).
            var m = NonZeroKron(Enumerable.Range(0, a.Length).Select(j => measurements[j][x[j]].Element(a[j])).ToArray());
            // σ[r,s] = Tr_U[(I ⊗ M) ρ]_{rs} = Σ_{u,w} M[u,w] ρ'[(r,w),(s,u)] = Tr(M ρ'_{rs}).
            var sigma = new Complex[dT, dT];
            for (int r = 0; r < dT; r++)
                for (int s = 0; s < dT; s++)
                {
                    var block = blocks[r, s];
                    Complex sum = Complex.Zero;
                    foreach (var (u, w, value) in m) sum += value * block[w, u];
                    sigma[r, s] = sum;
                }
            return sigma;
        });
    }

    /// <summary>The nonzero entries (row, column, value) of ⊗_j factors[j] (factor 0 the most significant index).</summary>
    private static List<(int Row, int Column, Complex Value)> NonZeroKron(Matrix<Complex>[] factors)
    {
        var entries = new List<(int Row, int Column, Complex Value)> { (0, 0, Complex.One) };
        foreach (var f in factors)
        {
            var nonzero = new List<(int, int, Complex)>();
            for (int r = 0; r < f.RowCount; r++)
                for (int c = 0; c < f.ColumnCount; c++)
                    if (f[r, c] != Complex.Zero) nonzero.Add((r, c, f[r, c]));
            var next = new List<(int, int, Complex)>(entries.Count * nonzero.Count);
            foreach (var (u, v, value) in entries)
                foreach (var (r, c, e) in nonzero) next.Add((u * f.RowCount + r, v * f.ColumnCount + c, value * e));
            entries = next;
        }
        return entries;
    }

    /// <summary>ρ'_{rs}[w,u] = ρ'[(r,w),(s,u)]: the d_U×d_U blocks of ρ' indexed by trusted rows/columns.</summary>
    private static Matrix<Complex>[,] SubBlocks(Matrix<Complex> rho, int dT, int dU)
    {
        var blocks = new Matrix<Complex>[dT, dT];
        for (int r = 0; r < dT; r++)
            for (int s = 0; s < dT; s++)
                blocks[r, s] = rho.SubMatrix(r * dU, dU, s * dU, dU);
        return blocks;
    }
}
