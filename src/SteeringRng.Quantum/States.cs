using MathNet.Numerics.LinearAlgebra;
using Complex = System.Numerics.Complex;

namespace SteeringRng.Quantum;

/// <summary>Named state families and states given as numbers.</summary>
public static class States
{
    /// <summary>|Ψ⟩ = (1/√d) Σ_{i&lt;d} |i⟩^{⊗N}.</summary>
    public static Vector<Complex> GhzKet(int parties, int dimension)
    {
        if (parties < 1) throw new ArgumentOutOfRangeException(nameof(parties), $"A GHZ state needs at least one party, got {parties}.");
        if (dimension < 2) throw new ArgumentOutOfRangeException(nameof(dimension), $"A GHZ state needs local dimension at least 2, got {dimension}.");
        var dims = Enumerable.Repeat(dimension, parties).ToArray();
        var ket = Vector<Complex>.Build.Dense(dims.Aggregate(1, (a, b) => a * b));
        for (int i = 0; i < dimension; i++)
            ket[Tensor.Index(Enumerable.Repeat(i, parties).ToArray(), dims)] = 1 / Math.Sqrt(dimension);
        return ket;
    }

    /// <summary>|W_N⟩ = (1/√N) Σ_k |0…0 1_k 0…0⟩ on N qubits (one excitation, party 0 most significant).</summary>
    public static Vector<Complex> WKet(int parties)
    {
        // N = 1 gives |1⟩, the formula's value; the scenario language allows a single node.
        if (parties < 1) throw new ArgumentOutOfRangeException(nameof(parties), $"A W state needs at least one party, got {parties}.");
        var dims = Enumerable.Repeat(2, parties).ToArray();
        var ket = Vector<Complex>.Build.Dense(1 << parties);
        for (int k = 0; k < parties; k++)
            ket[Tensor.Index(Enumerable.Range(0, parties).Select(p => p == k ? 1 : 0).ToArray(), dims)] = 1 / Math.Sqrt(parties);
        return ket;
    }

    /// <summary>The maximally mixed state I/D, D = Π d_p (any local dimensions).</summary>
    public static DensityMatrix WhiteNoise(IReadOnlyList<int> dimensions)
    {
        if (dimensions.Count == 0 || dimensions.Any(d => d < 1))
            throw new QuantumValidationException($"Every party needs a local dimension of at least 1, got [{string.Join(", ", dimensions)}].");
        int size = dimensions.Aggregate(1, (a, b) => a * b);
        return DensityMatrix.Trusted(Matrix<Complex>.Build.DenseIdentity(size) * (1.0 / size), dimensions.ToArray());
    }

    /// <summary>ρ_μ = μ|Ψ⟩⟨Ψ| + (1−μ) I/d^N with the GHZ ket |Ψ⟩ (white noise of weight 1−μ).</summary>
    public static DensityMatrix NoisyGhz(int parties, int dimension, double visibility)
    {
        if (!(visibility >= 0 && visibility <= 1))
            throw new ArgumentOutOfRangeException(nameof(visibility), $"The visibility μ must be in [0, 1], got {visibility}.");
        var ket = GhzKet(parties, dimension);
        return WithWhiteNoise(ket.OuterProduct(ket.Conjugate()), Enumerable.Repeat(dimension, parties).ToArray(), visibility);
    }

    /// <summary>
    /// α|001⟩ + β|010⟩ + γ|100⟩ (parties A, B, C), normalised; a note reports it when the input was not.
    /// </summary>
    public static StateResult WLike(Complex alpha, Complex beta, Complex gamma)
    {
        var ket = Vector<Complex>.Build.Dense(8);
        ket[0b001] = alpha;
        ket[0b010] = beta;
        ket[0b100] = gamma;
        return FromKet(ket, [2, 2, 2]);
    }

    /// <summary>|ψ⟩⟨ψ| for amplitudes in the product basis; normalises and notes it when ‖ψ‖ ≠ 1.</summary>
    /// <exception cref="QuantumValidationException">Wrong length, a zero vector or a non-finite amplitude.</exception>
    public static StateResult FromKet(Vector<Complex> amplitudes, IReadOnlyList<int> dimensions, double tolerance = OperatorChecks.DefaultTolerance)
    {
        if (dimensions.Count == 0 || dimensions.Any(d => d < 1))
            throw new QuantumValidationException($"Every party needs a local dimension of at least 1, got [{string.Join(", ", dimensions)}].");
        int size = dimensions.Aggregate(1, (a, b) => a * b);
        if (amplitudes.Count != size)
            throw new QuantumValidationException(
                $"Wrong dimension: local dimensions [{string.Join(", ", dimensions)}] need {size} amplitudes, got {amplitudes.Count}.");
        for (int i = 0; i < amplitudes.Count; i++)
            if (!double.IsFinite(amplitudes[i].Real) || !double.IsFinite(amplitudes[i].Imaginary))
                throw new QuantumValidationException($"Amplitude {i} is not a finite number ({amplitudes[i]}).");
        double norm = amplitudes.L2Norm();
        if (norm == 0) throw new QuantumValidationException("The ket is the zero vector; it cannot be normalised.");
        var notes = new List<string>();
        if (Math.Abs(norm - 1) > tolerance)
            notes.Add($"The ket was not normalised (norm {norm:G10}); it was divided by its norm.");
        var ket = amplitudes / norm;
        return new StateResult(DensityMatrix.Trusted(ket.OuterProduct(ket.Conjugate()), dimensions.ToArray()), notes);
    }

    /// <summary>|ψ⟩⟨ψ| for amplitudes given as an array.</summary>
    public static StateResult FromKet(Complex[] amplitudes, IReadOnlyList<int> dimensions) =>
        FromKet(Vector<Complex>.Build.DenseOfArray(amplitudes), dimensions);

    /// <summary>Σ_i p_i ρ_i; the weights must be nonnegative and sum to 1, the states share their dimensions.</summary>
    public static DensityMatrix Mixture(IReadOnlyList<double> weights, IReadOnlyList<DensityMatrix> states, double tolerance = OperatorChecks.DefaultTolerance)
    {
        if (weights.Count != states.Count || states.Count == 0)
            throw new QuantumValidationException($"A mixture needs one weight per state: got {weights.Count} weights and {states.Count} states.");
        for (int i = 0; i < weights.Count; i++)
            if (!(weights[i] >= 0)) throw new QuantumValidationException($"Mixture weight {i} is {weights[i]}, not a nonnegative number.", -weights[i]);
        RequireUnitSum(weights, tolerance);
        // A convex combination of density matrices is one: no second validation.
        return DensityMatrix.Trusted(WeightedSum(weights, states), states[0].Dimensions.ToArray());
    }

    /// <summary>
    /// Σ_i w_i ρ_i for real weights summing to 1 that may be negative (an affine combination, as a scenario's
    /// `state = …` allows). With a negative weight the result need not be positive, so it is then validated as a
    /// density matrix; with w_i ≥ 0 it is a convex combination of states, hence one (no eigendecomposition, which
    /// costs O(D³)).
    /// </summary>
    /// <exception cref="QuantumValidationException">Weights not summing to 1, or a result that is not a state.</exception>
    public static DensityMatrix Combination(IReadOnlyList<double> weights, IReadOnlyList<DensityMatrix> states, double tolerance = OperatorChecks.DefaultTolerance)
    {
        if (weights.Count != states.Count || states.Count == 0)
            throw new QuantumValidationException($"A combination needs one weight per state: got {weights.Count} weights and {states.Count} states.");
        for (int i = 0; i < weights.Count; i++)
            if (!double.IsFinite(weights[i])) throw new QuantumValidationException($"Weight {i} is {weights[i]}, not a finite number.");
        RequireUnitSum(weights, tolerance);
        var sum = WeightedSum(weights, states);
        return IsConvex(weights) ? DensityMatrix.Trusted(sum, states[0].Dimensions.ToArray()) : DensityMatrix.Create(sum, states[0].Dimensions, tolerance);
    }

    /// <summary>
    /// Whether every weight is ≥ 0: then Σ_i w_i ρ_i (Σ_i w_i = 1) of density matrices is one, and
    /// <see cref="Combination"/> needs no positivity check.
    /// </summary>
    public static bool IsConvex(IReadOnlyList<double> weights) => weights.All(w => w >= 0);

    /// <summary>
    /// Throws unless |Σ_i w_i − 1| ≤ tolerance. The message gives the sum to ten digits, or to as many more as it
    /// takes not to read "1" (with a tolerance below 1e-10, ten digits would round 1 + 1e-11 to 1).
    /// </summary>
    public static void RequireUnitSum(IReadOnlyList<double> weights, double tolerance = OperatorChecks.DefaultTolerance)
    {
        double total = weights.Sum();
        if (!(Math.Abs(total - 1) <= tolerance))
            throw new QuantumValidationException($"The mixture weights sum to {NotOne(total)}, not 1.", Math.Abs(total - 1));
    }

    /// <summary>The shortest of 10..17 significant digits that does not read as exactly 1.</summary>
    private static string NotOne(double total)
    {
        for (var digits = 10; digits < 17; digits++)
        {
            var text = total.ToString("G" + digits, System.Globalization.CultureInfo.InvariantCulture);
            if (double.Parse(text, System.Globalization.CultureInfo.InvariantCulture) != 1) return text;
        }
        return total.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Σ_i w_i ρ_i after checking that the states share their local dimensions.</summary>
    private static Matrix<Complex> WeightedSum(IReadOnlyList<double> weights, IReadOnlyList<DensityMatrix> states)
    {
        var dims = states[0].Dimensions;
        for (int i = 1; i < states.Count; i++)
            if (!states[i].Dimensions.SequenceEqual(dims))
                throw new QuantumValidationException(
                    $"State {i} has local dimensions [{string.Join(", ", states[i].Dimensions)}], expected [{string.Join(", ", dims)}] as state 0.");
        var sum = Matrix<Complex>.Build.Dense(states[0].Size, states[0].Size);
        for (int i = 0; i < states.Count; i++) sum += states[i].Matrix * weights[i];
        return sum;
    }

    /// <summary>μ ρ + (1−μ) I/D.</summary>
    public static DensityMatrix WithWhiteNoise(Matrix<Complex> rho, int[] dimensions, double visibility)
    {
        int size = rho.RowCount;
        var noisy = rho * visibility + Matrix<Complex>.Build.DenseIdentity(size) * ((1 - visibility) / size);
        return DensityMatrix.Create(noisy, dimensions);
    }
}
