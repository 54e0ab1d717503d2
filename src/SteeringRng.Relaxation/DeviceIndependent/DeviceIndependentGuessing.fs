namespace SteeringRng.Relaxation.DeviceIndependent

open System.Collections.Generic
open System.Numerics
open SteeringRng.Algebra
open SteeringRng.Sdp
open SteeringRng.Relaxation
open MathNet.Numerics.LinearAlgebra

/// Eve's guessing probability of untrusted outcomes with no trusted node (docs/formulations/device-independent.md):
///   P_g = max Σ_e ⟨Π_{a_G = e}⟩_e   over sub-normalised correlations, one per guess tuple e of the guessed outcomes,
///   s.t.  Σ_e ⟨I⟩_e = 1,   Σ_e ⟨B_i⟩_e = v_i for every datum i,   and each member in the relaxed set:
///     NPA (generatingSet = Some S): Γ^e(u, v) = ⟨u† v⟩_e over S, Γ^e ⪰ 0 (its (∅, ∅) entry is ⟨I⟩_e, not 1);
///     NS  (generatingSet = None):   every full probability p^e(a|x), expanded in Collins–Gisin moments, ≥ 0.
/// Why this is a bound: a quantum (or no-signalling) attack is a decomposition p = Σ_e p_e with Eve holding e; the
/// p_e are unnormalised quantum (no-signalling) correlations, so their moment matrices are PSD (probabilities ≥ 0).
/// The variables y^e_c (one per guess e and moment class c, identity included) satisfy linear equalities only;
/// AffineElimination writes them as y = y_p + N t and the SDP is solved over t (free) with every block's entries
/// affine in t. Every guess tuple keeps its own block: no reduction of the number of guesses is used.
module internal DeviceIndependentGuessing =

    /// One block's layout, common to every guess: entries (row, col, moment class, coefficient), upper triangle.
    type private Template =
        { Block: SdpBlock
          Entries: struct (int * int * int * float) list }

    /// Γ(u, v) = ⟨u† v⟩ over S: one class per entry, coefficient 1; the identity is a class like any other.
    let private npaTemplate (symbols: SymbolTable) (generatingSet: Word array) =
        let moments = MomentMatrix.Build generatingSet
        { Block = SdpBlock.Psd moments.Size
          Entries = [ for struct (i, j, w) in moments.UpperEntries -> struct (i, j, symbols.Intern w, 1.0) ] }

    /// Every full event (x_j, a_j)_j; its probability Π_j P_j(a_j|x_j) expanded with Scenario.Projector into
    /// Collins–Gisin words (at most one generator per party), one diagonal entry of a Nonnegative block.
    let private nsTemplate (symbols: SymbolTable) (scenario: Scenario) =
        let perParty =
            [ for j in 0 .. scenario.PartyCount - 1 ->
                  let n = scenario.Party(j).Outcomes
                  [ for x in 0 .. n.Length - 1 do
                        for a in 0 .. n[x] - 1 -> scenario.Projector(j, x, a) ] ]
        let events = List.foldBack (fun choices tails -> [ for c in choices do for t in tails -> c * t ]) perParty [ Polynomial.One ]
        { Block = SdpBlock.Nonnegative(List.length events)
          Entries =
            [ for row, p in List.indexed events do
                  for (w, c) in p.Coefficients -> struct (row, row, symbols.Intern w, c.Real) ] }

    /// Σ_w c_w ⟨w⟩ as class coefficients (⟨w⟩ = ⟨w†⟩ real: a Hermitian pair contributes Re c_w + Re c_{w†}).
    let private classCoefficients (scenario: Scenario) (symbols: SymbolTable) (what: string) (p: Polynomial) =
        [ for (w, c) in p.Coefficients ->
              match symbols.TryFind w with
              | Some k -> k, c.Real
              | None ->
                  invalidArg "data"
                      $"{what}: the term ⟨{scenario.FormatWord w}⟩ is not in the moment matrix; use a higher NPA level." ]

    /// Π_j P(a_j = e_j | x_j) over the guessed (party, setting) pairs, for the guess tuple e.
    let private guessedEvent (scenario: Scenario) (guessed: (int * int) array) (e: int array) =
        Array.fold2 (fun acc (party, setting) outcome -> acc * scenario.Projector(party, setting, outcome)) Polynomial.One guessed e

    /// Every outcome tuple of the guessed settings (last party fastest).
    let private guessTuples (scenario: Scenario) (guessed: (int * int) array) =
        guessed
        |> Array.fold
            (fun tuples (party, setting) ->
                [| for t in tuples do
                       for a in 0 .. scenario.Party(party).Outcomes[setting] - 1 -> Array.append t [| a |] |])
            [| [||] |]

    /// The face of a boundary datum (BoundaryFace): the block Vᵀ Γ V (entries Σ_ij V_ip V_jq Γ_ij as class
    /// coefficients) and the equalities Γ W = 0, one row per (i, column of W) over the classes.
    let private faceTemplate (classes: int) (template: Template) (v: Matrix<float>) (w: Matrix<float>) =
        let r = v.ColumnCount
        let n = template.Block.Size
        // Both triangles of Γ: (i, j, class, coefficient).
        let full =
            [| for struct (i, j, c, a) in template.Entries do
                   yield struct (i, j, c, a)
                   if i <> j then yield struct (j, i, c, a) |]
        let block =
            [ for p in 0 .. r - 1 do
                  for q in p .. r - 1 do
                      let coef = Array.zeroCreate classes
                      for struct (i, j, c, a) in full do
                          coef[c] <- coef[c] + a * v[i, p] * v[j, q]
                      for c in 0 .. classes - 1 do
                          if abs coef[c] > 1e-15 then yield struct (p, q, c, coef[c]) ]
        let equalities =
            [| for i in 0 .. n - 1 do
                   for col in 0 .. w.ColumnCount - 1 do
                       let coef = Array.zeroCreate classes
                       for struct (i2, j, c, a) in full do
                           if i2 = i then coef[c] <- coef[c] + a * w[j, col]
                       yield coef |]
        { Block = SdpBlock.Psd r; Entries = block }, equalities

    let build (scenario: Scenario) (guessed: (int * int) array) (data: DeviceIndependentDatum array) (generatingSet: Word array option) : Relaxation =
        if guessed.Length = 0 then invalidArg (nameof guessed) "Guess at least one outcome."
        if guessed |> Array.map fst |> Array.distinct |> Array.length <> guessed.Length then
            invalidArg (nameof guessed) "Guess one setting per party: two settings of one party do not commute."
        let symbols = SymbolTable()
        let identity = symbols.Intern Word.Identity
        let template =
            match generatingSet with
            | Some s -> npaTemplate symbols s
            | None -> nsTemplate symbols scenario
        let tuples = guessTuples scenario guessed
        let classes = symbols.Count
        // Data on the boundary of the NPA set (CHSH = 2√2): restrict every Γ^e to the exposed face (BoundaryFace).
        let face =
            match generatingSet with
            | Some s -> BoundaryFace.find scenario s data |> Option.map (fun (v, w) -> faceTemplate classes template v w)
            | None -> None
        let template, faceRows =
            match face with
            | Some(t, rows) -> t, rows
            | None -> template, [||]
        let n = tuples.Length * classes
        let index g c = g * classes + c
        // The equalities over y: normalisation, then one row per datum.
        let normalisation = Array.zeroCreate n
        for g in 0 .. tuples.Length - 1 do
            normalisation[index g identity] <- 1.0
        let dataRows =
            data
            |> Array.map (fun d ->
                let row = Array.zeroCreate n
                for (c, a) in classCoefficients scenario symbols d.Name d.Expression do
                    for g in 0 .. tuples.Length - 1 do
                        row[index g c] <- row[index g c] + a
                row)
        // Γ^e W = 0 for every guess (only on a boundary face).
        let facePerGuess =
            [| for g in 0 .. tuples.Length - 1 do
                   for coef in faceRows ->
                       let row = Array.zeroCreate n
                       for c in 0 .. classes - 1 do
                           row[index g c] <- coef[c]
                       row |]
        let rows = Array.concat [ [| normalisation |]; dataRows; facePerGuess ]
        let values = Array.concat [ [| 1.0 |]; data |> Array.map (fun d -> d.Value); Array.zeroCreate facePerGuess.Length ]
        let describe i =
            if i = 0 then "Σ_e ⟨I⟩_e = 1"
            elif i <= data.Length then $"{data[i - 1].Name} = {data[i - 1].Value}"
            else "Γ^e W = 0 (the boundary face)"
        // The face is numerical (X to the solver's accuracy): its equalities hold to about that accuracy.
        let rankTolerance, tolerance = if face.IsSome then 1e-6, 1e-6 else 1e-10, 1e-9
        let solutions =
            match AffineElimination.solve n rows values describe rankTolerance tolerance with
            | Ok s -> s
            | Error reason -> invalidArg (nameof data) reason
        // Objective in y: Σ_e ⟨Π_{a_G = e}⟩_e.
        let gy = Array.zeroCreate n
        tuples
        |> Array.iteri (fun g e ->
            for (c, a) in classCoefficients scenario symbols "the guessed event" (guessedEvent scenario guessed e) do
                gy[index g c] <- gy[index g c] + a)
        // Substitute y = y_p + N t into every block and into the objective.
        let r = solutions.Dimension
        let builder = MomentFormBuilder(Array.create tuples.Length template.Block)
        for g in 0 .. tuples.Length - 1 do
            for struct (row, col, c, a) in template.Entries do
                let k = index g c
                builder.AddConstant(g, row, col, Complex(a * solutions.Particular[k], 0.0))
                let nk = solutions.Kernel[k]
                for j in 0 .. r - 1 do
                    if nk[j] <> 0.0 then builder.AddLinear(j, g, row, col, Complex(a * nk[j], 0.0))
        builder.EnsureVariables r
        let gt = Array.init r (fun j -> Array.fold2 (fun acc gk (nk: float[]) -> acc + gk * nk[j]) 0.0 gy solutions.Kernel)
        let offset = Array.fold2 (fun acc gk yk -> acc + gk * yk) 0.0 gy solutions.Particular
        let problem, sdpIndex = builder.BuildCompact gt
        // ⟨w⟩_e read back as y_p + N t (1×1 blocks; the SDP variables are the t_j).
        let expressions = Dictionary<struct (int * Word), MomentExpression>()
        for g in 0 .. tuples.Length - 1 do
            for c in 0 .. classes - 1 do
                let k = index g c
                expressions[struct (g, symbols.Word c)] <-
                    { Dimension = 1
                      Constant = array2D [ [ Complex(solutions.Particular[k], 0.0) ] ]
                      Terms = [| for j in 0 .. r - 1 do if solutions.Kernel[k][j] <> 0.0 then yield struct (j, 0, 0, Complex(solutions.Kernel[k][j], 0.0)) |] }
        let roles = Array.init r (fun j -> VariableRole.SupportCoordinate([||], j))
        let reduction = if face.IsSome then $"{RelaxationReductions.NumericalFacePrefix}: Γ blocks {template.Block.Size} of {(defaultArg generatingSet [||]).Length}" else ""
        Relaxation(problem, offset, roles, sdpIndex, scenario, defaultArg generatingSet [||], tuples,
                   MomentLookup.ofTable expressions, None, reduction)
