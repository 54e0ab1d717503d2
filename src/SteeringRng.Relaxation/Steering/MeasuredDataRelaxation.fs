namespace SteeringRng.Relaxation.Steering

open System
open System.Collections.Generic
open System.Numerics
open MathNet.Numerics.LinearAlgebra
open SteeringRng.Quantum
open SteeringRng.Sdp
open SteeringRng.Relaxation

/// The data side of a relaxation that sees only a linear observation v = Λσ of the total assemblage
/// (docs/formulations/measured-probabilities.md). Over the no-signalling coordinates u (WordCoordinates),
///   {σ(u) : Λu = v} = {σ(u_p + N t) : t ∈ R^r},   u_p = Λ⁺v (least-norm),  N = a basis of ker Λ,
/// and, with `lowerBounds`, rows i that are only "≥ v_i": u = u_p + s_i Λ⁺e_i + N t, s_i ≥ 0.
/// Every guessing relaxation here (NS, Glo, Q_k) has the data only in its constants, affinely:
/// C(σ) = C_0 + L(σ) and offset(σ) = o_0 + ℓ(σ). So Σ_e σ^e = σ(u_p + N t) becomes, with the t_j as new free SDP
/// variables, C(σ(u_p)) + Σ_j t_j L(σ(N_j)): one more variable per kernel direction, the rest of the problem unchanged.
/// L is read off the relaxation itself (the same code that puts σ^obs into C) at a positive definite base point
/// σ^b (the maximally mixed assemblage): L(D) = [C(σ^b + εD) − C(σ^b)]/ε exactly, as C is affine, with ε small
/// enough that σ^b + εD stays a valid assemblage (built without facial reduction or symmetry: both depend on σ^obs).
type internal DataLift =
    { Coordinates: WordCoordinates
      Observation: LinearObservation
      /// Λ's singular value decomposition pieces: rank r, U_r, S_r, V_r (least-norm solves) and the kernel N.
      Rank: int
      U: Matrix<float>
      S: Vector<float>
      V: Matrix<float>
      Kernel: Matrix<float>
      LowerBounds: int[] }

module internal DataLift =

    /// Relative cut-off of singular values of Λ (Λ's entries are O(1): traces of POVM elements).
    let private rankTolerance = 1e-10

    let create (coordinates: WordCoordinates) (observation: LinearObservation) (lowerBounds: int[]) : DataLift =
        let n = coordinates.Count
        let m = observation.Rows
        let lambda = Matrix<float>.Build.Dense(m, n)
        for k in 0 .. n - 1 do
            let u = Array.zeroCreate n
            u[k] <- 1.0
            let column = observation.Evaluate(coordinates.Blocks u)
            for i in 0 .. m - 1 do
                lambda[i, k] <- column[i]
        let svd = lambda.Svd(true)
        let s = svd.S
        let top = if s.Count = 0 then 0.0 else s[0]
        let rank = s |> Seq.filter (fun x -> x > rankTolerance * max top 1e-300) |> Seq.length
        let vt = svd.VT
        { Coordinates = coordinates
          Observation = observation
          Rank = rank
          U = svd.U.SubMatrix(0, m, 0, rank)
          S = s.SubVector(0, rank)
          V = vt.SubMatrix(0, rank, 0, n).Transpose()
          Kernel = vt.SubMatrix(rank, n - rank, 0, n).Transpose()
          LowerBounds = lowerBounds }

    /// Carriers made by `carrier`, with the lift and the exact values they carry.
    let private carried = System.Runtime.CompilerServices.ConditionalWeakTable<Assemblage, DataLift * float[]>()

    /// Λσ of an assemblage of this shape, with the normalisation row (if any) exactly 1 when it is 1 up to round-off
    /// (10⁻¹²): it is 1 by definition, so data computed from a state and data given as numbers meet in the same v. For a
    /// carrier of this lift (`carrier`), the values it was made from, exactly (Λ(Λ⁺v) equals v only up to round-off).
    let observe (lift: DataLift) (sigma: Assemblage) : float[] =
        match carried.TryGetValue sigma with
        | true, (owner, v) when obj.ReferenceEquals(owner, lift) -> Array.copy v
        | _ ->
            let v = lift.Observation.Evaluate(lift.Coordinates.BlocksOf sigma)
            match lift.Observation.Normalisation with
            | Some i when abs (v[i] - 1.0) <= 1e-12 -> v[i] <- 1.0
            | _ -> ()
            v

    /// u = Λ⁺ v.
    let leastNorm (lift: DataLift) (v: float[]) : float[] =
        let w = lift.U.TransposeThisAndMultiply(Vector<float>.Build.DenseOfArray v).PointwiseDivide(lift.S)
        (lift.V * w).ToArray()

    /// u_p = Λ⁺v, refused (ArgumentException naming the row) when Λu_p misses v by more than `tolerance`: then no
    /// no-signalling assemblage has these data (e.g. signalling frequencies that were not repaired).
    let particular (lift: DataLift) (tolerance: float) (v: float[]) : float[] =
        if v.Length <> lift.Observation.Rows then invalidArg "data" $"Expected {lift.Observation.Rows} observed numbers, got {v.Length}."
        match v |> Array.tryFindIndex (fun x -> Double.IsNaN x || Double.IsInfinity x) with
        | Some i -> invalidArg "data" $"The observed value {lift.Observation.Describe i} is not a finite number."
        | None -> ()
        let u = leastNorm lift v
        let back = lift.Observation.Evaluate(lift.Coordinates.Blocks u)
        let worst = Array.init v.Length (fun i -> abs (back[i] - v[i])) |> Array.mapi (fun i r -> i, r) |> Array.maxBy snd
        if snd worst > tolerance then
            invalidArg "data" (sprintf "No no-signalling assemblage has these data: the nearest misses %s by %.3g (tolerance %g); repair the data (repair = nearest) or check them" (lift.Observation.Describe(fst worst)) (snd worst) tolerance)
        u

    /// σ(Λ⁺v), the least-norm no-signalling assemblage with observed values v (refused as `particular` is), remembered as
    /// carrying exactly v: `observe` gives v back bit for bit, so the relaxation of a carrier is that of v.
    let carrier (lift: DataLift) (tolerance: float) (v: float[]) : Assemblage =
        let sigma = lift.Coordinates.AssemblageOf(particular lift tolerance v)
        carried.AddOrUpdate(sigma, (lift, Array.copy v))
        sigma

/// The data-independent part of a measured-data relaxation: the inner relaxation built at the base point, its
/// constants there, and the extra variables (one per free direction) with their constraint matrices.
type internal LiftedStructure =
    { Lift: DataLift
      Blocks: SdpBlock[]
      A: IReadOnlyList<SdpMatrix>
      B: float[]
      /// Number of kernel directions kept and of "≥" slacks.
      FreeDirections: int
      Slacks: int
      /// (C, offset) of the inner relaxation at σ(u) for coordinates u.
      ConstantsAt: float[] -> SdpMatrix * float
      InnerFormula: string }

module internal LiftedStructure =

    let private sum (target: Dictionary<struct (int * int * int), Complex>) (scale: float) (m: SdpMatrix) =
        for e in m.Entries do
            let key = struct (e.Block, e.Row, e.Col)
            let mutable v = Complex.Zero
            target.TryGetValue(key, &v) |> ignore
            target[key] <- v + Complex(scale * e.Value, scale * e.Imag)

    let private toMatrix (d: Dictionary<struct (int * int * int), Complex>) =
        let drop = 1e-13
        SdpMatrix([| for KeyValue(struct (b, r, c), v) in d do
                         let re = if abs v.Real > drop then v.Real else 0.0
                         let im = if r <> c && abs v.Imaginary > drop then v.Imaginary else 0.0
                         if re <> 0.0 || im <> 0.0 then yield SdpEntry(b, r, c, re, im) |])

    let private offsetOf (r: IRelaxation) =
        // The offset is what Read reports at ⟨C, X⟩ = 0.
        r.Read(SdpSolution(Status = SdpStatus.Optimal, PrimalObjective = 0.0, DualObjective = 0.0, Y = [||], Dimacs = [||], Iterations = 0, Seconds = 0.0, Solver = "")).Bound

    let build (lift: DataLift) (buildInner: Assemblage -> IRelaxation) : LiftedStructure =
        let coordinates = lift.Coordinates
        let baseAssemblage = coordinates.MaximallyMixed()
        let baseBlocks = coordinates.BlocksOf baseAssemblage
        let lambdaMin = baseBlocks |> Array.map (fun m -> m[0, 0].Real) |> Array.min
        let inner = buildInner baseAssemblage
        let baseProblem = inner.Problem
        let baseOffset = offsetOf inner
        let ofBlocks (blocks: Matrix<Complex>[]) =
            let index = Dictionary<string, int>()
            coordinates.Tuples |> Array.iteri (fun t (b, y) -> index[String.Join(",", b) + "|" + String.Join(",", y)] <- t)
            Assemblage(coordinates.Dimension, coordinates.Settings, coordinates.Outcomes,
                       Func<int[], int[], Complex[,]>(fun b y -> blocks[index[String.Join(",", b) + "|" + String.Join(",", y)]].ToArray()))
        /// (L(D), ℓ(D)) for a no-signalling, trace-zero direction D: C and offset change per unit of D (C is affine in σ).
        let derivative (direction: Matrix<Complex>[]) =
            let diff = Dictionary<struct (int * int * int), Complex>()
            let size = direction |> Array.map (fun m -> m.FrobeniusNorm()) |> Array.max
            if size = 0.0 then diff, 0.0
            else
                // ‖εD‖ ≤ λ_min/2 keeps σ^b + εD ⪰ λ_min/2 > 0: a valid assemblage, with the base point's (full) supports.
                let eps = 0.5 * lambdaMin / size
                let moved = inner.WithData(ofBlocks (Array.map2 (fun (b: Matrix<Complex>) d -> b + d * Complex(eps, 0.0)) baseBlocks direction))
                if not (obj.ReferenceEquals(moved.Problem.A, baseProblem.A)) then
                    invalidOp "The relaxation was rebuilt for new data; a measured-data relaxation needs one built without symmetry reduction."
                sum diff (1.0 / eps) moved.Problem.C
                sum diff (-1.0 / eps) baseProblem.C
                diff, (offsetOf moved - baseOffset) / eps
        let kernel = [| for j in 0 .. lift.Kernel.ColumnCount - 1 -> lift.Kernel.Column(j).ToArray() |]
        let slacks =
            [| for i in lift.LowerBounds ->
                   let e = Array.zeroCreate lift.Observation.Rows
                   e[i] <- 1.0
                   DataLift.leastNorm lift e |]
        let changes (d: Dictionary<_, Complex>, o) = abs o > 1e-13 || d.Values |> Seq.exists (fun v -> v.Magnitude > 1e-13)
        // Kernel directions that change nothing are dropped (a zero column makes the SDP's Schur complement singular).
        let kernelTerms = kernel |> Array.map (coordinates.Blocks >> derivative) |> Array.filter changes
        let slackTerms = slacks |> Array.map (coordinates.Blocks >> derivative)
        let blocks =
            Array.append (Seq.toArray baseProblem.Blocks) (if slacks.Length > 0 then [| SdpBlock.Nonnegative slacks.Length |] else [||])
        // Moment form F0(σ(u_p + N t)) − Σ w F ⪰ 0 with C = −F0: the new variable t_j has A_j = −L(D_j), b_j = −ℓ(D_j).
        let negated (d: Dictionary<struct (int * int * int), Complex>) =
            let m = Dictionary<struct (int * int * int), Complex>()
            for KeyValue(k, v) in d do m[k] <- -v
            m
        let slackBlock = baseProblem.Blocks.Count
        let extraA =
            Array.append
                (kernelTerms |> Array.map (fst >> negated >> toMatrix))
                (slackTerms |> Array.mapi (fun i (d, _) ->
                    // s_i ≥ 0: its own diagonal entry of the Nonnegative block.
                    let m = toMatrix (negated d)
                    SdpMatrix(Array.append (Seq.toArray m.Entries) [| SdpEntry(slackBlock, i, i, 1.0) |])))
        let extraB = Array.append kernelTerms slackTerms |> Array.map (fun (_, o) -> -o)
        let constantsAt (u: float[]) =
            let target = coordinates.Blocks u
            let d, o = derivative (Array.map2 (fun (p: Matrix<Complex>) q -> p - q) target baseBlocks)
            let c = Dictionary<struct (int * int * int), Complex>()
            sum c 1.0 baseProblem.C
            for KeyValue(k, v) in d do
                let mutable x = Complex.Zero
                c.TryGetValue(k, &x) |> ignore
                c[k] <- x + v
            toMatrix c, baseOffset + o
        { Lift = lift
          Blocks = blocks
          A = Array.append (Seq.toArray baseProblem.A) extraA
          B = Array.append baseProblem.B extraB
          FreeDirections = kernelTerms.Length
          Slacks = slackTerms.Length
          ConstantsAt = constantsAt
          InnerFormula = inner.ValueFormula }

/// A guessing relaxation (NS, Glo or Q_k) constrained by measured linear data instead of the full assemblage (see
/// DataLift). WithData takes an assemblage and uses only its observation Λσ (a model's σ, or any σ carrying the measured
/// data, e.g. σ(Λ⁺v) of a counts file), so the engine's sweep machinery applies unchanged. Read: P_g = offset − ⟨C, X⟩.
type MeasuredDataRelaxation internal (st: LiftedStructure, tolerance: float, problem: SdpProblem, offset: float) =

    static member internal Create(st: LiftedStructure, tolerance: float, v: float[]) =
        let u = DataLift.particular st.Lift tolerance v
        let c, offset = st.ConstantsAt u
        MeasuredDataRelaxation(st, tolerance, SdpProblem(st.Blocks, c, st.A, st.B), offset)

    member _.Problem = problem
    member _.Offset = offset
    /// Kernel directions of the observation that the relaxation optimises over (0: the data fix σ^obs).
    member _.FreeDirections = st.FreeDirections
    member _.Read(solution: SdpSolution) = MomentFormReading.read offset solution

    /// The observed values of an assemblage of this shape (Λσ).
    member _.Observe(assemblage: Assemblage) : float[] = DataLift.observe st.Lift assemblage

    /// The same relaxation for other observed values.
    member _.WithObserved(v: float[]) = MeasuredDataRelaxation.Create(st, tolerance, v)

    member this.WithData(assemblage: Assemblage) = this.WithObserved(this.Observe assemblage)

    /// (C, offset) at observed values v through u = Λ⁺v, without the consistency check of WithObserved: affine in v, so
    /// offset(v) − ⟨C(v), X⟩ is affine in v for a fixed X (the finite-size analyses' affine bounds,
    /// docs/formulations/finite-size.md §3). A, b and the blocks are those of Problem.
    member _.ConstantsOfObserved(v: float[]) : SdpMatrix * float =
        if v.Length <> st.Lift.Observation.Rows then invalidArg "v" $"Expected {st.Lift.Observation.Rows} observed numbers, got {v.Length}."
        st.ConstantsAt(DataLift.leastNorm st.Lift v)

    member _.ValueFormula =
        MomentFormReading.formula "P_g" offset
            $"measured data: {st.Lift.Observation.Rows} observed numbers, {st.FreeDirections} unobserved directions of σ and {st.Slacks} slack(s) as free variables"

    interface IRelaxation with
        member this.Problem = problem
        member this.Read(solution) = this.Read solution
        member this.WithData(data) = this.WithData data :> IRelaxation
        member _.Reduction = ""
        member this.ValueFormula = this.ValueFormula
