namespace SteeringRng.Relaxation.Steering

open System
open System.Numerics
open System.Threading
open MathNet.Numerics.LinearAlgebra
open SteeringRng.Sdp
open SteeringRng.Relaxation
open SteeringRng.Relaxation.Symmetry

/// The structure of a fully-LHS visibility problem (docs/formulations/steering-test.md).
type internal LhsStructure =
    { Data1: AssemblageData
      Data0: AssemblageData
      /// Support of ρ_A(σ(0)) + ρ_A(σ(1)): all hidden states live there.
      Range: Matrix<Complex>
      /// Deterministic strategies λ = (λ_1..λ_k), λ_j[x] = outcome of party j at setting x.
      Strategies: int[][][]
      Keys: PartyTerm list[]
      /// The symmetry reduction, when the data have symmetries that merge strategies (one block per orbit).
      Orbits: StrategyOrbits option
      /// For each equality row of the SDP (the cap row excepted): its (key, component) index key · r² + c.
      Rows: int array
      Problem: SdpProblem
      Cap: float }

/// Fully-LHS (unsteerable) models and critical visibility as one SDP in primal form:
///
///   max μ  s.t.  Σ_λ D_λ(κ) τ_λ = V†[σ(0)_κ + μ (σ(1)_κ − σ(0)_κ)]V   for every Collins–Gisin key κ,
///                τ_λ ⪰ 0,  0 ≤ μ ≤ cap,
///
/// with D_λ(κ) = Π_{j: κ_j = (x,a)} δ(λ_j[x] = a) (Cavalcanti et al., Nat. Commun. 6, 7941 (2015)).
/// Imposing the equalities on Collins–Gisin blocks only keeps the rows independent: deterministic
/// behaviours span the no-signalling space, so the map τ ↦ (Σ_λ D_λ(κ) τ_λ)_κ is onto.
/// The dual y gives a steering functional β(σ) = Σ_{a,x} Tr[F_{a|x} σ_{a|x}] ≥ 0 on every LHS assemblage
/// with β(σ(μ)) ≤ μ* − μ when the cap is not active.
///
/// Symmetry reduction (exact). Let G be the group of symmetries g = (π, U) common to σ(1) and σ(0) (DataSymmetry;
/// StrategyOrbits). If (τ_λ, μ) is feasible, so is τ'_{gλ} = Ũ_g τ_λ Ũ_g† with the same μ, since
///   Σ_λ δ((gλ)(x) = a) Ũ_g τ_λ Ũ_g† = Ũ_g [Σ_λ δ(λ(x) = π⁻¹(a)) τ_λ] Ũ_g† = V†U_g σ(μ)_{π⁻¹(a)|x} U_g†V = V†σ(μ)_{a|x}V;
/// averaging over G gives a G-symmetric optimum, so one τ_O ⪰ 0 per strategy orbit O suffices, with
///   τ_λ = (1/|Stab(λ_O)|) Σ_{g: gλ_O = λ} Ũ_g τ_O Ũ_g†   (PSD whenever τ_O is, for any τ_O),
/// and the equalities become
///   Σ_O Σ_{λ ∈ O} D_λ(κ) τ_λ = Σ_O (1/|Stab(λ_O)|) Σ_{g ∈ G} D_{gλ_O}(κ) Ũ_g τ_O Ũ_g† = RHS_κ(μ).
/// Read on E_c, block O of row (κ, c) has the coefficient matrix Σ_{λ ∈ O: D_λ(κ) = 1} N_λ(c) with
///   N_λ(c) = (1/|Stab(λ_O)|) Σ_{g: gλ_O = λ} Ũ_g† E_c Ũ_g   (Re Tr(E_c Ũ τ Ũ†) = Re Tr(Ũ† E_c Ũ τ)).
/// These rows are dependent (the left side is G-covariant); IndependentRows keeps a maximal independent subset
/// and checks that the dropped rows' right-hand sides agree (they do for symmetric data). μ* is unchanged.
/// The dual y of the reduced problem (zero on the dropped rows) gives a functional F that is nonnegative on the
/// G-symmetric LHS assemblages only; its group average F̄_{a|x} = (1/|G|) Σ_g U_g† F_{π_g(a)|x} U_g satisfies
/// β_F̄(σ) = avg_g β_F(g·σ) ≥ 0 on every LHS assemblage and β_F̄ = β_F on the (symmetric) data.
module LhsModel =

    let private strategies (s: Scenario) : int[][][] =
        let perParty j =
            let rec fill x =
                if x = s.Settings[j] then [ [] ]
                else [ for o in 0 .. s.Outcomes[j] - 1 do for rest in fill (x + 1) -> o :: rest ]
            fill 0 |> List.map List.toArray
        let rec product j =
            if j = s.Settings.Length then [ [] ]
            else [ for l in perParty j do for rest in product (j + 1) -> l :: rest ]
        product 0 |> List.map List.toArray |> List.toArray

    let private deterministic (key: PartyTerm list) (lambda: int[][]) =
        key |> List.mapi (fun j t -> match t with Marginal -> true | Event(x, a) -> lambda[j][x] = a) |> List.forall id

    /// The events (party, setting, outcome) of a key.
    let private events (key: PartyTerm list) =
        key |> List.mapi (fun j t -> match t with Marginal -> None | Event(x, a) -> Some(j, x, a)) |> List.choose id |> List.toArray

    let private entryOf (block: int) (c: HermitianComponent) (scale: float) =
        match c with
        | Diagonal k -> SdpEntry(block, k, k, scale)
        | RealPart(k, l) -> SdpEntry(block, k, l, scale)
        | ImagPart(k, l) -> SdpEntry(block, k, l, 0.0, scale)

    /// Entry coordinates of a Hermitian r×r matrix, in HermitianBasis.components order: A_kk, then (Re A_kl, Im A_kl)
    /// for k < l. A row's coefficient matrix A enters SdpEntry(block, k, l, Re A_kl, Im A_kl) with these numbers.
    let private entryCoordinates (components: HermitianComponent[]) (m: Matrix<Complex>) =
        components
        |> Array.map (fun c ->
            match c with
            | Diagonal k -> m[k, k].Real
            | RealPart(k, l) -> m[k, l].Real
            | ImagPart(k, l) -> m[k, l].Imaginary)

    /// The equality rows of the reduced problem (doc comment above): per (key, component) the row vector over the
    /// orbit blocks' entry coordinates and μ, and its right-hand side.
    let private reducedRows (cancellation: CancellationToken) (orbits: StrategyOrbits) (lambdas: int[][][]) (keys: PartyTerm list[]) (components: HermitianComponent[])
                            (r: int) (target: PartyTerm list -> Matrix<Complex> * Matrix<Complex>) =
        let nc = components.Length
        let width = orbits.Representatives.Length * nc + 1
        // M_g(c) = entry coordinates of Ũ_g† E_c Ũ_g.
        let conjugated =
            orbits.RangeUnitaries
            |> Array.map (fun u ->
                components |> Array.map (fun c -> entryCoordinates components (u.ConjugateTranspose() * HermitianBasis.element r c * u)))
        let n =
            lambdas
            |> Array.mapi (fun l _ ->
                if l % 1024 = 0 then cancellation.ThrowIfCancellationRequested()
                let scale = 1.0 / float orbits.Stabiliser[orbits.OrbitOf[l]]
                Array.init nc (fun c ->
                    let sum = Array.zeroCreate nc
                    for h in orbits.Lift[l] do
                        let m = conjugated[h][c]
                        for t in 0 .. nc - 1 do
                            sum[t] <- sum[t] + scale * m[t]
                    sum))
        seq {
            for key in keys do
                cancellation.ThrowIfCancellationRequested()
                let target0, target1 = target key
                let ev = events key
                let rows = Array.init nc (fun _ -> Array.zeroCreate<float> width)
                for l in 0 .. lambdas.Length - 1 do
                    let lam = lambdas[l]
                    if ev |> Array.forall (fun (j, x, a) -> lam[j][x] = a) then
                        let offset = orbits.OrbitOf[l] * nc
                        for c in 0 .. nc - 1 do
                            let row = rows[c]
                            let add = n[l][c]
                            for t in 0 .. nc - 1 do
                                row[offset + t] <- row[offset + t] + add[t]
                for c in 0 .. nc - 1 do
                    rows[c][width - 1] <- HermitianBasis.coordinate components[c] target0 - HermitianBasis.coordinate components[c] target1
                    yield rows[c], HermitianBasis.coordinate components[c] target0
        }

    /// The SDP row of a reduced row vector: per orbit block the Hermitian coefficient matrix from its entry
    /// coordinates (Re and Im of one position go into one entry), and the μ slope.
    let private rowMatrix (orbitCount: int) (components: HermitianComponent[]) (row: float array) =
        let nc = components.Length
        let largest = row |> Array.fold (fun m v -> max m (abs v)) 0.0
        // Round-off from the products Ũ† E Ũ: far below any real coefficient (those are sums of ±|Ũ_ij|² terms).
        let clean v = if abs v > 1e-14 * largest then v else 0.0
        let entries =
            [ for o in 0 .. orbitCount - 1 do
                  let value (c: int) = clean row[o * nc + c]
                  for c in 0 .. nc - 1 do
                      match components[c] with
                      | Diagonal k -> if value c <> 0.0 then yield SdpEntry(o, k, k, value c)
                      | RealPart(k, l) ->
                          // components lists ImagPart(k, l) right after RealPart(k, l).
                          let re, im = value c, value (c + 1)
                          if re <> 0.0 || im <> 0.0 then yield SdpEntry(o, k, l, re, im)
                      | ImagPart _ -> ()
              if row[row.Length - 1] <> 0.0 then yield SdpEntry(orbitCount, 0, 0, row[row.Length - 1]) ]
        SdpMatrix(ResizeArray entries)

    /// The reduced problem, or None when the group merges no strategies or the dropped rows are inconsistent.
    let private tryReduced (cancellation: CancellationToken) (s: Scenario) (group: DataSymmetry array) (v: Matrix<Complex>) (lambdas: int[][][]) (keys: PartyTerm list[])
                           (target: PartyTerm list -> Matrix<Complex> * Matrix<Complex>) (cap: float) =
        if group.Length <= 1 then None
        else
            let r = v.ColumnCount
            let orbits = StrategyOrbits.compute cancellation s group v lambdas
            if orbits.Representatives.Length = lambdas.Length then None
            else
                let components = HermitianBasis.components r
                let rows = reducedRows cancellation orbits lambdas keys components r target |> Seq.toArray
                match IndependentRows.selectCancellable cancellation rows with
                | None -> None
                | Some kept ->
                    let orbitCount = orbits.Representatives.Length
                    let muBlock = orbitCount
                    let chosen =
                        kept |> Array.mapi (fun n i ->
                            if n % 256 = 0 then cancellation.ThrowIfCancellationRequested()
                            let row, rhs = rows[i] in rowMatrix orbitCount components row, rhs)
                    let capRow = SdpMatrix([| SdpEntry(muBlock, 0, 0, 1.0); SdpEntry(muBlock, 1, 1, 1.0) |]), cap
                    let all = Array.append chosen [| capRow |]
                    let shapes = Array.append [| for _ in 1 .. orbitCount -> SdpBlock.Hermitian r |] [| SdpBlock.Nonnegative 2 |]
                    let problem =
                        SdpProblem(shapes, SdpMatrix([| SdpEntry(muBlock, 0, 0, 1.0) |]), Array.map fst all, Array.map snd all)
                    Some(orbits, kept, problem)

    /// The problem of the doc comment; reduced by `group` (symmetries common to σ(1) and σ(0), identity first)
    /// when it merges strategies, else one block per strategy.
    /// (`cancellation` is checked inside the loops over strategies and keys, so that Ctrl-C stops a large build within
    /// about a second: OperationCanceledException.)
    let internal build (cancellation: CancellationToken) (options: RelaxationOptions) (data1: AssemblageData) (data0: AssemblageData) (cap: float) (group: DataSymmetry array) : LhsStructure =
        if not (AssemblageData.sameShape data1 data0) then
            invalidArg "noise" "σ(1) and σ(0) must have the same shape (parties, settings, outcomes, trusted dimension)."
        if not (cap > 0.0) then invalidArg "cap" (sprintf "The visibility cap must be positive, got %g." cap)
        let s = data1.Scenario
        let k = s.Settings.Length
        let allMarginal = List.replicate k Marginal
        let rhoA = AssemblageData.collinsGisin data1 allMarginal + AssemblageData.collinsGisin data0 allMarginal
        let v = (FacialReduction.support options.SupportTolerance rhoA).Range
        let r = v.ColumnCount
        if r = 0 then invalidArg "assemblage" "The trusted marginal is zero: there is nothing to model."
        let lambdas = strategies s
        let keys = CollinsGisin.keys s
        let components = HermitianBasis.components r
        let reduce (m: Matrix<Complex>) = v.ConjugateTranspose() * m * v
        let target key = reduce (AssemblageData.collinsGisin data0 key), reduce (AssemblageData.collinsGisin data1 key)
        cancellation.ThrowIfCancellationRequested()
        match tryReduced cancellation s group v lambdas keys target cap with
        | Some(orbits, kept, problem) ->
            { Data1 = data1; Data0 = data0; Range = v; Strategies = lambdas; Keys = keys; Orbits = Some orbits
              Rows = kept; Problem = problem; Cap = cap }
        | None ->
        let muBlock = lambdas.Length
        let shapes = Array.append [| for _ in lambdas -> SdpBlock.Hermitian r |] [| SdpBlock.Nonnegative 2 |]
        let rows =
            [| for key in keys do
                   cancellation.ThrowIfCancellationRequested()
                   let target0, target1 = target key
                   for c in components ->
                       let entries =
                           [ for l in 0 .. lambdas.Length - 1 do
                                 if deterministic key lambdas[l] then yield entryOf l c 1.0
                             let slope = HermitianBasis.coordinate c target0 - HermitianBasis.coordinate c target1
                             if slope <> 0.0 then yield SdpEntry(muBlock, 0, 0, slope) ]
                       SdpMatrix(ResizeArray entries), HermitianBasis.coordinate c target0 |]
        let capRow = SdpMatrix([| SdpEntry(muBlock, 0, 0, 1.0); SdpEntry(muBlock, 1, 1, 1.0) |]), cap
        let all = Array.append rows [| capRow |]
        let problem =
            SdpProblem(shapes, SdpMatrix([| SdpEntry(muBlock, 0, 0, 1.0) |]), Array.map fst all, Array.map snd all)
        { Data1 = data1; Data0 = data0; Range = v; Strategies = lambdas; Keys = keys; Orbits = None
          Rows = Array.init rows.Length id; Problem = problem; Cap = cap }

    /// F_{a|x} = V (Σ_{κ read from (a,x)} Y_κ) V† with Y_κ = Σ_c y_{κ,c} E_c: β(σ) = Σ Tr[F_{a|x} σ_{a|x}]; for the
    /// reduced problem y is zero on the dropped rows and F is then averaged over the group (doc comment above).
    let internal functional (st: LhsStructure) (y: float[]) : Matrix<Complex>[] =
        let r = st.Range.ColumnCount
        let nc = r * r
        let full = Array.zeroCreate (st.Keys.Length * nc)
        st.Rows |> Array.iteri (fun i row -> full[row] <- y[i])
        let ys = st.Keys |> Array.mapi (fun i _ -> HermitianBasis.ofCoordinates r full[i * nc .. i * nc + nc - 1])
        let f =
            st.Data1.Tuples
            |> Array.map (fun (a, x) ->
                let mutable f = Matrix<Complex>.Build.Dense(r, r)
                st.Keys |> Array.iteri (fun i key -> if CollinsGisin.reads key a x then f <- f + ys[i])
                st.Range * f * st.Range.ConjugateTranspose())
        match st.Orbits with
        | None -> f
        | Some orbits ->
            let tupleKey (a: int[]) (x: int[]) = String.Join(",", a) + "|" + String.Join(",", x)
            let index = Collections.Generic.Dictionary<string, int>()
            st.Data1.Tuples |> Array.iteri (fun t (a, x) -> index[tupleKey a x] <- t)
            let order = Complex(float orbits.Group.Length, 0.0)
            st.Data1.Tuples
            |> Array.map (fun (a, x) ->
                let mutable sum = Matrix<Complex>.Build.Dense(st.Range.RowCount, st.Range.RowCount)
                for g in orbits.Group do
                    let u = Matrix<Complex>.Build.DenseOfArray(g.Unitary)
                    let image = a |> Array.mapi (fun j aj -> let perm = g.Relabel[j][x[j]] in perm[aj])
                    sum <- sum + u.ConjugateTranspose() * f[index[tupleKey image x]] * u
                sum / order)

    /// The hidden states V τ_λ V† of an LHS model read from the primal X, one per strategy (empty when X is not
    /// reported); for the reduced problem τ_λ is lifted from its orbit's block.
    let internal hiddenStates (st: LhsStructure) (x: Collections.Generic.IReadOnlyList<SdpBlockValue>) : Matrix<Complex>[] =
        let blocks = st.Problem.Blocks.Count - 1
        if x.Count < blocks then [||]
        else
            let states = Array.init blocks (fun b -> HermitianBasis.ofBlockValue x[b])
            let perStrategy =
                match st.Orbits with
                | None -> states
                | Some orbits -> StrategyOrbits.lift orbits states
            perStrategy |> Array.map (fun t -> st.Range * t * st.Range.ConjugateTranspose())
