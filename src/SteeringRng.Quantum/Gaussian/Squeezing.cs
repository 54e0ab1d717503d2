namespace SteeringRng.Quantum.Gaussian;

/// <summary>Squeezing in decibels of quadrature noise, and back: dB = 10 log10(e^{−2r}) (−3 dB ↔ r ≈ 0.345).</summary>
public static class Squeezing
{
    /// <summary>r from the quadrature noise in dB relative to the vacuum (negative or positive sign both mean |dB|).</summary>
    public static double FromDecibels(double decibels) => Math.Abs(decibels) * Math.Log(10) / 20;

    /// <summary>The (negative) noise level in dB of a squeezer r.</summary>
    public static double ToDecibels(double r) => -20 * r / Math.Log(10);
}
