namespace SteeringRng.Sdp.Certificates;

/// <summary>
/// One proven side of an SDP's optimal value. <see cref="Bound"/> is a double rounded to the safe side of the exact
/// rational bound <see cref="Exact"/>; <see cref="MinEigenvalue"/> is the proven lower bound on λ_min of the
/// certificate matrix (X̂ for the lower side, Z(y) for the upper side) and <see cref="TraceTerm"/> what the trace
/// bound added for a negative λ_min (0 when the matrix was proven PSD). When <see cref="Certified"/> is false only
/// <see cref="Reason"/> means anything: the numbers are NaN and must not be shown as proven.
/// </summary>
public sealed record SideCertificate
{
    public required bool Certified { get; init; }
    public Rational Exact { get; init; }
    public double Bound { get; init; } = double.NaN;
    public double MinEigenvalue { get; init; } = double.NaN;
    public double TraceTerm { get; init; }
    /// <summary>How it was proven, e.g. "exact-rational: X̂ feasible, PSD (λ_min ≥ 2.1E-12), shift 1E-10".</summary>
    public string Method { get; init; } = "";
    public string Reason { get; init; } = "";
    /// <summary>The approximate X that the exact correction started from when it worked (shift and least-norm step applied); a certificate file stores it.</summary>
    public double[]? Hint { get; init; }

    public static SideCertificate Failed(string reason) => new() { Certified = false, Reason = reason };
}
