using System.Numerics;
using SteeringRng.Quantum;
using SteeringRng.Sdp.Certificates;

namespace SteeringRng.Certification.Certificates;

/// <summary>
/// A steering functional F = {F_{a|x}} (one Hermitian d×d matrix per outcome tuple a and setting tuple x of the
/// untrusted parties), held as exact dyadic rationals: the doubles of the upper triangle (Re F_jk for j ≤ k, Im F_jk for
/// j &lt; k) define F, the lower triangle is their conjugate, so F is Hermitian by construction
/// (docs/formulations/steering-test.md, "Certified witness"). It is a fully-LHS witness iff
/// <code>
///   W_λ = Σ_x F_{λ(x)|x} ⪰ 0   for every deterministic strategy λ = (λ_1..λ_k), λ(x) = (λ_1[x_1], .., λ_k[x_k]),
/// </code>
/// since a fully-LHS σ_{a|x} = Σ_λ Π_j δ(a_j, λ_j[x_j]) τ_λ (τ_λ ⪰ 0) has β(σ) = Σ_{a,x} Tr[F_{a|x} σ_{a|x}] =
/// Σ_λ Tr[W_λ τ_λ] ≥ 0. <see cref="ProvenMinEigenvalue"/> bounds min_λ λ_min(W_λ) from below rigorously
/// (<see cref="HermitianSumLowerBound"/>); <see cref="Value"/> is β exactly.
/// </summary>
public sealed class SteeringWitness
{
    private readonly double[][] _re;
    private readonly double[][] _im;

    /// <summary>Per party the settings and outcomes; d the trusted dimension.</summary>
    public IReadOnlyList<int> Settings { get; }
    public IReadOnlyList<int> Outcomes { get; }
    public int Dimension { get; }

    /// <param name="functional">F_{a|x} in the assemblage's tuple order (setting tuple outer, outcome tuple inner);
    /// only the upper triangle is read (the witness is that triangle's Hermitian completion).</param>
    public SteeringWitness(int dimension, IReadOnlyList<int> settings, IReadOnlyList<int> outcomes, IReadOnlyList<Complex[,]> functional)
    {
        Dimension = dimension;
        Settings = settings.ToArray();
        Outcomes = outcomes.ToArray();
        var count = Product(settings) * Product(outcomes);
        if (functional.Count != count)
            throw new ArgumentException($"The functional needs {count} matrices (one per outcome and setting tuple), got {functional.Count}.");
        _re = new double[count][];
        _im = new double[count][];
        for (var t = 0; t < count; t++)
        {
            var f = functional[t];
            if (f.GetLength(0) != dimension || f.GetLength(1) != dimension)
                throw new ArgumentException($"Functional matrix {t} is not {dimension}×{dimension}.");
            _re[t] = new double[dimension * dimension];
            _im[t] = new double[dimension * dimension];
            for (var j = 0; j < dimension; j++)
            for (var k = j; k < dimension; k++)
            {
                if (!double.IsFinite(f[j, k].Real) || !double.IsFinite(f[j, k].Imaginary))
                    throw new ArgumentException($"Functional matrix {t} has a non-finite entry.");
                _re[t][j * dimension + k] = f[j, k].Real;
                if (j != k) _im[t][j * dimension + k] = f[j, k].Imaginary;
            }
        }
    }

    /// <summary>The number of deterministic strategies, Π_j o_j^{m_j} (as a double: it may not fit a long).</summary>
    public double StrategyCount => Enumerable.Range(0, Settings.Count).Aggregate(1.0, (p, j) => p * Math.Pow(Outcomes[j], Settings[j]));

    /// <summary>
    /// The work of <see cref="ProvenMinEigenvalue"/> in elementary steps, before it starts: per strategy, the exact sums
    /// of N_x matrices (N_x d² terms) and the proven bound of a 2d×2d matrix (about (2d)³ products).
    /// </summary>
    public double Work => StrategyCount * (Product(Settings) * (double)Dimension * Dimension + 8.0 * Dimension * Dimension * Dimension);

    /// <summary>
    /// A proven lower bound on min_λ λ_min(W_λ) over every deterministic strategy (−∞ when some bound fails); the
    /// strategies are enumerated here, independently of the LHS model that produced F. Cancellable.
    /// </summary>
    public double ProvenMinEigenvalue(CancellationToken cancellation = default)
    {
        var worst = double.PositiveInfinity;
        ForEachStrategy((_, re, im) =>
        {
            worst = Math.Min(worst, HermitianSumLowerBound.Of(Dimension, re, im));
            return !double.IsNegativeInfinity(worst);
        }, cancellation);
        return worst;
    }

    /// <summary>
    /// Whether W_λ + t·I ⪰ 0 for every deterministic strategy λ, proven per λ: first by the floating-point-hinted bound
    /// (<see cref="HermitianSumLowerBound"/> ≥ −t, exact comparison), else decided exactly by an LDLᵀ over ℚ of the real
    /// embedding (<see cref="ExactSymmetricPsd"/>). Stops at the first λ that is not PSD. Cancellable.
    /// </summary>
    public PositivityCheck CheckPositivity(Rational t, CancellationToken cancellation = default)
    {
        long strategies = 0, exact = 0;
        var lowest = double.PositiveInfinity;
        int[]? violation = null;
        ForEachStrategy((digits, re, im) =>
        {
            strategies++;
            var bound = HermitianSumLowerBound.Of(Dimension, re, im);
            if (double.IsFinite(bound)) lowest = Math.Min(lowest, bound);
            if (double.IsFinite(bound) && Rational.FromDouble(bound) + t >= Rational.Zero) return true;
            exact++;
            if (HermitianSumLowerBound.IsPsdExactly(Dimension, re, im, t)) return true;
            violation = (int[])digits.Clone();
            return false;
        }, cancellation);
        return new PositivityCheck(strategies, exact, lowest, violation is null ? null : StrategyText(violation));
    }

    /// <summary>What <see cref="CheckPositivity"/> found: strategies checked, how many needed the exact LDLᵀ, the lowest
    /// hinted bound seen, and the first strategy whose W_λ + t·I is not PSD (null: none).</summary>
    public sealed record PositivityCheck(long Strategies, long ExactlyDecided, double LowestHintedBound, string? Violation);

    /// <summary>"λ_1 = (0,1,1), λ_2 = (1,0,0)": each party's outcome for each of its settings.</summary>
    private string StrategyText(int[] digits)
    {
        var parts = new List<string>();
        var offset = 0;
        for (var j = 0; j < Settings.Count; j++)
        {
            parts.Add($"λ_{j + 1} = ({string.Join(",", digits.Skip(offset).Take(Settings[j]))})");
            offset += Settings[j];
        }
        return string.Join(", ", parts);
    }

    /// <summary>
    /// Calls <paramref name="visit"/> with every deterministic strategy λ (one digit per (party, setting), party-major:
    /// λ_j[x] is digit offset[j] + x, last digit fastest) and the N_x terms F_{λ(x)|x} of W_λ, until it returns false.
    /// Ctrl-C is checked every 256 strategies.
    /// </summary>
    private void ForEachStrategy(Func<int[], double[][], double[][], bool> visit, CancellationToken cancellation)
    {
        var k = Settings.Count;
        var offset = new int[k + 1];
        for (var j = 0; j < k; j++) offset[j + 1] = offset[j] + Settings[j];
        var digits = new int[offset[k]];
        var radix = new int[offset[k]];
        for (var j = 0; j < k; j++) for (var x = 0; x < Settings[j]; x++) radix[offset[j] + x] = Outcomes[j];
        var settingTuples = Assemblage.Tuples(Settings.ToArray()).ToArray();
        var outcomeTupleCount = Product(Outcomes);
        var re = new double[settingTuples.Length][];
        var im = new double[settingTuples.Length][];
        for (long count = 0; ; count++)
        {
            if ((count & 255) == 0) cancellation.ThrowIfCancellationRequested();
            for (var ix = 0; ix < settingTuples.Length; ix++)
            {
                var x = settingTuples[ix];
                var ia = 0;
                for (var j = 0; j < k; j++) ia = ia * Outcomes[j] + digits[offset[j] + x[j]];
                var t = ix * outcomeTupleCount + ia;
                re[ix] = _re[t];
                im[ix] = _im[t];
            }
            if (!visit(digits, re, im)) return;
            var p = digits.Length - 1;
            while (p >= 0 && ++digits[p] == radix[p]) digits[p--] = 0;
            if (p < 0) return;
        }
    }

    /// <summary>The defining doubles of F_t (t: setting tuple outer, outcome tuple inner) at j ≤ k: Re F_jk, and Im F_jk
    /// (0 on the diagonal).</summary>
    public (double Re, double Im) Entry(int t, int j, int k) =>
        j <= k ? (_re[t][j * Dimension + k], _im[t][j * Dimension + k]) : throw new ArgumentOutOfRangeException(nameof(k), "Only the upper triangle (j ≤ k) defines F.");

    /// <summary>
    /// β(σ) = Σ_{a,x} Re Tr[F_{a|x} σ_{a|x}] in exact arithmetic, the blocks of σ taken as the doubles they are. For a
    /// σ that is not exactly Hermitian this is β of its Hermitian part (σ + σ†)/2 (Re Tr[Fσ] = Tr[F (σ+σ†)/2] for
    /// Hermitian F).
    /// </summary>
    public Rational Value(Assemblage sigma)
    {
        CheckShape(sigma);
        var sum = new ExactProductSum();
        var d = Dimension;
        var t = 0;
        foreach (var x in sigma.SettingTuples())
        foreach (var a in sigma.OutcomeTuples())
        {
            var s = sigma[a, x];
            var re = _re[t];
            var im = _im[t++];
            for (var j = 0; j < d; j++)
            {
                sum.AddProduct(re[j * d + j], s[j, j].Real);
                for (var k = j + 1; k < d; k++)
                {
                    // F_jk σ_kj + F_kj σ_jk with F_kj = conj F_jk: Re = r(Re σ_kj + Re σ_jk) + m(Im σ_jk − Im σ_kj).
                    var r = re[j * d + k];
                    var m = im[j * d + k];
                    sum.AddProduct(r, s[k, j].Real);
                    sum.AddProduct(r, s[j, k].Real);
                    sum.AddProduct(m, s[j, k].Imaginary);
                    sum.AddProduct(-m, s[k, j].Imaginary);
                }
            }
        }
        return sum.Value;
    }

    /// <summary>Σ_{a,x} Re Tr σ_{a|x} exactly: what β gains when every F_{a|x} is shifted by I.</summary>
    public Rational TraceSum(Assemblage sigma)
    {
        CheckShape(sigma);
        var sum = new ExactProductSum();
        foreach (var x in sigma.SettingTuples())
        foreach (var a in sigma.OutcomeTuples())
        {
            var s = sigma[a, x];
            for (var j = 0; j < Dimension; j++) sum.Add(s[j, j].Real);
        }
        return sum.Value;
    }

    /// <summary>The number of setting tuples N_x: W_λ of F + s·I is W_λ + N_x s I.</summary>
    public int SettingTupleCount => Product(Settings);

    private void CheckShape(Assemblage sigma)
    {
        if (sigma.TrustedDimension != Dimension || !sigma.Settings.SequenceEqual(Settings) || !sigma.Outcomes.SequenceEqual(Outcomes))
            throw new ArgumentException("The assemblage's shape (trusted dimension, settings, outcomes) differs from the witness's.");
    }

    private static int Product(IEnumerable<int> values) => values.Aggregate(1, (p, n) => checked(p * n));
}
