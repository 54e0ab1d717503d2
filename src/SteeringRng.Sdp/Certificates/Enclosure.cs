namespace SteeringRng.Sdp.Certificates;

/// <summary>
/// What can be proven about the optimal value of an <see cref="SdpProblem"/> (SDPA sign convention: (P) max ⟨C, X⟩,
/// (D) min bᵀy) from a solver's answer: <see cref="Lower"/> ≤ opt(D) (from X, <see cref="LowerSide"/>) and
/// <see cref="Upper"/> ≥ opt(P) (from y, <see cref="UpperSide"/>). When both were proven without a trace bound
/// (X̂ feasible for (P), y feasible for (D)) both optima lie in [Lower, Upper].
/// </summary>
public sealed record Enclosure(SideCertificate Lower, SideCertificate Upper)
{
    /// <summary>Certifies both sides; <paramref name="traceBound"/> (τ ≥ Tr X and Tr Z of every feasible point) is used only where a certificate matrix is not proven PSD.</summary>
    public static Enclosure Of(SdpProblem problem, SdpSolution solution, double? traceBound = null)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(solution);
        RealProblem real;
        try { real = new RealProblem(problem); }
        catch (ArgumentException e) { return Both($"the problem cannot be certified: {e.Message}"); }
        var x = solution.X.Count == 0 ? null : real.FlattenX(solution.X, problem.Blocks);
        var lower = x is null
            ? SideCertificate.Failed("the solver reported no primal X")
            : LowerSide.Certify(real, x, traceBound, findInterior: true);
        var upper = solution.Y.Length == problem.ConstraintCount
            ? UpperSide.Certify(real, solution.Y, traceBound)
            : SideCertificate.Failed("the solver reported no dual y");
        return new Enclosure(lower, upper);
    }

    private static Enclosure Both(string reason) => new(SideCertificate.Failed(reason), SideCertificate.Failed(reason));

    /// <summary>Upper − Lower when both sides hold, else NaN.</summary>
    public double Width => Lower.Certified && Upper.Certified ? Upper.Bound - Lower.Bound : double.NaN;
}
