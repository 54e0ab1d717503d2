namespace SteeringRng.Sdp.Certificates;

/// <summary>
/// A proven lower bound on the optimum of (D) min bᵀy s.t. Z = Σ y_i A_i − C ⪰ 0 (the SDPA form of
/// <see cref="SdpProblem"/>), from an approximate primal X̃.
/// <para>
/// X̃ is moved exactly onto ⟨A_i, X⟩ = b_i (<see cref="ExactAffineCorrection"/>), giving X̂. For every feasible y,
/// <code>
///   bᵀy = Σ_i y_i ⟨A_i, X̂⟩ = ⟨Z + C, X̂⟩ = ⟨C, X̂⟩ + ⟨Z, X̂⟩ ≥ ⟨C, X̂⟩ + min(0, λ_min(X̂))·Tr Z ,
/// </code>
/// so opt(D) ≥ ⟨C, X̂⟩ when X̂ ⪰ 0 (then X̂ is also feasible for (P), and the bound holds for opt(P) too), and
/// opt(D) ≥ ⟨C, X̂⟩ − max(0, −λ_min(X̂))·τ when τ ≥ Tr Z for every feasible Z is known. Interior-point X̃ have small
/// eigenvalues at the optimum, so the exact correction can make X̂ slightly indefinite; X̃ + εD is tried for a few
/// ε before a trace bound is used, D ≈ I projected onto A(D) = 0 (<see cref="InteriorDirection"/>; a larger ε costs
/// about ε·⟨C, D⟩ in the bound, never validity).
/// </para>
/// This is the side that bounds a moment-form maximum from above: value = offset − opt(D) ≤ offset − ⟨C, X̂⟩.
/// </summary>
public static class LowerSide
{
    /// <summary>Shifts ε tried, relative to max(1, the largest diagonal entry of X̃).</summary>
    private static readonly double[] RelativeShifts = [0, 1e-12, 1e-11, 3e-11, 1e-10, 3e-10, 1e-9, 3e-9, 1e-8, 3e-8, 1e-7];

    /// <summary>Below this floating estimate of λ_min (relative to the scale of X̃) the exact check is skipped for the shift.</summary>
    private const double HopelessEigenvalue = -1e-13;

    /// <param name="findInterior">Allow the auxiliary solve of <see cref="InteriorPoint"/> for the shift direction (a run may;
    /// <c>steer verify</c> does not: the file holds the X that already worked, which needs no shift).</param>
    public static SideCertificate Certify(RealProblem problem, double[] xApprox, double? traceBoundZ, bool findInterior = false)
    {
        if (xApprox.Length != problem.PositionCount || xApprox.Any(v => !double.IsFinite(v)))
            return SideCertificate.Failed("the primal X has the wrong shape or non-finite entries");
        // b = 0: X̂ = 0 satisfies A(X̂) = b exactly and is PSD, so opt(D) ≥ ⟨C, 0⟩ = 0 with no correction and no pivots;
        // no X̂ can do better (⟨C, X̂⟩ ≤ opt(P) ≤ opt(D) = bᵀy = 0). Facially reduced pure-state points are of this kind
        // (docs/formulations/certificates.md, "What the μ = 1 points have in common").
        if (Array.TrueForAll(problem.B, b => b == 0))
            return new SideCertificate
            {
                Certified = true, Exact = Rational.Zero, Bound = 0, MinEigenvalue = 0, Hint = new double[problem.PositionCount],
                Method = "exact: b = 0, so X̂ = 0 is feasible (A(0) = b) and PSD: opt(D) ≥ ⟨C, 0⟩ = 0",
            };
        var diagonal = DiagonalPositions(problem);
        var scale = 1.0;
        foreach (var p in diagonal) scale = Math.Max(scale, Math.Abs(xApprox[p]));
        SideCertificate? best = null;
        var lastReason = "";
        var direction = InteriorDirection.Of(problem);
        var directionName = direction is null ? "I" : "D";
        var triedInterior = false;
        if (direction is null)
        {
            direction = new double[problem.PositionCount];
            foreach (var p in diagonal) direction[p] = 1;
        }
        for (var attempt = 0; attempt < RelativeShifts.Length; attempt++)
        {
            var relative = RelativeShifts[attempt];
            // The least-squares D is not definite for every problem; then an interior X₀ of A(X) = 0 is solved for (once
            // per shape) and the shifts start again along it.
            if (relative > 0 && directionName == "I" && findInterior && !triedInterior)
            {
                triedInterior = true;
                if (InteriorPoint.Of(problem) is { } x0)
                {
                    var maxDiagonal = diagonal.Max(p => Math.Abs(x0[p]));
                    direction = x0.Select(v => v / maxDiagonal).ToArray();
                    directionName = "X₀";
                }
            }
            var eps = relative * scale;
            var shifted = (double[])xApprox.Clone();
            if (eps > 0) for (var p = 0; p < shifted.Length; p++) shifted[p] += eps * direction[p];
            // A least-norm floating step first leaves the exact pivot correction only rounding-sized residuals to absorb.
            if (InteriorDirection.LeastNormStep(problem, shifted) is { } step)
                for (var p = 0; p < shifted.Length; p++) shifted[p] += step[p];
            // The exact work costs far more than a floating estimate: skip shifts that cannot pass (unless a trace
            // bound makes any shift useful, or this is the last one, whose failure reason is reported).
            var last = attempt == RelativeShifts.Length - 1;
            if (traceBoundZ is null && !last && BlockMatrices.MinEigenvalueEstimate(problem, shifted) < HopelessEigenvalue * scale)
            {
                lastReason = "X̂ not proven PSD (floating estimate of λ_min negative)";
                continue;
            }
            var x = ExactAffineCorrection.Apply(problem, shifted, out var changed, out var failure);
            if (x is null) return SideCertificate.Failed(failure);
            var lambda = BlockMatrices.MinEigenvalueLowerBound(problem, shifted, x, changed);
            var objective = new ExactSum();
            foreach (var (p, c) in problem.Objective) objective.AddProduct(c, x[p]);
            var value = objective.Value;
            var shiftText = eps > 0 ? $", X̃ + {eps:G2}·{directionName}" : "";
            if (lambda >= 0)
            {
                // A larger shift only loosens the bound: stop at the first proven PSD X̂, unless a trace-bound
                // certificate at a smaller shift was better.
                var psd = new SideCertificate
                {
                    Certified = true, Exact = value, Bound = value.LowerDouble(), MinEigenvalue = lambda, Hint = shifted,
                    Method = $"exact rational: X̂ on the affine space, PSD (λ_min ≥ {lambda:G3}){shiftText}",
                };
                return best is not null && best.Exact > value ? best : psd;
            }
            lastReason = double.IsNegativeInfinity(lambda)
                ? "no Cholesky factor of X̂ found"
                : $"X̂ not proven PSD (λ_min ≥ {lambda:G3})";
            if (traceBoundZ is { } tau && double.IsFinite(lambda))
            {
                var term = Rational.FromDouble(-lambda) * Rational.FromDouble(tau);
                var bound = value - term;
                if (best is null || bound > best.Exact)
                    best = new SideCertificate
                    {
                        Certified = true, Exact = bound, Bound = bound.LowerDouble(), MinEigenvalue = lambda,
                        TraceTerm = term.UpperDouble(),
                        Method = $"exact rational: X̂ on the affine space, λ_min ≥ {lambda:G3}, Tr Z ≤ {tau:R}{shiftText}",
                    };
            }
        }
        return best ?? SideCertificate.Failed(lastReason + " for every shift tried, and no trace bound on Z");
    }

    internal static List<int> DiagonalPositions(RealProblem problem)
    {
        var list = new List<int>();
        for (var k = 0; k < problem.Blocks.Count; k++)
        for (var r = 0; r < problem.Blocks[k].Size; r++) list.Add(problem.Position(k, r, r));
        return list;
    }
}
