using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using SteeringRng.Sdp.Internal;
using SteeringRng.Sdp.Kkt;
using SteeringRng.Sdp.LinearAlgebra;

namespace SteeringRng.Sdp;

public sealed partial class InteriorPointSolver
{
    /// <summary>One solve: the state of the path-following loop.</summary>
    private sealed partial class Run
    {
        /// <summary>Fraction of the distance to the boundary of the cone taken by each step.</summary>
        private const double FractionToBoundary = 0.95;

        /// <summary>Iterations without a 10 % gain in the worst DIMACS error before we call it stagnation.</summary>
        private const int StagnationWindow = 10;

        private readonly SdpSettings _settings;
        private readonly IDenseKernels _k;
        private readonly CancellationToken _cancel;
        private readonly Stopwatch _clock;
        /// <summary>The equilibrated problem the iteration works on (see <see cref="ProblemScaling"/>).</summary>
        private readonly InternalProblem _p;

        /// <summary>From the equilibrated problem back to the user's; answers and DIMACS errors are of the original.</summary>
        private readonly ProblemScaling _scaling;
        private readonly BlockLayout[] _layout;

        private readonly Stopwatch _schurTime = new(), _factorTime = new(), _directionTime = new(), _stepTime = new(), _residualTime = new();

        // Parts of the search directions (the verbose log's "directions by part" line): solves with the Schur factor,
        // block products U V W, maximal step lengths, and the garbage bound's collections.
        private readonly Stopwatch _solveTime = new(), _productTime = new(), _maxStepTime = new(), _garbageTime = new();

        // Flops per phase, counted from the formulas (docs/peers.md "Per-phase rates"): Schur formation, and the block
        // products and step lengths of the search directions (the factorisation's and the solves' are in _chol).
        private double _schurFlops, _schurGatherFlops, _blockFlops;
        private CholeskyFactor? _chol;

        private Iterate _it;
        private int _extraCorrectors;
        private double[]?[] _lx = [];
        private double[]?[] _lz = [];
        private double[][] _zInv = [];
        private GarbageBound? _garbage;
        private double[][]? _scratch;

        /// <summary>One n×n temporary per block, reused by every product and step-length test (each uses it only inside one call).</summary>
        private double[][] Scratch => _scratch ??= _p.NewBlocks();

        public Run(SdpProblem problem, SdpSettings settings, IDenseKernels kernels, CancellationToken cancel, Stopwatch clock)
        {
            _settings = settings;
            _k = kernels;
            _cancel = cancel;
            _clock = clock;
            _scaling = ProblemScaling.For(InternalProblem.From(problem));
            _p = _scaling.Problem;
            _layout = _p.Layout;
            _it = InitialPoint.Create(_p);
        }

        public SdpSolution Execute()
        {
            var schur = new SchurComplement(_p, native: _k as NativeLapack);
            var arrow = BlockArrowPlan.For(_p, schur.Order);
            var chol = _chol = new CholeskyFactor(_k, _p.M, arrow);
            _garbage = new GarbageBound(chol.Bytes);
            _extraCorrectors = _settings.ExtraCorrectors ?? CorrectorBudget.For(_p, schur.EstimatedCycles);
            Log(string.Create(CultureInfo.InvariantCulture, $"equilibration: β = {_scaling.Beta:E0}, γ = {_scaling.Gamma:E0}, row factors {_scaling.Rows.DefaultIfEmpty(1).Min():E0}..{_scaling.Rows.DefaultIfEmpty(1).Max():E0}, congruence {_scaling.D.SelectMany(d => d).Min():E0}..{_scaling.D.SelectMany(d => d).Max():E0}"));
            Log($"builtin IPM (HKM, Mehrotra): m = {_p.M}, blocks = {_layout.Length}, n = {_p.TotalDim}, kernels = {_k.Name}, dense Schur rows = {schur.DenseCount}, extra correctors ≤ {_extraCorrectors}{(arrow is null ? "" : $", block-arrow Schur factorisation: {arrow.Groups.Length} groups of {string.Join("/", arrow.Groups.Select(g => g.Length))}, border {arrow.Border.Length}")}");
            Log(string.Create(CultureInfo.InvariantCulture, $"memory: Schur storage {chol.DescribeStorage()}; iterate and work blocks {8.0 * _layout.Sum(l => (double)l.Length) / 1e6:F1} MB each (X, Z, Z⁻¹, factors, directions: about 10 copies)"));
            Iterate? best = null;
            var bestWorst = double.PositiveInfinity;
            var progressMark = double.PositiveInfinity;
            var sinceGain = 0;
            var tinySteps = 0;
            if (!Factorize()) return Stop(SdpStatus.NumericalFailure, best, 0, "the starting point is not positive definite");
            // ⟨0, X⟩ = b_i ≠ 0 has no solution, and y = −e_i / b_i is an exact certificate (bᵀy = −1, Σ y_i A_i = 0).
            for (var i = 0; i < _p.M; i++)
            {
                if (_p.A[i].Parts.Length > 0 || _p.B[i] == 0) continue;
                var y = new double[_p.M];
                y[i] = -1 / _p.B[i];
                return Finish(SdpStatus.PrimalInfeasible, _it, 0, $"primal infeasible: A[{i}] is empty but b[{i}] ≠ 0", certificateY: _scaling.CertificateY(y));
            }
            for (var iter = 0; ; iter++)
            {
                _garbage.Check();
                _residualTime.Start();
                var res = Residuals.Of(_p, _it);
                _residualTime.Stop();
                var errors = DimacsErrors.Compute(_p, res.PrimalNorm, res.DualNorm, 0, 0, res.PrimalObjective, res.DualObjective, res.XZ);
                var worst = DimacsErrors.Worst(errors);
                if (!double.IsFinite(worst)) return Stop(SdpStatus.NumericalFailure, best, iter, "non-finite residuals");
                // Keep the best point seen (by its worst DIMACS error); progress means a 10 % gain on the last mark.
                if (worst < bestWorst)
                {
                    bestWorst = worst;
                    best = _it.Clone();
                }
                if (worst < 0.9 * progressMark)
                {
                    progressMark = worst;
                    sinceGain = 0;
                }
                else sinceGain++;
                // Optimal: within the tolerance on the equilibrated problem (relative to the data's scale) and in the
                // DIMACS errors of the original that the solution reports.
                if (worst <= _settings.Tolerance && OriginalWorst(_it) <= _settings.Tolerance) return Finish(SdpStatus.Optimal, _it, iter, "");
                if (HomogeneousOptimum(iter) is { } homogeneous) return homogeneous;
                if (Infeasibility(res, iter) is { } certificate) return certificate;
                if (_cancel.IsCancellationRequested) return Stop(SdpStatus.TimeLimit, best, iter, "cancelled");
                if (_clock.Elapsed >= _settings.TimeLimit) return Stop(SdpStatus.TimeLimit, best, iter, $"time limit {_settings.TimeLimit} reached");
                if (iter >= _settings.MaxIterations) return Stop(SdpStatus.IterationLimit, best, iter, $"iteration limit {_settings.MaxIterations} reached");
                if (sinceGain >= StagnationWindow) return Stop(SdpStatus.NumericalFailure, best, iter, $"no progress in {StagnationWindow} iterations");
                if (tinySteps >= 3) return Stop(SdpStatus.NumericalFailure, best, iter, "step lengths collapsed");

                // Schur complement M_ij = ⟨A_i, X A_j Z⁻¹⟩ and its Cholesky factor (shared by predictor and corrector).
                _schurTime.Start();
                if (chol.Arrow is { } arrowStorage) schur.Form(_it.X, _zInv, arrowStorage);
                else schur.Form(_it.X, _zInv, chol.Matrix!, chol.Offset);
                _schurTime.Stop();
                _schurFlops += schur.FlopsPerForm;
                _schurGatherFlops += schur.GatherFlopsPerForm;
                _factorTime.Start();
                var factored = chol.Factor();
                _factorTime.Stop();
                if (!factored) return Stop(SdpStatus.NumericalFailure, best, iter, "Schur complement could not be factored");

                // G = X R_d Z⁻¹ enters both right-hand sides.
                _directionTime.Start();
                var g = Product(_it.X, res.Dual, _zInv);

                // The right-hand side is linear in σμ and H: the parts known now are solved together (one pass over the factor).
                _solveTime.Start();
                var basis = DirectionBasis.Solve(_p, schur, chol, g, _zInv);
                _solveTime.Stop();

                // Predictor (σ = 0):  M dy = A(−G) − b,  dX = −X − sym(X dZ Z⁻¹).
                var (dxA, _, dzA) = Direction(schur, chol, res, basis, sigmaMu: 0, h: null);
                var (apMax, adMax) = MaximalSteps(dxA, dzA);
                var apA = Math.Min(1, apMax);
                var adA = Math.Min(1, adMax);
                var muAff = AffineMu(dxA, dzA, apA, adA);
                // Mehrotra's centring σ = (μ_aff/μ)³.
                var sigma = Math.Clamp(Math.Pow(muAff / res.Mu, 3), 0, 1);

                // Corrector:  dX Z + X dZ = σμI − XZ − dX_a dZ_a, i.e. with H = dX_a dZ_a Z⁻¹:
                //   M dy = A(σμZ⁻¹ − G − H) − b,   dX = σμZ⁻¹ − X − sym(H + X dZ Z⁻¹).
                var h = Product(dxA, dzA, _zInv);
                var corrected = Correct(schur, chol, res, basis, sigma * res.Mu, Direction(schur, chol, res, basis, sigma * res.Mu, h));
                _directionTime.Stop();
                var (dx, dy, dz, ap, ad) = (corrected.Dx, corrected.Dy, corrected.Dz, corrected.Ap, corrected.Ad);
                tinySteps = Math.Max(ap, ad) < 1e-8 ? tinySteps + 1 : 0;
                Log(string.Create(CultureInfo.InvariantCulture,
                    $"{iter,3} pobj {res.PrimalObjective,16:E8} dobj {res.DualObjective,16:E8} pinf {errors[0]:E1} dinf {errors[2]:E1} gap {errors[4]:E1} mu {res.Mu:E1} sigma {sigma:F3} ap {ap:F3} ad {ad:F3} reg {chol.Regularization:E0} t {_clock.Elapsed.TotalSeconds:F2}s"));

                _stepTime.Start();
                var stepped = TakeStep(dx, dy, dz, ap, ad);
                _stepTime.Stop();
                if (!stepped) return Stop(SdpStatus.NumericalFailure, best, iter + 1, "X or Z lost positive definiteness");
            }
        }

        /// <summary>
        /// X += α_p dX, y += α_d dy, Z += α_d dZ, then the factors of the new point. Rounding can leave the new X or Z
        /// just outside the cone although α is 95 % of the exact maximal step; then both steps are halved (≤ 5 times).
        /// </summary>
        private bool TakeStep(double[][] dx, double[] dy, double[][] dz, double ap, double ad)
        {
            var previous = _it.Clone();
            for (var attempt = 0; attempt < 6; attempt++, ap *= 0.5, ad *= 0.5)
            {
                if (attempt > 0) _it = previous.Clone();
                BlockAlgebra.Axpy(ap, dx, _it.X);
                BlockAlgebra.Axpy(ad, dz, _it.Z);
                for (var i = 0; i < _p.M; i++) _it.Y[i] += ad * dy[i];
                if (Factorize()) return true;
            }
            _it = previous;
            Factorize();
            return false;
        }

        /// <summary>
        /// Solves the reduced Newton system for given σμ and second-order term H (null: 0), unrefined:
        ///   M dy = A(σμZ⁻¹ − G − H) − b,   dZ = R_d + Σ dy_i A_i,   dX = σμZ⁻¹ − X − sym(H + X dZ Z⁻¹),
        /// with dy = dy_G + σμ dy_Z − M⁻¹ A(H) from the iteration's <see cref="DirectionBasis"/>: only H's part needs a
        /// solve of its own (none for the predictor).
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private (double[][] Dx, double[] Dy, double[][] Dz) Direction(SchurComplement schur, CholeskyFactor chol, Residuals res, DirectionBasis basis, double sigmaMu, double[][]? h)
        {
            _garbageTime.Start();
            _garbage?.Check();
            _garbageTime.Stop();
            var dy = basis.Combine(sigmaMu);
            if (h is not null && _p.M > 0)
            {
                _solveTime.Start();
                var dh = schur.FromPositions(chol.Solve(schur.ToPositions(BlockAlgebra.Apply(_p, h))));
                _solveTime.Stop();
                for (var i = 0; i < dy.Length; i++) dy[i] -= dh[i];
            }
            var dz = res.Dual.Select(r => (double[])r.Clone()).ToArray();
            for (var i = 0; i < _p.M; i++) _p.A[i].AddTo(dz, dy[i], _layout);
            var xdz = Product(_it.X, dz, _zInv);
            var dx = _p.NewBlocks();
            for (var b = 0; b < dx.Length; b++)
            {
                var x = _it.X[b];
                var zi = _zInv[b];
                var d = dx[b];
                if (_layout[b].IsDiagonal)
                {
                    for (var t = 0; t < d.Length; t++) d[t] = sigmaMu * zi[t] - x[t] - xdz[b][t] - (h is null ? 0 : h[b][t]);
                    continue;
                }
                var n = _layout[b].Dim;
                var q = xdz[b];
                if (h is not null) ManagedKernels.Axpy(1, h[b], 0, q, 0, q.Length);
                for (var r = 0; r < n; r++)
                for (var c = 0; c < n; c++)
                    d[r * n + c] = sigmaMu * zi[r * n + c] - x[r * n + c] - 0.5 * (q[r * n + c] + q[c * n + r]);
            }
            return (dx, dy, dz);
        }

        /// <summary>
        /// One step of refinement against the exact operator: Applied if the direction was changed, Again if the defect
        /// halved (the caller repeats then). Near the optimum M is so ill-conditioned that the solve
        /// leaves e = A(dX) − r_p well above rounding, and that error becomes primal infeasibility. Since
        /// dX(dy + δ) = dX(dy) − sym(X A*(δ) Z⁻¹), the choice M δ = e cancels it to first order; A(dX) is evaluated
        /// from the matrices themselves (not from M), so this also removes errors made in forming M. Kept only if
        /// ‖A(dX) − r_p‖ decreases.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private (bool Applied, bool Again) RefinePrimal(SchurComplement schur, CholeskyFactor chol, Residuals res, double[][] dx, double[] dy, double[][] dz)
        {
            var e = PrimalDefect(dx, res);
            var before = Norm(e);
            // Nothing left worth a pass over M: the defect is at rounding level of r_p and b, or so small that it cannot
            // matter — the next primal residual is (1 − α_p) r_p − α_p e, so e adds at most ‖e‖/(1 + ‖b‖₁) to DIMACS
            // error 1, here at most 1 % of the tolerance.
            if (before <= Math.Max(1e-15 * (1 + _p.BNorm1 + Norm(res.Primal)), 1e-2 * _settings.Tolerance * (1 + _p.BNorm1))) return (false, false);
            _solveTime.Start();
            var delta = schur.FromPositions(chol.Solve(schur.ToPositions(e)));
            _solveTime.Stop();
            var dzDelta = _p.NewBlocks();
            for (var i = 0; i < _p.M; i++) _p.A[i].AddTo(dzDelta, delta[i], _layout);
            var xdz = Product(_it.X, dzDelta, _zInv);
            var trial = dx.Select(b => (double[])b.Clone()).ToArray();
            for (var b = 0; b < trial.Length; b++)
            {
                if (_layout[b].IsDiagonal)
                {
                    for (var t = 0; t < trial[b].Length; t++) trial[b][t] -= xdz[b][t];
                    continue;
                }
                var n = _layout[b].Dim;
                var q = xdz[b];
                for (var r = 0; r < n; r++)
                for (var c = 0; c < n; c++) trial[b][r * n + c] -= 0.5 * (q[r * n + c] + q[c * n + r]);
            }
            var after = Norm(PrimalDefect(trial, res));
            if (!(after < before)) return (false, false);
            for (var b = 0; b < dx.Length; b++) Array.Copy(trial[b], dx[b], dx[b].Length);
            BlockAlgebra.Axpy(1, dzDelta, dz);
            for (var i = 0; i < dy.Length; i++) dy[i] += delta[i];
            return (true, after < 0.5 * before);
        }

        /// <summary>e = A(dX) − r_p.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private double[] PrimalDefect(double[][] dx, Residuals res)
        {
            var e = BlockAlgebra.Apply(_p, dx);
            for (var i = 0; i < e.Length; i++) e[i] -= res.Primal[i];
            return e;
        }

        private static double Norm(double[] v) => Math.Sqrt(v.Sum(t => t * t));

        /// <summary>U V W per block (dense: two products; diagonal: elementwise).</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private double[][] Product(double[][] u, double[][] v, double[][] w)
        {
            // Two n×n products per dense block (2n³ flops each), three per entry of a diagonal one.
            _blockFlops += _layout.Sum(l => l.IsDiagonal ? 3.0 * l.Dim : 4.0 * l.Dim * l.Dim * (double)l.Dim);
            _productTime.Start();
            var result = _p.NewBlocks();
            var scratch = Scratch;
            BlockLoop.For(_layout, b =>
            {
                if (_layout[b].IsDiagonal)
                {
                    for (var t = 0; t < result[b].Length; t++) result[b][t] = u[b][t] * v[b][t] * w[b][t];
                    return;
                }
                var n = _layout[b].Dim;
                _k.Multiply(u[b], v[b], scratch[b], n);
                _k.Multiply(scratch[b], w[b], result[b], n);
            });
            _productTime.Stop();
            return result;
        }

        /// <summary>μ_aff = ⟨X + α_p dX, Z + α_d dZ⟩ / n.</summary>
        private double AffineMu(double[][] dx, double[][] dz, double ap, double ad)
        {
            var s = BlockAlgebra.Dot(_it.X, _it.Z) + ap * BlockAlgebra.Dot(dx, _it.Z) + ad * BlockAlgebra.Dot(_it.X, dz)
                    + ap * ad * BlockAlgebra.Dot(dx, dz);
            return Math.Max(0, s / _p.TotalDim);
        }

        /// <summary>Cholesky factors of X and Z (step lengths) and Z⁻¹ (Schur complement, directions).</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private bool Factorize()
        {
            // The factors and Z⁻¹ are overwritten in place, never reallocated: nothing holds the previous point's
            // (directions are computed before the step, and a failed step refactors the restored point).
            if (_zInv.Length == 0)
            {
                _lx = new double[]?[_layout.Length];
                _lz = new double[]?[_layout.Length];
                _zInv = _p.NewBlocks();
            }
            for (var b = 0; b < _layout.Length; b++)
            {
                if (_layout[b].IsDiagonal)
                {
                    for (var t = 0; t < _zInv[b].Length; t++)
                    {
                        if (!(_it.X[b][t] > 0) || !(_it.Z[b][t] > 0)) return false;
                        _zInv[b][t] = 1.0 / _it.Z[b][t];
                    }
                    continue;
                }
                var n = _layout[b].Dim;
                var lx = _lx[b] ??= new double[n * n];
                var lz = _lz[b] ??= new double[n * n];
                Array.Copy(_it.X[b], lx, lx.Length);
                Array.Copy(_it.Z[b], lz, lz.Length);
                if (!_k.Cholesky(lx, n) || !_k.Cholesky(lz, n)) return false;
                _k.CholeskyInverse(lz, n, _zInv[b]);
            }
            return true;
        }

        private void Log(string line) => _settings.Log?.Invoke(line);
    }
}
