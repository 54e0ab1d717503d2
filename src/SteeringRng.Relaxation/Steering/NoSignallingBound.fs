namespace SteeringRng.Relaxation.Steering

open System
open System.Numerics
open MathNet.Numerics.LinearAlgebra
open SteeringRng.Sdp

/// Which outcomes Eve guesses: the untrusted parties S (distinct, 0-based) and their settings x*_S.
type Guess = { Parties: int[]; Settings: int[] }

/// What one free variable of the NS relaxation means: direction `Direction` of the (facially reduced)
/// space of Collins–Gisin blocks of Eve's sub-assemblage for the guess tuple `GuessTuple` (outcomes of the
/// guessed parties). Without reduction the directions are the coordinates themselves: `Key` and `Entry` say
/// which Collins–Gisin block and which Hermitian coordinate.
type NsVariable =
    { GuessTuple: int[]
      Direction: int
      Key: PartyTerm list option
      Entry: HermitianComponent option }

    /// A readable label, e.g. "γ=(0,1) σ[0 x=0 a=0, 1 ·] Re(0,1)" (party, setting, outcome; · = marginal),
    /// or "γ=(0,1) direction 3" after facial reduction.
    member v.Label =
        let gamma = sprintf "γ=(%s)" (v.GuessTuple |> Array.map string |> String.concat ",")
        match v.Key, v.Entry with
        | Some key, Some entry ->
            let party j t =
                match t with
                | Marginal -> sprintf "%d ·" j
                | Event(x, a) -> sprintf "%d x=%d a=%d" j x a
            let entry =
                match entry with
                | Diagonal k -> sprintf "(%d,%d)" k k
                | RealPart(k, l) -> sprintf "Re(%d,%d)" k l
                | ImagPart(k, l) -> sprintf "Im(%d,%d)" k l
            sprintf "%s σ[%s] %s" gamma (key |> List.mapi party |> String.concat ", ") entry
        | _ -> sprintf "%s direction %d" gamma v.Direction

/// The data-independent part of the NS relaxation (it depends on the data only through block supports).
type internal NsStructure =
    { Data: AssemblageData
      Guess: Guess
      GuessTuples: int[][]
      Supports: Support[]
      /// SDP block of (guess tuple γ, full tuple t), −1 when the observed block is zero.
      BlockIds: int[,]
      /// Columns: the directions of one sub-assemblage in raw Collins–Gisin coordinates.
      Basis: Matrix<float>
      Reduced: bool
      /// FullBlocks[i][t] = S_i(a,x) for direction i and full tuple t.
      FullBlocks: Matrix<Complex>[][]
      Problem: SdpProblem
      Offset: float
      Variables: NsVariable[] }

/// The no-signalling bound P_g^NS (docs/formulations/no-signalling.md) for any guessed subset of k ≥ 1 untrusted parties:
///
///   P_g^NS = max Σ_γ Tr[marginal on S of σ^γ at outcomes γ, settings x*_S]
///     s.t.   Σ_γ σ^γ_{a|x} = σ^obs_{a|x},  σ^γ_{a|x} ⪰ 0,  each σ^γ no-signalling.
///
/// Each σ^γ except the last is parametrised by its Collins–Gisin blocks (no-signalling by construction, no
/// equality constraints at all); the last is σ^obs − Σ_{others}, so the data enter only the constant F0 of
/// the moment form  max gᵀw + offset  s.t.  F0 − Σ_i w_i F_i ⪰ 0.
module NoSignallingBound =

    let private validateGuess (s: Scenario) (g: Guess) =
        let k = s.Settings.Length
        if g.Parties.Length = 0 then invalidArg "guess" "Guess at least one untrusted party."
        if g.Parties.Length <> g.Settings.Length then
            invalidArg "guess" (sprintf "Give one setting per guessed party: %d parties, %d settings." g.Parties.Length g.Settings.Length)
        if Array.distinct g.Parties |> Array.length <> g.Parties.Length then invalidArg "guess" "A guessed party is listed twice."
        for i in 0 .. g.Parties.Length - 1 do
            let j = g.Parties[i]
            if j < 0 || j >= k then invalidArg "guess" (sprintf "Guessed party %d does not exist: there are %d untrusted parties (0..%d)." j k (k - 1))
            if g.Settings[i] < 0 || g.Settings[i] >= s.Settings[j] then
                invalidArg "guess" (sprintf "Party %d has settings 0..%d; the guessed setting %d does not exist." j (s.Settings[j] - 1) g.Settings[i])

    let private guessTuples (s: Scenario) (g: Guess) : int[][] =
        let rec product i =
            if i = g.Parties.Length then [ [] ]
            else [ for o in 0 .. s.Outcomes[g.Parties[i]] - 1 do for rest in product (i + 1) -> o :: rest ]
        product 0 |> List.map List.toArray |> List.toArray

    /// The marginal on S at outcomes γ and settings x*_S (other parties summed out).
    let private guessChoices (s: Scenario) (g: Guess) (gamma: int[]) : PartyChoice[] =
        Array.init s.Settings.Length (fun j ->
            match Array.tryFindIndex ((=) j) g.Parties with
            | Some i -> Outcome(g.Settings[i], gamma[i])
            | None -> SummedOut)

    /// Raw coordinates u (Collins–Gisin block κ, Hermitian component c at κ·d² + c) → the block of a choice.
    let private blockOf (data: AssemblageData) (index: Collections.Generic.IReadOnlyDictionary<PartyTerm list, int>) (choices: PartyChoice[]) (u: float[]) =
        let d = data.Dimension
        let nc = d * d
        let mutable m = Matrix<Complex>.Build.Dense(d, d)
        for (key, coef) in CollinsGisin.expand data.Scenario choices do
            let k = index[key]
            m <- m + HermitianBasis.ofCoordinates d u[k * nc .. k * nc + nc - 1] * Complex(coef, 0.0)
        m

    /// Rows W† σ(u)_{a|x} = 0 (real and imaginary parts) for every block with a nonzero kernel.
    let private supportConstraints (data: AssemblageData) index (supports: Support[]) (rawCount: int) : Matrix<float> =
        let rows = Collections.Generic.List<float[]>()
        let columns =
            Array.init rawCount (fun i ->
                let u = Array.zeroCreate rawCount
                u[i] <- 1.0
                u)
        data.Tuples
        |> Array.iteri (fun t (a, x) ->
            let w = supports[t].Kernel
            if w.ColumnCount > 0 then
                let images = columns |> Array.map (fun u -> w.ConjugateTranspose() * blockOf data index (CollinsGisin.full a x) u)
                for r in 0 .. w.ColumnCount - 1 do
                    for c in 0 .. data.Dimension - 1 do
                        rows.Add(images |> Array.map (fun m -> m[r, c].Real))
                        rows.Add(images |> Array.map (fun m -> m[r, c].Imaginary)))
        if rows.Count = 0 then Matrix<float>.Build.Dense(0, rawCount)
        else Matrix<float>.Build.DenseOfRowArrays rows

    /// F0: the observed blocks V† σ^obs_{a|x} V, in the blocks of the last guess tuple.
    let private f0Of (supports: Support[]) (blockIds: int[,]) (data: AssemblageData) : SdpMatrix =
        let last = Array2D.length1 blockIds - 1
        let entries =
            [ for t in 0 .. data.Tuples.Length - 1 do
                  let v = supports[t].Range
                  if v.ColumnCount > 0 then
                      yield! HermitianBasis.toEntries blockIds[last, t] 0.0 (v.ConjugateTranspose() * data.Blocks[t] * v) ]
        SdpMatrix(ResizeArray entries)

    let private offsetOf (data: AssemblageData) (g: Guess) (gammaLast: int[]) =
        (AssemblageData.marginal data (guessChoices data.Scenario g gammaLast)).Trace().Real

    /// Builds the relaxation for the data (with facial reduction onto the supports of its blocks).
    let internal build (options: RelaxationOptions) (data: AssemblageData) (guess: Guess) : NsStructure =
        let s = data.Scenario
        validateGuess s guess
        let d = data.Dimension
        let nc = d * d
        let keys = CollinsGisin.keys s
        let index = CollinsGisin.indexOf s
        let rawCount = keys.Length * nc
        let supports = data.Blocks |> Array.map (FacialReduction.support options.SupportTolerance)
        let reduced = supports |> Array.exists (fun sp -> sp.Kernel.ColumnCount > 0)
        let basis =
            if reduced then FacialReduction.nullSpace 1e-10 (supportConstraints data index supports rawCount)
            else Matrix<float>.Build.DenseIdentity rawCount
        let nr = basis.ColumnCount
        let fullBlocks =
            Array.init nr (fun i ->
                let u = basis.Column(i).ToArray()
                data.Tuples |> Array.map (fun (a, x) -> blockOf data index (CollinsGisin.full a x) u))
        let gammas = guessTuples s guess
        let ng = gammas.Length
        let last = ng - 1
        // One Hermitian block per (γ, full tuple) with a nonzero support, of the size of that support.
        let blockIds = Array2D.create ng data.Tuples.Length -1
        let shapes = ResizeArray<SdpBlock>()
        for g in 0 .. ng - 1 do
            for t in 0 .. data.Tuples.Length - 1 do
                if supports[t].Rank > 0 then
                    blockIds[g, t] <- shapes.Count
                    shapes.Add(SdpBlock.Hermitian supports[t].Rank)
        // Reduced direction blocks R_i(a,x) = V† S_i(a,x) V.
        let reducedBlocks =
            fullBlocks |> Array.map (Array.mapi (fun t m -> let v = supports[t].Range in v.ConjugateTranspose() * m * v))
        let drop = 1e-14
        // σ^γ block = Σ_i w_{γ,i} R_i needs F_{γ,i} = −R_i there; the last block F0 − Σ … gets +R_i.
        let f =
            [| for g in 0 .. last - 1 do
                   for i in 0 .. nr - 1 ->
                       let entries =
                           [ for t in 0 .. data.Tuples.Length - 1 do
                                 if supports[t].Rank > 0 then
                                     let r = reducedBlocks[i][t]
                                     yield! HermitianBasis.toEntries blockIds[g, t] drop (-r)
                                     yield! HermitianBasis.toEntries blockIds[last, t] drop r ]
                       SdpMatrix(ResizeArray entries) |]
        // Objective: Σ_γ Tr marg_γ(σ^γ) = offset + Σ_{γ≠last} Σ_i w_{γ,i} (c^γ_i − c^last_i), c^γ_i = Tr marg_γ(S_i).
        let traceOfMarginal (gamma: int[]) i =
            (blockOf data index (guessChoices s guess gamma) (basis.Column(i).ToArray())).Trace().Real
        let cLast = Array.init nr (traceOfMarginal gammas[last])
        let objective = [| for g in 0 .. last - 1 do for i in 0 .. nr - 1 -> traceOfMarginal gammas[g] i - cLast[i] |]
        let components = HermitianBasis.components d
        let variables =
            [| for g in 0 .. last - 1 do
                   for i in 0 .. nr - 1 ->
                       { GuessTuple = gammas[g]
                         Direction = i
                         Key = if reduced then None else Some keys[i / nc]
                         Entry = if reduced then None else Some components[i % nc] } |]
        { Data = data; Guess = guess; GuessTuples = gammas; Supports = supports; BlockIds = blockIds; Basis = basis; Reduced = reduced
          FullBlocks = fullBlocks
          Problem = SdpProblem.FromMomentForm(shapes, f0Of supports blockIds data, f, objective)
          Offset = offsetOf data guess gammas[last]
          Variables = variables }

    /// The same relaxation for new data of the same shape: only F0 (and the objective offset) change when
    /// every block keeps its support; otherwise the relaxation is rebuilt for the new supports.
    let internal withData (options: RelaxationOptions) (st: NsStructure) (data: AssemblageData) : NsStructure =
        if not (AssemblageData.sameShape st.Data data) then
            invalidArg "assemblage" "The new assemblage has a different shape (parties, settings, outcomes or trusted dimension)."
        let sameSupports =
            Array.forall2 (FacialReduction.sameSupport options.SupportTolerance) st.Supports data.Blocks
        if not sameSupports then build options data st.Guess
        else
            let problem = st.Problem
            let f0 = f0Of st.Supports st.BlockIds data
            // FromMomentForm stores C = −F0; A and b do not depend on the data.
            let c = SdpMatrix(f0.Entries |> Seq.map (fun e -> SdpEntry(e.Block, e.Row, e.Col, -e.Value, -e.Imag)) |> ResizeArray)
            { st with
                Data = data
                Problem = problem.WithObjective(c)
                Offset = offsetOf data st.Guess st.GuessTuples[st.GuessTuples.Length - 1] }

    /// Eve's sub-assemblages σ^γ_{a|x} recovered from the moment variables w (= the SDP's y).
    let internal subAssemblages (st: NsStructure) (w: float[]) : Matrix<Complex>[][] =
        let nr = st.Basis.ColumnCount
        let ng = st.GuessTuples.Length
        let tuples = st.Data.Tuples.Length
        let own =
            Array.init (ng - 1) (fun g ->
                Array.init tuples (fun t ->
                    let mutable m = Matrix<Complex>.Build.Dense(st.Data.Dimension, st.Data.Dimension)
                    for i in 0 .. nr - 1 do
                        m <- m + st.FullBlocks[i][t] * Complex(w[g * nr + i], 0.0)
                    m))
        let last = Array.init tuples (fun t -> own |> Array.fold (fun (acc: Matrix<Complex>) s -> acc - s[t]) st.Data.Blocks[t])
        Array.append own [| last |]
