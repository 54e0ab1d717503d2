using System.Globalization;
using SteeringRng.Certification.Results;
using SteeringRng.Relaxation;
using SteeringRng.Sdp;
using SteeringRng.Sdp.Certificates;

namespace SteeringRng.Certification.Certificates;

/// <summary>
/// Certifies the value of a moment-form relaxation row (NS, Glo, Q_k full or symmetry-reduced, plain NPA and the
/// no-signalling LP of Bell rows): every one is read as value = offset − ⟨C, X⟩ (<see cref="RelaxationReading"/>),
/// and the proven bound is offset − ⟨C, X̂⟩ with X̂ the solver's X moved exactly onto A(X) = b and proven PSD
/// (<see cref="LowerSide"/>): then opt(D) ≥ ⟨C, X̂⟩ by weak duality, and the relaxation's value offset − opt(D) is at
/// most the bound. The problem certified is the one solved (after facial and symmetry reduction, which are exact:
/// docs/formulations/certificates.md). A failed check is an uncertified certificate, never an exception.
/// </summary>
public static class RelaxationCertifier
{
    public sealed record Outcome(RowCertificate Row, CertificateFile? File);

    /// <param name="rawValue">The row's raw value (P_g capped at 1, or the Bell value), for the slack.</param>
    /// <param name="guessing">True for a P_g row (certified value capped at 1, H_min derived), false for a Bell row.</param>
    /// <param name="withFile">Also return the self-contained certificate for <c>steer verify</c>.</param>
    public static Outcome Certify(IRelaxation relaxation, SdpSolution solution, double rawValue, bool guessing, bool withFile = false)
    {
        try
        {
            return Run(relaxation, solution, rawValue, guessing, withFile);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Whatever goes wrong in the check, the row keeps its raw value and is marked uncertified: a failed
            // certification never fails the run (and never shows a number as proven).
            return new Outcome(RowCertificate.Uncertified($"the certificate check stopped: {e.GetType().Name}: {e.Message}"), null);
        }
    }

    private static Outcome Run(IRelaxation relaxation, SdpSolution solution, double rawValue, bool guessing, bool withFile)
    {
        // A problem restricted to a numerically found face is not the relaxation: a certificate for it proves nothing
        // about the full one (the face could be slightly off, and a smaller feasible set can only lower P_g).
        if (!RelaxationReductions.isExact(relaxation.Reduction))
            return new Outcome(RowCertificate.Uncertified(
                $"solved on a numerically exposed face ({relaxation.Reduction}); the certificate would be for that face only"), null);
        // The offset of value = offset − ⟨C, X⟩: read through the relaxation itself at ⟨C, X⟩ = 0, and checked to be
        // what it reads at the actual solution (a relaxation read any other way is not certified here).
        var offset = relaxation.Read(solution with { PrimalObjective = 0.0, DualObjective = 0.0 }).Bound;
        if (!double.IsFinite(offset) || relaxation.Read(solution).Bound != offset - solution.PrimalObjective)
            return new Outcome(RowCertificate.Uncertified("the relaxation is not read as offset − ⟨C, X⟩"), null);
        var real = new RealProblem(relaxation.Problem);
        var x = solution.X.Count == 0 ? null : real.FlattenX(solution.X, relaxation.Problem.Blocks);
        if (x is null) return new Outcome(RowCertificate.Uncertified($"the solver ({solution.Solver}) reported no primal X"), null);
        var side = LowerSide.Certify(real, x, traceBoundZ: null, findInterior: true);
        var file = withFile
            ? new CertificateFile(relaxation.Problem, guessing ? "P_g" : "Bell value", offset, side.Hint ?? x, [relaxation.ValueFormula])
            : null;
        if (!side.Certified) return new Outcome(RowCertificate.Uncertified(side.Reason), file);
        var bound = (Rational.FromDouble(offset) - side.Exact).UpperDouble();
        if (!guessing)
            return new Outcome(new RowCertificate
            {
                Status = RowCertificate.CertifiedStatus, Value = bound, Slack = bound - rawValue, Method = side.Method,
            }, file);
        if (!(bound > 0))
            return new Outcome(RowCertificate.Uncertified(string.Create(CultureInfo.InvariantCulture,
                $"the proven bound {bound:R} on P_g is not positive (inconsistent data)")), file);
        var pguess = Math.Min(1.0, bound);
        return new Outcome(new RowCertificate
        {
            Status = RowCertificate.CertifiedStatus, Pguess = pguess, Hmin = MinEntropy.CertifiedBits(pguess),
            Slack = pguess - rawValue, Method = side.Method,
        }, file);
    }
}
