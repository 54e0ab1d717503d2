using System.Globalization;
using SteeringRng.Sdp.Internal;
using SteeringRng.Sdp.LinearAlgebra;

namespace SteeringRng.Sdp;

/// <summary>
/// Checks infeasibility certificates against their own inequalities, in the equilibrated coordinates of
/// <see cref="ProblemScaling"/> (entries of order one, ‖Ã_i‖_F ≈ 1, max|b̃_i| ≈ 1, max|C̃_jk| ≈ 1), so that the
/// tolerance is relative and a verdict does not depend on the units of the data. With tolerance τ:
/// <list type="bullet">
/// <item>(P) infeasible, certificate y: b̃ᵀŷ &lt; 0 with margin −b̃ᵀŷ ≥ τ Σ|b̃_i ŷ_i| (not a cancellation);
/// normalised to b̃ᵀŷ = −1, λmin(Σ ŷ_i Ã_i) ≥ −τ. Then every X̃ ⪰ 0 with Ã(X̃) = b̃ has
/// −1 = ⟨Σ ŷ_i Ã_i, X̃⟩ ≥ −τ tr X̃, i.e. tr X̃ ≥ 1/τ: no feasible point of the size the data allow.</item>
/// <item>(D) infeasible, certificate X: ⟨C̃, X̃⟩ &gt; 0 with margin ⟨C̃, X̃⟩ ≥ τ ‖C̃‖_F ‖X̃‖_F; normalised to
/// ⟨C̃, X̂⟩ = 1, ‖Ã(X̂)‖₂ ≤ τ and λmin(X̂) ≥ −τ ‖X̂‖_F. Then every ỹ with Z̃ = Σ ỹ_i Ã_i − C̃ ⪰ 0 has
/// ỹᵀÃ(X̂) = 1 + ⟨Z̃, X̂⟩ ≥ 1 − τ ‖X̂‖_F tr Z̃, and ỹᵀÃ(X̂) ≤ τ ‖ỹ‖₂: a dual point needs ‖ỹ‖₂ or tr Z̃ of order
/// 1/τ, far beyond the size the data allow.</item>
/// </list>
/// y and X are given in the user's coordinates (as in <see cref="SdpSolution"/>); any positive multiple will do.
/// </summary>
public static class InfeasibilityCertificate
{
    /// <summary>Checks the certificate a solution's status claims; an Optimal or other status is not a claim (Valid = false).</summary>
    public static CertificateCheck Check(SdpProblem problem, SdpSolution solution, double tolerance)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(solution);
        return solution.Status switch
        {
            SdpStatus.PrimalInfeasible => CheckPrimal(problem, solution.Y, tolerance),
            SdpStatus.DualInfeasible => CheckDual(problem, solution.X, tolerance),
            _ => new CertificateCheck(false, double.NaN, $"status {solution.Status} claims no infeasibility"),
        };
    }

    /// <summary>Checks y as a certificate that (P) is infeasible.</summary>
    public static CertificateCheck CheckPrimal(SdpProblem problem, double[] y, double tolerance)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(y);
        if (y.Length != problem.ConstraintCount)
            return new CertificateCheck(false, double.NaN, $"y has {y.Length} entries, the problem {problem.ConstraintCount} constraints");
        var scaling = ProblemScaling.For(InternalProblem.From(problem));
        return Primal(scaling.Problem, ManagedKernels.Instance, scaling.DualToScaled(y), tolerance);
    }

    /// <summary>Checks X as a certificate that (D) is infeasible.</summary>
    public static CertificateCheck CheckDual(SdpProblem problem, IReadOnlyList<SdpBlockValue> x, double tolerance)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(x);
        var p = InternalProblem.From(problem);
        if (x.Count != p.Layout.Length)
            return new CertificateCheck(false, double.NaN, $"X has {x.Count} blocks, the problem {p.Layout.Length}");
        var scaling = ProblemScaling.For(p);
        var internalX = p.Layout.Select((l, b) => l.FromUser(x[b], 1.0 / l.PrimalScale)).ToArray();
        return Dual(scaling.Problem, ManagedKernels.Instance, scaling.PrimalToScaled(internalX), tolerance);
    }

    /// <summary>The (P) test on a certificate ỹ of the scaled problem (any positive multiple).</summary>
    internal static CertificateCheck Primal(InternalProblem scaled, IDenseKernels kernels, double[] y, double tolerance)
    {
        var by = 0.0;
        var byAbs = 0.0;
        for (var i = 0; i < scaled.M; i++)
        {
            by += scaled.B[i] * y[i];
            byAbs += Math.Abs(scaled.B[i] * y[i]);
        }
        if (!(by < 0) || -by < tolerance * byAbs)
            return new CertificateCheck(false, double.NaN, Say($"bᵀy = {by:E2} is not negative beyond rounding (Σ|b_i y_i| = {byAbs:E2})"));
        var sum = scaled.NewBlocks();
        for (var i = 0; i < scaled.M; i++) scaled.A[i].AddTo(sum, y[i] / -by, scaled.Layout);
        var lmin = MinEigenvalue(kernels, scaled.Layout, sum);
        var defect = Math.Max(0, -lmin);
        return new CertificateCheck(defect <= tolerance, defect,
            Say($"certificate y with bᵀy = −1 and λmin(Σ y_i A_i) = {lmin:E2} in equilibrated units (accepted down to −{tolerance:E0})"));
    }

    /// <summary>The (D) test on a certificate X̃ of the scaled problem (any positive multiple).</summary>
    internal static CertificateCheck Dual(InternalProblem scaled, IDenseKernels kernels, double[][] x, double tolerance)
    {
        var cx = scaled.C.Dot(x, scaled.Layout);
        var xNorm = Math.Sqrt(Internal.BlockAlgebra.Dot(x, x));
        var cNorm = Frobenius(scaled.C, scaled.Layout);
        if (!(cx > 0) || cx < tolerance * cNorm * xNorm)
            return new CertificateCheck(false, double.NaN, Say($"⟨C, X⟩ = {cx:E2} is not positive beyond rounding (‖C‖_F ‖X‖_F = {cNorm * xNorm:E2})"));
        var ax = 0.0;
        for (var i = 0; i < scaled.M; i++)
        {
            var v = scaled.A[i].Dot(x, scaled.Layout) / cx;
            ax += v * v;
        }
        ax = Math.Sqrt(ax);
        var lmin = MinEigenvalue(kernels, scaled.Layout, x) / cx;
        var negative = Math.Max(0, -lmin) / (xNorm / cx);
        var defect = Math.Max(ax, negative);
        return new CertificateCheck(defect <= tolerance, defect,
            Say($"certificate X with ⟨C, X⟩ = 1, ‖A(X)‖₂ = {ax:E2} and λmin(X)/‖X‖_F = {-negative:E2} in equilibrated units (accepted up to {tolerance:E0})"));
    }

    private static double MinEigenvalue(IDenseKernels kernels, Internal.BlockLayout[] layout, double[][] v)
    {
        var lmin = double.PositiveInfinity;
        for (var b = 0; b < layout.Length; b++)
            lmin = Math.Min(lmin, layout[b].IsDiagonal ? v[b].Min() : kernels.MinEigenvalue((double[])v[b].Clone(), layout[b].Dim));
        return lmin;
    }

    private static double Frobenius(SparseBlockMatrix m, Internal.BlockLayout[] layout)
    {
        var s = 0.0;
        foreach (var part in m.Parts)
            for (var k = 0; k < part.Rows.Length; k++)
                s += (part.Rows[k] == part.Cols[k] || layout[part.Block].IsDiagonal ? 1 : 2) * part.Values[k] * part.Values[k];
        return Math.Sqrt(s);
    }

    private static string Say(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
