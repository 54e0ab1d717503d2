using System.Numerics;

namespace SteeringRng.Quantum.Gaussian;

/// <summary>
/// A homodyne measurement of the quadrature x_θ = cos θ x̂ + sin θ p̂ (θ = 0: x̂, θ = π/2: p̂), its outcome binned
/// periodically into <see cref="Bins"/> outcomes of period <see cref="Period"/>: outcome k = ⌊(x mod T)/(T/n)⌋,
/// with x mod T ∈ [0, T) (bins start at 0). Tasca et al., PRL 120, 040403 (2018); Ioannou et al., PRA 106, 042414 (2022).
/// </summary>
public sealed record HomodyneSetting
{
    public HomodyneSetting(double angle, int bins, double period)
    {
        if (double.IsNaN(angle) || double.IsInfinity(angle)) throw new ArgumentOutOfRangeException(nameof(angle), "The quadrature angle must be finite.");
        if (bins < 1) throw new ArgumentOutOfRangeException(nameof(bins), $"A binned homodyne needs at least 1 bin, got {bins}.");
        if (!(period > 0) || double.IsInfinity(period)) throw new ArgumentOutOfRangeException(nameof(period), $"The binning period must be finite and > 0, got {period}.");
        (Angle, Bins, Period) = (angle, bins, period);
    }

    public double Angle { get; }
    public int Bins { get; }
    public double Period { get; }

    /// <summary>x̂ binned into n outcomes of period T.</summary>
    public static HomodyneSetting X(int bins, double period) => new(0, bins, period);

    /// <summary>p̂ binned into n outcomes of period T.</summary>
    public static HomodyneSetting P(int bins, double period) => new(Math.PI / 2, bins, period);

    /// <summary>
    /// The p̂ period that makes the binned x̂ and p̂ measurements mutually unbiased with [x̂, p̂] = i:
    /// T_p = 2π n / T_x (docs/formulations/continuous-variables.md §4).
    /// </summary>
    public static double UnbiasedPeriod(int bins, double periodX) => 2 * Math.PI * bins / periodX;

    /// <summary>The outcome of a value: ⌊(x mod T)/(T/n)⌋.</summary>
    public int BinOf(double x)
    {
        double r = x - Period * Math.Floor(x / Period);
        int k = (int)Math.Floor(r / (Period / Bins));
        return Math.Clamp(k, 0, Bins - 1);
    }

    /// <summary>
    /// Fourier coefficient of bin k's periodic indicator χ_k: ∫ χ_k f = Σ_j d_{k,j} f̂(2πj/T) with f̂(ω) = ∫ f(x) e^{iωx} dx,
    /// d_{k,j} = (1/T) ∫_{kT/n}^{(k+1)T/n} e^{−2πijx/T} dx (Poisson summation). d_{k,0} = 1/n,
    /// |d_{k,j}| = |sin(πj/n)|/(π|j|) ≤ min(1/n, 1/(π|j|)), zero for j a nonzero multiple of n.
    /// </summary>
    public Complex FourierCoefficient(int bin, int j)
    {
        if (j == 0) return 1.0 / Bins;
        if (j % Bins == 0) return Complex.Zero;
        double a = 2 * Math.PI * j * bin / Bins, b = 2 * Math.PI * j * (bin + 1) / Bins;
        // (e^{−ib} − e^{−ia}) / (−2πij)
        var num = Complex.FromPolarCoordinates(1, -b) - Complex.FromPolarCoordinates(1, -a);
        return num / new Complex(0, -2 * Math.PI * j);
    }

    /// <summary>The angular frequency of term j: ω_j = 2πj/T.</summary>
    public double Frequency(int j) => 2 * Math.PI * j / Period;
}
