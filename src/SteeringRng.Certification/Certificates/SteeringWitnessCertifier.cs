using System.Globalization;
using SteeringRng.Certification.Jobs;
using SteeringRng.Certification.Results;
using SteeringRng.Quantum;
using SteeringRng.Sdp.Certificates;

namespace SteeringRng.Certification.Certificates;

/// <summary>
/// The certified side of a steering-test row (docs/formulations/steering-test.md, "Certified witness"). The solver's
/// dual gives a functional F (<c>VisibilityRelaxation.SteeringFunctional</c>); its doubles define an exact Hermitian
/// witness (<see cref="SteeringWitness"/>), and
/// <list type="number">
/// <item>L ≤ min_λ λ_min(W_λ) is proven over every deterministic strategy; if L &lt; 0 the witness becomes F + s·I with
/// s ≥ −L/N_x (rounded up; then W_λ + N_x s I ⪰ 0, checked exactly), so β ≥ 0 on every fully-LHS assemblage;</item>
/// <item>β(σ) and β(σ_white) are computed exactly on the data as doubles;</item>
/// <item>β is linear, so β(v σ + (1 − v) σ_white) = v β(σ) + (1 − v) β(σ_white) &lt; 0 for every
/// v &gt; v_c = β(σ_white) / (β(σ_white) − β(σ)): v* ≤ v_c, and σ itself (v = 1) is proven steerable iff β(σ) &lt; 0.</item>
/// </list>
/// A failed check is an uncertified certificate (with the reason), never an exception, and never a "steerable" claim.
/// </summary>
public static class SteeringWitnessCertifier
{
    /// <summary>
    /// Largest positivity check accepted (elementary steps, <see cref="SteeringWitness.Work"/>): about a minute on one
    /// core. Larger scenarios are refused before any work (the row is then uncertified, with the count).
    /// </summary>
    public const double WorkLimit = 2e8;

    /// <summary>A row's certificate and, when asked for and certified, the self-contained file for <c>steer verify</c>.</summary>
    public sealed record Outcome(RowCertificate Row, WitnessCertificate? File);

    /// <param name="functional">F_{a|x} in the data's tuple order, from the solver's dual.</param>
    /// <param name="point">The point's assemblage σ (the data, as doubles).</param>
    /// <param name="white">σ_white, the noise of the test.</param>
    /// <param name="rawVisibility">The row's raw v* (for the slack).</param>
    /// <param name="family">The white-noise family and point, for the proven side of the critical parameter (null: none).</param>
    public static RowCertificate Certify(IReadOnlyList<System.Numerics.Complex[,]> functional, Assemblage point, Assemblage white,
        double rawVisibility, CriticalParameter.FamilyLine? family, CancellationToken cancellation) =>
        CertifyWithFile(functional, point, white, rawVisibility, family, [], cancellation).Row;

    /// <param name="notes">Free-text lines for the file (objective, bound, point); an empty list still writes a file.</param>
    public static Outcome CertifyWithFile(IReadOnlyList<System.Numerics.Complex[,]> functional, Assemblage point, Assemblage white,
        double rawVisibility, CriticalParameter.FamilyLine? family, IReadOnlyList<string> notes, CancellationToken cancellation)
    {
        try
        {
            return Run(functional, point, white, rawVisibility, family, notes, cancellation);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new Outcome(RowCertificate.Uncertified($"the witness check stopped: {e.GetType().Name}: {e.Message}"), null);
        }
    }

    private static Outcome Run(IReadOnlyList<System.Numerics.Complex[,]> functional, Assemblage point, Assemblage white,
        double rawVisibility, CriticalParameter.FamilyLine? family, IReadOnlyList<string> notes, CancellationToken cancellation)
    {
        if (functional.Count == 0) return Uncertified("the solver reported no dual y (no steering functional)");
        var witness = new SteeringWitness(point.TrustedDimension, point.Settings, point.Outcomes, functional);
        if (witness.Work > WorkLimit)
            return Uncertified(string.Create(CultureInfo.InvariantCulture,
                $"the witness check over {witness.StrategyCount:G4} deterministic strategies (about {witness.Work:G3} steps) exceeds the limit of {WorkLimit:G3}; refused before starting"));
        var lower = witness.ProvenMinEigenvalue(cancellation);
        if (!double.IsFinite(lower))
            return Uncertified("no proven bound on λ_min(Σ_x F_{λ(x)|x}) (the Cholesky hint failed)");
        // Shift: F + s·I adds N_x·s to every W_λ; s rounded up and checked exactly.
        var lowerExact = Rational.FromDouble(lower);
        var count = Rational.FromInteger(witness.SettingTupleCount);
        var shift = lower >= 0 ? Rational.Zero : Rational.FromDouble((-lowerExact / count).UpperDouble());
        if (lowerExact + count * shift < Rational.Zero)
            return Uncertified("the positivity shift could not be rounded safely");
        var betaPoint = witness.Value(point) + shift * witness.TraceSum(point);
        var betaWhite = witness.Value(white) + shift * witness.TraceSum(white);
        if (betaWhite < Rational.Zero)
            return Uncertified(string.Create(CultureInfo.InvariantCulture,
                $"the witness is negative on the white-noise data (β = {betaWhite.Nearest():G4}), which are LHS: the data are inconsistent"));
        if (betaPoint >= betaWhite)
            return Uncertified(string.Create(CultureInfo.InvariantCulture,
                $"the witness does not separate the data from white noise (β(σ) = {betaPoint.Nearest():G4} ≥ β(σ_white) = {betaWhite.Nearest():G4})"));
        var visibilityExact = betaWhite / (betaWhite - betaPoint);
        var visibility = visibilityExact.UpperDouble();
        var steerable = betaPoint < Rational.Zero;
        var shifted = shift.IsZero ? "" : FormattableString.Invariant($", shifted by {shift.UpperDouble():G3}·I");
        var method = FormattableString.Invariant(
            $"exact rational: steering witness from the dual, λ_min(Σ_x F_λ(x)|x) ≥ {lower:G3} over {witness.StrategyCount:G4} deterministic strategies{shifted}; β(σ) = {betaPoint.Nearest():G8}, β(σ_white) = {betaWhite.Nearest():G8}");
        // The critical parameter from the printed (rounded-up) visibility, so that the file's claims chain exactly.
        var criticalExact = family?.ExactBound(Rational.FromDouble(visibility));
        var criticalValue = family is not null && criticalExact is { } e ? family.Outward(e) : (double?)null;
        var row = new RowCertificate
        {
            Status = RowCertificate.CertifiedStatus,
            Visibility = visibility,
            Steerable = steerable,
            Critical = criticalValue is { } c ? ParameterSet.Of((family!.Parameter, c)) : null,
            Slack = visibility - rawVisibility,
            Method = method,
        };
        var file = new WitnessCertificate(witness, point, white, shift.UpperDouble(), betaPoint, betaWhite, visibility, steerable,
            criticalValue is null ? null : family, criticalValue, notes);
        return new Outcome(row, file);
    }

    private static Outcome Uncertified(string reason) => new(RowCertificate.Uncertified(reason), null);
}
