using System.Globalization;
using SteeringRng.Sdp.Internal;

namespace SteeringRng.Sdp;

public sealed partial class InteriorPointSolver
{
    private sealed partial class Run
    {
        /// <summary>
        /// Infeasibility certificates in the normalised form of CSDP (Borchers 1999), checked every iteration:
        /// <list type="bullet">
        /// <item>(P) infeasible: bᵀy &lt; 0 and ŷ = y / |bᵀy| has bᵀŷ = −1 and Σ ŷ_i A_i = (C + R_d + Z)/|bᵀy| ⪰ −ε I with
        /// ε = ‖C + R_d‖_F / |bᵀy| (Z ⪰ 0) at most the tolerance. Then every X ⪰ 0 with A(X) = b has tr X ≥ 1/ε.</item>
        /// <item>(D) infeasible: ⟨C, X⟩ &gt; 0 and X̂ = X / ⟨C, X⟩ has ⟨C, X̂⟩ = 1, X̂ ⪰ 0 and
        /// ‖A(X̂)‖₂ = ‖b − r_p‖₂ / ⟨C, X⟩ at most the tolerance.</item>
        /// </list>
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
                    var sum = _p.NewBlocks();
                    for (var i = 0; i < _p.M; i++) _p.A[i].AddTo(sum, y[i], _layout);
                    var lmin = DimacsErrors.LambdaMin(_k, _layout, sum, primal: false);
                    return Finish(SdpStatus.PrimalInfeasible, _it, iter,
                        string.Create(CultureInfo.InvariantCulture, $"primal infeasible: certificate y with bᵀy = −1, λmin(Σ y_i A_i) = {lmin:E2}"), certificateY: y);
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
                    return Finish(SdpStatus.DualInfeasible, _it, iter,
                        string.Create(CultureInfo.InvariantCulture, $"dual infeasible: certificate X ⪰ 0 with ⟨C, X⟩ = 1, ‖A(X)‖₂ = {ax:E2}"), certificateX: x);
                }
            }
            return null;
        }

        /// <summary>Ends a solve that did not reach the tolerance: the best iterate decides NearOptimal, else the given reason.</summary>
        private SdpSolution Stop(SdpStatus reason, Iterate? best, int iter, string why)
        {
            var point = best ?? _it;
            var res = Residuals.Of(_p, point);
            var worst = DimacsErrors.Worst(DimacsErrors.Compute(_p, res.PrimalNorm, res.DualNorm, 0, 0, res.PrimalObjective, res.DualObjective, res.XZ));
            if (worst <= _settings.Tolerance) return Finish(SdpStatus.Optimal, point, iter, "");
            if (worst <= _settings.NearOptimalTolerance)
                return Finish(SdpStatus.NearOptimal, point, iter,
                    string.Create(CultureInfo.InvariantCulture, $"{why}; best point has DIMACS error {worst:E1} (tolerance {_settings.Tolerance:E0})"));
            return Finish(reason, point, iter,
                string.Create(CultureInfo.InvariantCulture, $"{why}; best point has DIMACS error {worst:E1}"));
        }

        /// <summary>Builds the solution in the user's coordinates with DIMACS errors evaluated exactly at the point.</summary>
        private SdpSolution Finish(SdpStatus status, Iterate point, int iter, string message,
            double[]? certificateY = null, double[][]? certificateX = null)
        {
            var res = Residuals.Of(_p, point);
            var lx = DimacsErrors.LambdaMin(_k, _layout, point.X, primal: true);
            var lz = DimacsErrors.LambdaMin(_k, _layout, point.Z, primal: false);
            var errors = DimacsErrors.Compute(_p, res.PrimalNorm, res.DualNorm, lx, lz, res.PrimalObjective, res.DualObjective, res.XZ);
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
            return solution;
        }
    }
}
