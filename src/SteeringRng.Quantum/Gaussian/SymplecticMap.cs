namespace SteeringRng.Quantum.Gaussian;

/// <summary>
/// A linear symplectic map S on N modes, r' = S r in the ordering (x_1, p_1, …) (Heisenberg picture), with
/// the elementary optical elements of docs/formulations/continuous-variables.md §2. Composition: <c>b.After(a)</c> = b∘a.
/// </summary>
public sealed class SymplecticMap
{
    private readonly double[,] _s;

    private SymplecticMap(double[,] s) => _s = s;

    public int Modes => _s.GetLength(0) / 2;
    public double[,] Matrix => (double[,])_s.Clone();

    public static SymplecticMap Identity(int modes)
    {
        var s = new double[2 * modes, 2 * modes];
        for (int i = 0; i < 2 * modes; i++) s[i, i] = 1;
        return new SymplecticMap(s);
    }

    /// <summary>
    /// Single-mode squeezer S(r) along angle φ: the quadrature x_φ = cos φ x + sin φ p is multiplied by e^{−r}, its
    /// conjugate by e^{r}. φ = 0 squeezes x̂ (V_xx = e^{−2r}/2 from the vacuum), φ = π/2 squeezes p̂. r ≥ 0.
    /// </summary>
    public static SymplecticMap Squeezer(int modes, int mode, double r, double angle = 0)
    {
        RequireMode(modes, mode);
        if (!(r >= 0) || double.IsInfinity(r)) throw new ArgumentOutOfRangeException(nameof(r), $"Squeezing r must be finite and ≥ 0 (the angle chooses the quadrature), got {r}.");
        // R(φ) diag(e^{−r}, e^{r}) R(φ)ᵀ with R the rotation taking x to x_φ.
        double c = Math.Cos(angle), s = Math.Sin(angle), a = Math.Exp(-r), b = Math.Exp(r);
        var m = Identity(modes)._s;
        int x = 2 * mode, p = x + 1;
        m[x, x] = c * c * a + s * s * b;
        m[p, p] = s * s * a + c * c * b;
        m[x, p] = m[p, x] = c * s * (a - b);
        return new SymplecticMap(m);
    }

    /// <summary>
    /// Beam splitter of transmission η between modes i and j: a_i' = √η a_i + √(1−η) a_j, a_j' = −√(1−η) a_i + √η a_j
    /// (the same on x̂ and p̂). η ∈ [0, 1].
    /// </summary>
    public static SymplecticMap BeamSplitter(int modes, int i, int j, double transmission)
    {
        RequireMode(modes, i);
        RequireMode(modes, j);
        if (i == j) throw new ArgumentException("A beam splitter joins two different modes.");
        if (!(transmission >= 0 && transmission <= 1))
            throw new ArgumentOutOfRangeException(nameof(transmission), $"A beam splitter's transmission must be in [0, 1], got {transmission}.");
        double t = Math.Sqrt(transmission), r = Math.Sqrt(1 - transmission);
        var m = Identity(modes)._s;
        for (int q = 0; q < 2; q++)
        {
            int a = 2 * i + q, b = 2 * j + q;
            m[a, a] = t; m[a, b] = r;
            m[b, a] = -r; m[b, b] = t;
        }
        return new SymplecticMap(m);
    }

    /// <summary>Phase shift a ↦ a e^{−iφ}: x' = cos φ x + sin φ p, p' = −sin φ x + cos φ p (so x' is the quadrature x_φ).</summary>
    public static SymplecticMap PhaseShift(int modes, int mode, double angle)
    {
        RequireMode(modes, mode);
        double c = Math.Cos(angle), s = Math.Sin(angle);
        var m = Identity(modes)._s;
        int x = 2 * mode, p = x + 1;
        m[x, x] = c; m[x, p] = s;
        m[p, x] = -s; m[p, p] = c;
        return new SymplecticMap(m);
    }

    /// <summary>This map applied after <paramref name="first"/>: S_this · S_first.</summary>
    public SymplecticMap After(SymplecticMap first)
    {
        if (first.Modes != Modes) throw new ArgumentException("Maps on different numbers of modes.");
        int n = 2 * Modes;
        var m = new double[n, n];
        for (int i = 0; i < n; i++)
            for (int k = 0; k < n; k++)
                for (int j = 0; j < n; j++) m[i, j] += _s[i, k] * first._s[k, j];
        return new SymplecticMap(m);
    }

    private static void RequireMode(int modes, int mode)
    {
        if ((uint)mode >= (uint)modes) throw new ArgumentOutOfRangeException(nameof(mode), $"Mode {mode} does not exist; there are {modes} modes.");
    }
}
