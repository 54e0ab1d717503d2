using MathNet.Numerics.LinearAlgebra;
using Complex = System.Numerics.Complex;

namespace SteeringRng.Quantum;

/// <summary>
/// Linear algebra on tensor-product spaces C^{d_0} ⊗ … ⊗ C^{d_{n−1}}. Basis index of a multi-index
/// (i_0, …, i_{n−1}) is Σ_p i_p Π_{q&gt;p} d_q (party 0 most significant, as in |i_0 i_1 …⟩).
/// </summary>
public static class Tensor
{
    /// <summary>A ⊗ B ⊗ … (left to right).</summary>
    public static Matrix<Complex> Kron(params Matrix<Complex>[] factors)
    {
        if (factors.Length == 0) throw new ArgumentException("Kron needs at least one factor.");
        var result = factors[0];
        for (int i = 1; i < factors.Length; i++) result = result.KroneckerProduct(factors[i]);
        return result;
    }

    /// <summary>|u⟩ ⊗ |v⟩ ⊗ … (left to right).</summary>
    public static Vector<Complex> Kron(params Vector<Complex>[] factors)
    {
        if (factors.Length == 0) throw new ArgumentException("Kron needs at least one factor.");
        var result = factors[0];
        for (int i = 1; i < factors.Length; i++)
        {
            var next = factors[i];
            var product = Vector<Complex>.Build.Dense(result.Count * next.Count);
            for (int u = 0; u < result.Count; u++)
                for (int v = 0; v < next.Count; v++)
                    product[u * next.Count + v] = result[u] * next[v];
            result = product;
        }
        return result;
    }

    /// <summary>Splits a basis index into its multi-index for local dimensions <paramref name="dims"/>.</summary>
    public static int[] Digits(int index, IReadOnlyList<int> dims)
    {
        var digits = new int[dims.Count];
        for (int p = dims.Count - 1; p >= 0; p--)
        {
            digits[p] = index % dims[p];
            index /= dims[p];
        }
        return digits;
    }

    /// <summary>The basis index of a multi-index (inverse of <see cref="Digits"/>).</summary>
    public static int Index(IReadOnlyList<int> digits, IReadOnlyList<int> dims)
    {
        int index = 0;
        for (int p = 0; p < dims.Count; p++) index = index * dims[p] + digits[p];
        return index;
    }

    /// <summary>
    /// Tr_T ρ for the set T of parties <paramref name="traceOut"/>; the kept parties stay in their original order:
    /// (Tr_T ρ)[(i_K), (j_K)] = Σ_{i_T} ρ[(i_K, i_T), (j_K, i_T)].
    /// </summary>
    public static Matrix<Complex> PartialTrace(Matrix<Complex> rho, IReadOnlyList<int> dims, IEnumerable<int> traceOut)
    {
        CheckOperator(rho, dims);
        var traced = new HashSet<int>(traceOut);
        foreach (var p in traced)
            if (p < 0 || p >= dims.Count) throw new ArgumentOutOfRangeException(nameof(traceOut), $"Party {p} does not exist: there are {dims.Count} parties (0..{dims.Count - 1}).");
        var kept = Enumerable.Range(0, dims.Count).Where(p => !traced.Contains(p)).ToArray();
        var keptDims = kept.Select(p => dims[p]).ToArray();
        int keptSize = keptDims.Aggregate(1, (a, b) => a * b);
        var result = Matrix<Complex>.Build.Dense(keptSize, keptSize);
        int n = rho.RowCount;
        for (int i = 0; i < n; i++)
        {
            var di = Digits(i, dims);
            for (int j = 0; j < n; j++)
            {
                var dj = Digits(j, dims);
                bool diagonalOnTraced = traced.All(p => di[p] == dj[p]);
                if (!diagonalOnTraced) continue;
                int r = Index(kept.Select(p => di[p]).ToArray(), keptDims);
                int c = Index(kept.Select(p => dj[p]).ToArray(), keptDims);
                result[r, c] += rho[i, j];
            }
        }
        return result;
    }

    /// <summary>
    /// Reorders the tensor factors: new party q is old party <paramref name="order"/>[q], so that
    /// ρ' = P ρ P† with P|i_0 … i_{n−1}⟩ = |i_{order[0]} … i_{order[n−1]}⟩.
    /// </summary>
    public static Matrix<Complex> Reorder(Matrix<Complex> rho, IReadOnlyList<int> dims, IReadOnlyList<int> order)
    {
        CheckOperator(rho, dims);
        if (order.Count != dims.Count || order.Distinct().Count() != dims.Count || order.Any(p => p < 0 || p >= dims.Count))
            throw new ArgumentException($"The order must be a permutation of 0..{dims.Count - 1}, got [{string.Join(", ", order)}].");
        var newDims = order.Select(p => dims[p]).ToArray();
        int n = rho.RowCount;
        var map = new int[n];
        for (int i = 0; i < n; i++)
        {
            var d = Digits(i, dims);
            map[i] = Index(order.Select(p => d[p]).ToArray(), newDims);
        }
        var result = Matrix<Complex>.Build.Dense(n, n);
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                result[map[i], map[j]] = rho[i, j];
        return result;
    }

    private static void CheckOperator(Matrix<Complex> rho, IReadOnlyList<int> dims)
    {
        if (dims.Count == 0 || dims.Any(d => d < 1)) throw new ArgumentException("Every party needs a local dimension of at least 1.");
        int size = dims.Aggregate(1, (a, b) => a * b);
        if (rho.RowCount != size || rho.ColumnCount != size)
            throw new QuantumValidationException(
                $"Wrong dimension: local dimensions [{string.Join(", ", dims)}] need a {size}×{size} matrix, got {rho.RowCount}×{rho.ColumnCount}.");
    }
}
