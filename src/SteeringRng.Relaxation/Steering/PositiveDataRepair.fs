namespace SteeringRng.Relaxation.Steering

open System
open System.Numerics
open System.Threading
open MathNet.Numerics.LinearAlgebra
open SteeringRng.Sdp

/// The nearest *valid* observation (docs/formulations/measured-probabilities.md, "Repair"): positive, no-signalling,
/// normalised, in the weighted norm ‖Δ‖²_W = Σ_i w_i Δ_i²,
///   p* = argmin { ‖Λu − v‖²_W : Tr ρ_A(u) = 1, σ_{b|y}(u) ⪰ 0 for every b, y },
/// u the no-signalling coordinates (WordCoordinates). The plain no-signalling repair (MeasuredDataForm.Nearest) drops
/// the positivity constraints; frequencies of a pure or nearly pure state (rank-one σ_{b|y}) then come back with a
/// slightly negative σ_{b|y}, which no quantum experiment has and no relaxation accepts. Convex: a semidefinite program,
///   min τ  s.t.  [[τ, rᵀ], [r, τ I]] ⪰ 0  (τ ≥ ‖r‖, r = R z − h),  σ_{b|y}(u) ⪰ 0  (and σ(u) in each DataFeasibility set),
/// with u = V_r z + N k (range and kernel of Λ, the kernel part free: incomplete data need only *some* positive
/// completion), W^½ U_r S_r = Q R (thin QR), h = Qᵀ W^½ v, so ‖Λu − v‖²_W = ‖R z − h‖² + ‖(I − QQᵀ) W^½ v‖²;
/// the normalisation is eliminated (x = (z, k) = x₀ + P s, P a basis of the normalisation's kernel).
/// The interior-point solution is made exactly valid and strictly positive as NearestAssemblage does: mixed with the
/// maximally mixed assemblage m (λ_min = 1/(d Π n_j)), (1 − λ) u + λ m, λ ≥ (δ + ε λ_min(m))/(δ + λ_min(m)) for a least
/// eigenvalue −δ (δ = 0 if it is positive), ε = the caller's interior fraction (interiorWeight for probabilities; for
/// counts ProbabilityRepair passes a weight that falls as 1/√N), and at least the weight that moves the data by a given
/// weighted distance (the formulation's "Strictly inside: the mix").
module PositiveDataRepair =

    /// The nearest positive data lie on the boundary of the cone (some σ_{b|y} singular, up to the interior-point
    /// solver's 1e-8), where a relaxation has no strict interior and the solver can report them infeasible. They are
    /// moved inside by mixing with the maximally mixed assemblage until λ_min(σ) = interiorWeight · λ_min(m): a change
    /// of each probability by at most about 10⁻⁶ (in standard deviations that is large only for cells with no counts at
    /// large N, whose s_i = 1/N; the row reports it). On its own it is too little for the relaxations of pure-state
    /// counts (they stall); for counts ProbabilityRepair uses a mix of a quarter of a standard deviation and a least weight
    /// that falls as 1/√N instead (no fixed floor).
    let interiorWeight = 1e-6

    /// What the repair returns: the repaired observation, the SDP's nearest valid point p_SDP before the mix, the least
    /// eigenvalue of the repaired σ (> 0), the weight λ of the final mix with the maximally mixed data and the weighted
    /// distance ‖λ (Λm − p_SDP)‖_W it moved the data by.
    type Result = { Values: float[]; Projected: float[]; LeastEigenvalue: float; SolverStatus: string; MixingWeight: float; MixingDistance: float }

    let private leastEigenvalue (blocks: Matrix<Complex>[]) =
        blocks |> Array.map (fun b -> b.Evd(Symmetricity.Hermitian).EigenValues |> Seq.map (fun e -> e.Real) |> Seq.min) |> Array.min

    /// rank Λ: the number of independent observed numbers (no-signalling data have rank Λ − 1 free values).
    let rank (form: MeasuredDataForm) : int = form.Lift.Rank

    /// λ_min over the blocks of the least-norm no-signalling σ with observation v: ≥ 0 means v already has a positive
    /// no-signalling assemblage (so the positive repair equals the no-signalling one).
    let carrierLeastEigenvalue (form: MeasuredDataForm) (v: float[]) : float =
        let lift = form.Lift
        leastEigenvalue (lift.Coordinates.Blocks(DataLift.leastNorm lift v))

    /// p* as above (and, for each of `constraints`, σ(u) in that relaxation's feasible set: the repair onto Q_k), then
    /// mixed with the maximally mixed data m: (1 − λ) p_SDP + λ Λm with
    ///   λ = max(λ_interior, mixingDistance / ‖Λm − p_SDP‖_W),
    /// λ_interior the weight that makes λ_min(σ) = interiorFraction · λ_min(m) (0: exactly positive semidefinite), and the
    /// second term a mix that moves the data by exactly `mixingDistance` in the weighted norm (for counts: standard
    /// deviations; 0 for none). Why: the nearest valid data lie on the boundary of the cone (and of Q_k), where a
    /// relaxation has no usable interior; m lies strictly inside every relaxation's set (the formulation), so any λ > 0
    /// puts the data strictly inside, and a mix measured in standard deviations keeps the data where the statistics cannot
    /// tell them from p_SDP. `weights` w_i > 0. Throws InvalidOperationException when the SDP does not solve.
    let nearestWithin (form: MeasuredDataForm) (v: float[]) (weights: float[]) (constraints: DataFeasibility[]) (interiorFraction: float)
                      (mixingDistance: float) (cancellation: CancellationToken) : Result =
        let lift = form.Lift
        if v.Length <> lift.Observation.Rows || weights.Length <> v.Length then invalidArg (nameof v) "One value and one weight per observed number."
        let coords = lift.Coordinates
        let n = coords.Count
        let d = coords.Dimension
        let r = lift.Rank
        let nk = lift.Kernel.ColumnCount
        let build = Matrix<float>.Build
        // u = M x, x = (z, k).
        let m = build.Dense(n, r + nk)
        m.SetSubMatrix(0, 0, lift.V)
        if nk > 0 then m.SetSubMatrix(0, r, lift.Kernel)
        // Normalisation aᵀx = 1 (Tr ρ_A: the identity word's diagonal components are the first d coordinates).
        let trace = Vector<float>.Build.Dense(n, fun j -> if j < d then 1.0 else 0.0)
        let a = m.TransposeThisAndMultiply trace
        let x0 = a / (a * a)
        let p =
            let svd = build.DenseOfRowVectors([| a |]).Svd(true)
            svd.VT.SubMatrix(1, a.Count - 1, 0, a.Count).Transpose()
        let vars = p.ColumnCount
        // Weighted least squares in z: W^½ U_r S_r = Q R.
        let sqrtW = Vector<float>.Build.DenseOfArray(weights |> Array.map sqrt)
        let b = build.DiagonalOfDiagonalVector(sqrtW) * lift.U * build.DiagonalOfDiagonalVector(lift.S)
        let qr = b.QR(MathNet.Numerics.LinearAlgebra.Factorization.QRMethod.Thin)
        let h = qr.Q.TransposeThisAndMultiply(sqrtW.PointwiseMultiply(Vector<float>.Build.DenseOfArray v))
        let rz = qr.R
        let pz = p.SubMatrix(0, r, 0, vars)
        let residualConstant = rz * x0.SubVector(0, r) - h
        let residualLinear = rz * pz
        // σ blocks of each coordinate direction, then of x0 and of each column of P.
        let unit j = Array.init n (fun i -> if i = j then 1.0 else 0.0)
        let basis = Array.init n (fun j -> coords.Blocks(unit j))
        let tuples = coords.Tuples.Length
        let blocksOf (u: Vector<float>) =
            Array.init tuples (fun t ->
                let mutable acc = Matrix<Complex>.Build.Dense(d, d)
                for j in 0 .. n - 1 do
                    if u[j] <> 0.0 then acc <- acc + basis[j][t] * Complex(u[j], 0.0)
                acc)
        let constantBlocks = blocksOf (m * x0)
        let linearBlocks = Array.init vars (fun i -> blocksOf (m * p.Column i))
        // Each constraint relaxation: its blocks after the σ blocks, C(σ(u)) = C(u₀) + Σ_s s_j [C(M p_j) − C(0)] (affine).
        let shifts = constraints |> Array.scan (fun at c -> at + c.Blocks.Length) (1 + tuples)
        let zero = Array.zeroCreate n
        let constraintTerms =
            constraints |> Array.mapi (fun k c ->
                let c0 = c.ConstantAt zero
                let cx = c.ConstantAt((m * x0).ToArray())
                let directions = Array.init vars (fun j -> SparseBlocks.combine shifts[k] [ 1.0, c.ConstantAt((m * p.Column j).ToArray()); -1.0, c0 ])
                SparseBlocks.combine shifts[k] [ 1.0, cx ], directions)
        // SDP (D): min bᵀy, Z = Σ y_i A_i − C ⪰ 0; y = (s_1 … s_vars, τ, the constraints' own variables). Block 0 the
        // second-order cone τ ≥ ‖r‖ as [[τ, rᵀ], [r, τ I]] ⪰ 0 (the norm itself, not its square, so that the solver's
        // accuracy is an accuracy of the distance), blocks 1.. the σ_{b|y}, then each constraint relaxation's blocks.
        let blocks =
            [ yield SdpBlock.Psd(r + 1)
              for _ in 1 .. tuples -> SdpBlock.Hermitian d
              for c in constraints do yield! c.Blocks ] |> List.toArray
        let hermitianEntries (block: int) (mat: Matrix<Complex>) (sign: float) =
            [ for i in 0 .. d - 1 do
                  for j in i .. d - 1 do
                      let z = mat[i, j] * Complex(sign, 0.0)
                      let im = if i = j then 0.0 else z.Imaginary
                      if abs z.Real > 0.0 || abs im > 0.0 then yield SdpEntry(block, i, j, z.Real, im) ]
        let c =
            SdpMatrix(
                [ for i in 0 .. r - 1 do
                      if residualConstant[i] <> 0.0 then yield SdpEntry(0, 0, 1 + i, -residualConstant[i])
                  for t in 0 .. tuples - 1 do yield! hermitianEntries (1 + t) (constantBlocks.[t]) -1.0
                  for constant, _ in constraintTerms do yield! constant ]
                |> List.toArray)
        let aMatrices =
            [| for s in 0 .. vars - 1 do
                   yield SdpMatrix(
                       [ for i in 0 .. r - 1 do
                             if residualLinear[i, s] <> 0.0 then yield SdpEntry(0, 0, 1 + i, residualLinear[i, s])
                         for t in 0 .. tuples - 1 do yield! hermitianEntries (1 + t) (linearBlocks.[s].[t]) 1.0
                         // Z = Σ y A − C(σ(u)): s_j enters with −[C(M p_j) − C(0)].
                         for _, directions in constraintTerms do
                             for e in directions[s] -> SdpEntry(e.Block, e.Row, e.Col, -e.Value, -e.Imag) ]
                       |> List.toArray)
               yield SdpMatrix(Array.init (r + 1) (fun i -> SdpEntry(0, i, i, 1.0)))
               for k in 0 .. constraints.Length - 1 do
                   for ai in constraints[k].Variables ->
                       SdpMatrix([| for e in ai.Entries -> SdpEntry(e.Block + shifts[k], e.Row, e.Col, e.Value, e.Imag) |]) |]
        let objective = Array.init aMatrices.Length (fun i -> if i = vars then 1.0 else 0.0)
        let problem = SdpProblem(blocks, c, aMatrices, objective)
        let solution = InteriorPointSolver().Solve(problem, null, cancellation)
        if solution.Status <> SdpStatus.Optimal && solution.Status <> SdpStatus.NearOptimal then
            raise (InvalidOperationException $"the repair did not solve ({solution.Status}: {solution.Message})")
        let s = Vector<float>.Build.DenseOfArray(solution.Y.[0 .. vars - 1])
        let xSdp = x0 + p * s
        let mixedLeast = 1.0 / (float d * float (Array.fold (*) 1 coords.Outcomes))
        let u = m * xSdp
        // Exactly valid and inside the cone: mix with the maximally mixed assemblage.
        let least = leastEigenvalue (coords.Blocks(u.ToArray()))
        let mixed = coords.BlocksOf(coords.MaximallyMixed())
        let observed = lift.Observation.Evaluate(coords.Blocks(u.ToArray()))
        // λ: mixing weight that makes the least eigenvalue interiorFraction · λ_min(m) ≥ 0 (exactly valid:
        // (1 − λ)(−δ) + λ λ_min(m) = interiorFraction · λ_min(m) for δ = −least).
        let delta = max 0.0 -least
        let lambdaInterior = (delta + interiorFraction * mixedLeast) / (delta + mixedLeast)
        let mixedObserved = lift.Observation.Evaluate mixed
        // ‖Λm − p_SDP‖_W: the weighted distance a full mix (λ = 1) would move the data by.
        let span = Array.map3 (fun o q w -> w * (q - o) * (q - o)) observed mixedObserved weights |> Array.sum |> sqrt
        let lambda = if mixingDistance > 0.0 && span > 0.0 then min 1.0 (max lambdaInterior (mixingDistance / span)) else lambdaInterior
        { Values = Array.map2 (fun o q -> (1.0 - lambda) * o + lambda * q) observed mixedObserved
          Projected = observed
          // m's blocks are multiples of I, so λ_min of the mix is exactly this (least: the SDP point's λ_min).
          LeastEigenvalue = (1.0 - lambda) * least + lambda * mixedLeast
          SolverStatus = string solution.Status
          MixingWeight = lambda
          MixingDistance = lambda * span }

    /// The positive repair (no relaxation constraint) with the interior mix of interiorWeight and `mixingDistance`.
    let nearestMixed (form: MeasuredDataForm) (v: float[]) (weights: float[]) (mixingDistance: float) (cancellation: CancellationToken) : Result =
        nearestWithin form v weights [||] interiorWeight mixingDistance cancellation

    /// p* with only the interior mix (λ_interior): for data without a statistical scale (probabilities, s_i = 1).
    let nearest (form: MeasuredDataForm) (v: float[]) (weights: float[]) (cancellation: CancellationToken) : Result =
        nearestMixed form v weights 0.0 cancellation
