namespace SteeringRng.Quantum.Gaussian;

/// <summary>
/// A zero-mean Gaussian state of <see cref="Modes"/> bosonic modes, given by its covariance matrix in the
/// quadrature ordering r = (x_1, p_1, x_2, p_2, …) with [x̂, p̂] = i, so the vacuum has V = I/2
/// (docs/formulations/continuous-variables.md §1). V_ij = ½⟨{Δr_i, Δr_j}⟩. Immutable: every operation returns a new state.
/// Means are zero throughout: the networks here (squeezers, passive optics, loss, thermal inputs) never displace.
/// </summary>
public sealed class GaussianState
{
    private readonly double[,] _v;

    private GaussianState(double[,] covariance) => _v = covariance;

    public int Modes => _v.GetLength(0) / 2;

    /// <summary>A copy of the covariance matrix V (2N×2N).</summary>
    public double[,] Covariance => (double[,])_v.Clone();

    /// <summary>V_ij.</summary>
    public double this[int i, int j] => _v[i, j];

    /// <summary>The N-mode vacuum, V = I/2.</summary>
    public static GaussianState Vacuum(int modes)
    {
        if (modes < 1) throw new ArgumentOutOfRangeException(nameof(modes), "A Gaussian state needs at least one mode.");
        var v = new double[2 * modes, 2 * modes];
        for (int i = 0; i < 2 * modes; i++) v[i, i] = 0.5;
        return new GaussianState(v);
    }

    /// <summary>
    /// A state from a covariance matrix, checked: symmetric, and physical, V + iΩ/2 ⪰ 0 (the uncertainty principle
    /// in this convention), within <paramref name="tolerance"/>.
    /// </summary>
    /// <exception cref="QuantumValidationException">Not square of even size, not symmetric, or not physical.</exception>
    public static GaussianState FromCovariance(double[,] covariance, double tolerance = 1e-10)
    {
        int n = covariance.GetLength(0);
        if (n == 0 || n % 2 != 0 || covariance.GetLength(1) != n)
            throw new QuantumValidationException($"A covariance matrix must be 2N×2N; got {covariance.GetLength(0)}×{covariance.GetLength(1)}.");
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                if (Math.Abs(covariance[i, j] - covariance[j, i]) > tolerance)
                    throw new QuantumValidationException($"The covariance matrix is not symmetric at ({i},{j}).");
        var state = new GaussianState((double[,])covariance.Clone());
        var smallest = state.SmallestUncertaintyEigenvalue();
        if (smallest < -tolerance)
            throw new QuantumValidationException(
                $"The covariance matrix violates the uncertainty principle: V + iΩ/2 has eigenvalue {smallest:G6} < 0.", -smallest);
        return state;
    }

    /// <summary>Mode <paramref name="mode"/> replaced by a thermal state with mean photon number n̄ (V = (n̄ + ½) I on it).</summary>
    public GaussianState WithThermal(int mode, double meanPhotons)
    {
        RequireMode(mode);
        if (!(meanPhotons >= 0) || double.IsInfinity(meanPhotons))
            throw new ArgumentOutOfRangeException(nameof(meanPhotons), "A thermal state needs a finite mean photon number ≥ 0.");
        var v = Covariance;
        for (int i = 0; i < 2 * Modes; i++)
            for (int k = 2 * mode; k < 2 * mode + 2; k++) v[i, k] = v[k, i] = 0;
        v[2 * mode, 2 * mode] = v[2 * mode + 1, 2 * mode + 1] = meanPhotons + 0.5;
        return new GaussianState(v);
    }

    /// <summary>V ↦ S V Sᵀ for a symplectic S (Heisenberg picture: the output quadratures are r' = S r).</summary>
    public GaussianState Apply(SymplecticMap map)
    {
        if (map.Modes != Modes) throw new ArgumentException($"The map acts on {map.Modes} modes, the state has {Modes}.");
        var s = map.Matrix;
        int n = 2 * Modes;
        var sv = new double[n, n];
        for (int i = 0; i < n; i++)
            for (int k = 0; k < n; k++)
            {
                if (s[i, k] == 0) continue;
                for (int j = 0; j < n; j++) sv[i, j] += s[i, k] * _v[k, j];
            }
        var result = new double[n, n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
            {
                double acc = 0;
                for (int k = 0; k < n; k++) acc += sv[i, k] * s[j, k];
                result[i, j] = acc;
            }
        // Symmetrise: rounding must not make V asymmetric (the Fock formulas assume a symmetric V).
        for (int i = 0; i < n; i++)
            for (int j = 0; j < i; j++) result[i, j] = result[j, i] = (result[i, j] + result[j, i]) / 2;
        return new GaussianState(result);
    }

    /// <summary>
    /// A pure-loss channel of transmission η on one mode (a beam splitter with a vacuum environment):
    /// V_mode-block ↦ η V + (1 − η) I/2, cross terms with other modes scaled by √η.
    /// </summary>
    public GaussianState Loss(int mode, double transmission)
    {
        RequireMode(mode);
        if (!(transmission >= 0 && transmission <= 1))
            throw new ArgumentOutOfRangeException(nameof(transmission), $"A loss channel's transmission must be in [0, 1], got {transmission}.");
        var v = Covariance;
        double s = Math.Sqrt(transmission);
        for (int i = 0; i < 2 * Modes; i++)
            for (int k = 2 * mode; k < 2 * mode + 2; k++)
            {
                if (i / 2 == mode) continue;
                v[i, k] *= s;
                v[k, i] *= s;
            }
        for (int a = 2 * mode; a < 2 * mode + 2; a++)
            for (int b = 2 * mode; b < 2 * mode + 2; b++)
                v[a, b] = transmission * _v[a, b] + (a == b ? (1 - transmission) / 2 : 0);
        return new GaussianState(v);
    }

    /// <summary>The smallest eigenvalue of the Hermitian matrix V + iΩ/2 (≥ 0 for a physical state, 0 for a pure one).</summary>
    public double SmallestUncertaintyEigenvalue()
    {
        int n = 2 * Modes;
        var m = MathNet.Numerics.LinearAlgebra.Matrix<System.Numerics.Complex>.Build.Dense(n, n, (i, j) => _v[i, j]);
        for (int k = 0; k < Modes; k++)
        {
            m[2 * k, 2 * k + 1] += new System.Numerics.Complex(0, 0.5);
            m[2 * k + 1, 2 * k] -= new System.Numerics.Complex(0, 0.5);
        }
        return m.Evd(MathNet.Numerics.LinearAlgebra.Symmetricity.Hermitian).EigenValues.Min(e => e.Real);
    }

    private void RequireMode(int mode)
    {
        if ((uint)mode >= (uint)Modes) throw new ArgumentOutOfRangeException(nameof(mode), $"Mode {mode} does not exist; the state has {Modes} modes.");
    }
}
