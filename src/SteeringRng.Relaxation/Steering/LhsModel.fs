namespace SteeringRng.Relaxation.Steering

open System
open System.Numerics
open MathNet.Numerics.LinearAlgebra
open SteeringRng.Sdp

/// The structure of a fully-LHS visibility problem (formulations §5).
type internal LhsStructure =
    { Data1: AssemblageData
      Data0: AssemblageData
      /// Support of ρ_A(σ(0)) + ρ_A(σ(1)): all hidden states live there.
      Range: Matrix<Complex>
      /// Deterministic strategies λ = (λ_1..λ_k), λ_j[x] = outcome of party j at setting x.
      Strategies: int[][][]
      Keys: PartyTerm list[]
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

    let private entryOf (block: int) (c: HermitianComponent) (scale: float) =
        match c with
        | Diagonal k -> SdpEntry(block, k, k, scale)
        | RealPart(k, l) -> SdpEntry(block, k, l, scale)
        | ImagPart(k, l) -> SdpEntry(block, k, l, 0.0, scale)

    let internal build (options: RelaxationOptions) (data1: AssemblageData) (data0: AssemblageData) (cap: float) : LhsStructure =
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
        let muBlock = lambdas.Length
        let shapes = Array.append [| for _ in lambdas -> SdpBlock.Hermitian r |] [| SdpBlock.Nonnegative 2 |]
        let reduce (m: Matrix<Complex>) = v.ConjugateTranspose() * m * v
        let rows =
            [| for key in keys do
                   let target0 = reduce (AssemblageData.collinsGisin data0 key)
                   let target1 = reduce (AssemblageData.collinsGisin data1 key)
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
        { Data1 = data1; Data0 = data0; Range = v; Strategies = lambdas; Keys = keys; Problem = problem; Cap = cap }

    /// F_{a|x} = V (Σ_{κ read from (a,x)} Y_κ) V† with Y_κ = Σ_c y_{κ,c} E_c: β(σ) = Σ Tr[F_{a|x} σ_{a|x}].
    let internal functional (st: LhsStructure) (y: float[]) : Matrix<Complex>[] =
        let r = st.Range.ColumnCount
        let nc = r * r
        let ys = st.Keys |> Array.mapi (fun i _ -> HermitianBasis.ofCoordinates r y[i * nc .. i * nc + nc - 1])
        st.Data1.Tuples
        |> Array.map (fun (a, x) ->
            let mutable f = Matrix<Complex>.Build.Dense(r, r)
            st.Keys |> Array.iteri (fun i key -> if CollinsGisin.reads key a x then f <- f + ys[i])
            st.Range * f * st.Range.ConjugateTranspose())

    /// The hidden states V τ_λ V† of an LHS model read from the primal X (empty when X is not reported).
    let internal hiddenStates (st: LhsStructure) (x: Collections.Generic.IReadOnlyList<SdpBlockValue>) : Matrix<Complex>[] =
        if x.Count < st.Strategies.Length then [||]
        else Array.init st.Strategies.Length (fun l -> st.Range * HermitianBasis.ofBlockValue x[l] * st.Range.ConjugateTranspose())
