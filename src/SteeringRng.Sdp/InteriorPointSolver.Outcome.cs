using System.Globalization;
using SteeringRng.Sdp.Internal;

namespace SteeringRng.Sdp;

public sealed partial class InteriorPointSolver
{
    private sealed partial class Run
    {
        /// <summary>
        /// Infeasibility certificates in the normalised form of CSDP (Borchers 1999), looked for every iteration in the
        /// equilibrated problem (so the tolerance τ is relative to the data) and accepted only after the exact check of
        /// <see cref="InfeasibilityCertificate"/>:
        /// <list type="bullet">
        /// <item>(P) infeasible: bᵀy &lt; 0 and ŷ = y / |bᵀy| has bᵀŷ = −1 and Σ ŷ_i A_i = (C + R_d + Z)/|bᵀy| ⪰ −ε I with
        /// ε = ‖C + R_d‖_F / |bᵀy| (Z ≻ 0). ε ≤ τ is the cheap screen; the check then computes λmin(Σ ŷ_i A_i) ≥ −τ
        /// itself, since rounding in C + R_d + Z can hide a negative eigenvalue.</item>
        /// <item>(D) infeasible: ⟨C, X⟩ &gt; 0 and X̂ = X / ⟨C, X⟩ has ⟨C, X̂⟩ = 1, X̂ ≻ 0 and
        /// ‖A(X̂)‖₂ = ‖b − r_p‖₂ / ⟨C, X⟩ ≤ τ (screen), then checked with A(X̂) evaluated afresh.</item>
        /// </list>
        /// A candidate that fails its check is not a verdict: the iteration goes on.
        /// </summary>
        private SdpSolution? Infeasibility(Residuals res, int iter)
        {
            var tol = _settings.Tolerance;
            if (res.DualObjective < 0)
            {
                var scale = -res.DualObjective;
                var cr = res.Dual.Select(b => (double[])b.Clone()).ToArray();
                _p.C.AddTo(cr, 1.0, _layout);
                var eps = BlockAlgebra.FrobeniusNorm(cr, _layout) / scale;
                if (eps <= tol)
                {
                    var y = _it.Y.Select(v => v / scale).ToArray();
                    var check = InfeasibilityCertificate.Primal(_p, _k, y, tol);
                    if (check.Valid)
                        return Finish(SdpStatus.PrimalInfeasible, _it, iter, "primal infeasible: " + check.Detail, certificateY: _scaling.CertificateY(y));
                    Log("primal infeasibility candidate rejected: " + check.Detail);
                }
            }
            if (res.PrimalObjective > 0)
            {
                var scale = res.PrimalObjective;
                var ax = 0.0;
                for (var i = 0; i < _p.M; i++)
                {
                    var v = (_p.B[i] - res.Primal[i]) / scale;
                    ax += v * v;
                }
                ax = Math.Sqrt(ax);
                if (ax <= tol)
                {
                    var x = _it.X.Select(b => b.Select(v => v / scale).ToArray()).ToArray();
                    var check = InfeasibilityCertificate.Dual(_p, _k, x, tol);
                    if (check.Valid)
                        return Finish(SdpStatus.DualInfeasible, _it, iter, "dual infeasible: " + check.Detail, certificateX: _scaling.CertificateX(x));
                    Log("dual infeasibility candidate rejected: " + check.Detail);
                }
            }
            return null;
        }

        /// <summary>
        /// Ends a solve that did not reach the tolerance: the best iterate decides. Optimal needs both measures within the
        /// tolerance (see <see cref="OriginalWorst"/>); NearOptimal needs both within the near-optimal tolerance, or the
        /// scale-free one within the tolerance (the original's DIMACS errors are then only unreachable in floating point).
        /// </summary>
        private SdpSolution Stop(SdpStatus reason, Iterate? best, int iter, string why)
        {
            var point = best ?? _it;
            var res = Residuals.Of(_p, point);
            var worst = DimacsErrors.Worst(DimacsErrors.Compute(_p, res.PrimalNorm, res.DualNorm, 0, 0, res.PrimalObjective, res.DualObjective, res.XZ));
            var original = OriginalWorst(point);
            if (worst <= _settings.Tolerance && original <= _settings.Tolerance) return Finish(SdpStatus.Optimal, point, iter, "");
            if (Math.Max(worst, original) <= _settings.NearOptimalTolerance || worst <= _settings.Tolerance)
                return Finish(SdpStatus.NearOptimal, point, iter,
                    string.Create(CultureInfo.InvariantCulture, $"{why}; best point has DIMACS error {original:E1} ({worst:E1} equilibrated; tolerance {_settings.Tolerance:E0})"));
            return Finish(reason, point, iter,
                string.Create(CultureInfo.InvariantCulture, $"{why}; best point has DIMACS error {original:E1} ({worst:E1} equilibrated)"));
        }

        /// <summary>
        /// The worst DIMACS error of an interior point (λmin terms 0) of the equilibrated problem, measured on the
        /// ORIGINAL problem. The iteration's own measure (on the equilibrated data) is scale-free; the DIMACS errors of
        /// the original are what is reported, and their "1 +" terms weigh the scales differently (by up to a small
        /// factor when ‖b‖₁, ‖C‖₁ or the objective are far from 1), so Optimal asks for both.
        /// </summary>
        private double OriginalWorst(Iterate scaledPoint)
        {
            var original = _scaling.Original;
            var res = Residuals.Of(original, _scaling.Unscale(scaledPoint));
            return DimacsErrors.Worst(DimacsErrors.Compute(original, res.PrimalNorm, res.DualNorm, 0, 0, res.PrimalObjective, res.DualObjective, res.XZ));
        }

        /// <summary>
        /// Builds the solution in the user's coordinates: the point (of the equilibrated problem) is unscaled, and the
        /// objectives and DIMACS errors are those of the original problem, evaluated exactly at the unscaled point.
        /// Certificates come already in the original coordinates (<see cref="ProblemScaling.CertificateY"/>).
        /// </summary>
        private SdpSolution Finish(SdpStatus status, Iterate scaledPoint, int iter, string message,
            double[]? certificateY = null, double[][]? certificateX = null)
        {
            var original = _scaling.Original;
            var point = _scaling.Unscale(scaledPoint);
            var res = Residuals.Of(original, point);
            var lx = DimacsErrors.LambdaMin(_k, _layout, point.X, primal: true);
            var lz = DimacsErrors.LambdaMin(_k, _layout, point.Z, primal: false);
            var errors = DimacsErrors.Compute(original, res.PrimalNorm, res.DualNorm, lx, lz, res.PrimalObjective, res.DualObjective, res.XZ);
            var x = certificateX ?? point.X;
            // A certificate proves the optimal values (see SdpSolution); the last iterate's objectives mean nothing then.
            var proven = status switch
            {
                SdpStatus.PrimalInfeasible => double.NegativeInfinity,
                SdpStatus.DualInfeasible => double.PositiveInfinity,
                _ => double.NaN,
            };
            var solution = new SdpSolution
            {
                Status = status,
                PrimalObjective = double.IsNaN(proven) ? res.PrimalObjective : proven,
                DualObjective = double.IsNaN(proven) ? res.DualObjective : proven,
                Y = certificateY ?? (double[])point.Y.Clone(),
                X = _layout.Select((l, b) => l.ToUser(x[b], l.PrimalScale)).ToArray(),
                Z = _layout.Select((l, b) => l.ToUser(point.Z[b], 1.0)).ToArray(),
                Dimacs = errors,
                Iterations = iter,
                Seconds = _clock.Elapsed.TotalSeconds,
                Solver = "builtin",
                Message = message,
            };
            Log(string.Create(CultureInfo.InvariantCulture,
                $"{status} after {iter} iterations, {solution.Seconds:F2}s: pobj {res.PrimalObjective:E10} dobj {res.DualObjective:E10} DIMACS max {DimacsErrors.Worst(errors):E1} (Schur {_schurTime.Elapsed.TotalSeconds:F2}s, Cholesky {_factorTime.Elapsed.TotalSeconds:F2}s, directions {_directionTime.Elapsed.TotalSeconds:F2}s, steps {_stepTime.Elapsed.TotalSeconds:F2}s, residuals {_residualTime.Elapsed.TotalSeconds:F2}s){(message.Length > 0 ? " — " + message : "")}"));
            // One machine-readable line for the benchmark's per-phase table (seconds and flops from the formulas).
            Log(string.Create(CultureInfo.InvariantCulture,
                $"phases: schur {_schurTime.Elapsed.TotalSeconds:R} s {_schurFlops:R} flop {_schurGatherFlops:R} gathered; factor {_factorTime.Elapsed.TotalSeconds:R} s {_chol?.FactorFlopsDone ?? 0:R} flop; directions {_directionTime.Elapsed.TotalSeconds:R} s {_blockFlops + (_chol?.SolveFlopsDone ?? 0):R} flop {_chol?.SolveFlopsDone ?? 0:R} in-solves {_chol?.SolveBytesDone ?? 0:R} solve-bytes"));
            var rest = _directionTime.Elapsed - _solveTime.Elapsed - _productTime.Elapsed - _maxStepTime.Elapsed - _garbageTime.Elapsed;
            Log(string.Create(CultureInfo.InvariantCulture,
                $"directions by part: solves {_solveTime.Elapsed.TotalSeconds:F3} s ({_chol?.SolveFlopsDone ?? 0:E2} flop), block products {_productTime.Elapsed.TotalSeconds:F3} s, maximal steps {_maxStepTime.Elapsed.TotalSeconds:F3} s, garbage bound {_garbageTime.Elapsed.TotalSeconds:F3} s, the rest (A(·), Σ dy_i A_i, O(n²) updates) {rest.TotalSeconds:F3} s"));
            return solution;
        }
    }
}
