namespace SteeringRng.Relaxation

open System.Collections.Generic
open System.Numerics
open SteeringRng.Algebra
open SteeringRng.Quantum

/// The data side of a steering relaxation. An assemblage σ_{a|x} (full outcome tuples, all settings) fixes the
/// moments of the "assemblage words": products of at most one Collins–Gisin generator per untrusted party,
///   M(Π_{j∈J} B^j_{b_j|y_j}) = Σ_{a: a_J = b_J} σ_{a|(y_J, x_{−J})},
/// which by no-signalling does not depend on the settings x_{−J} of the other parties (we average over them,
/// so slightly signalling data are projected rather than trusted in one arbitrary setting).
/// Conversely every full-outcome block is a ±1 combination of assemblage-word moments (inclusion–exclusion
/// on B_{n−1|y} = I − Σ_{b<n−1} B_{b|y}).
type internal AssemblageMoments =
    { Scenario: Scenario
      Dimension: int
      /// Assemblage words, shortlex (the identity first).
      Words: Word array
      Index: IReadOnlyDictionary<Word, int>
      /// Observed M^obs(w), one per assemblage word.
      Observed: Complex[,] array
      /// Full-outcome tuples (a, x), in the assemblage's order (settings outer, outcomes inner).
      Tuples: struct (int array * int array) array
      /// σ_{a|x} = Σ coeff · M(word) for each tuple: (word index, coefficient).
      Expansion: struct (int * float) array array
      /// Observed σ_{a|x} for each tuple.
      Blocks: Complex[,] array }

module internal AssemblageMoments =

    /// Party names B, C, D, … for k untrusted parties (A is the trusted node).
    let defaultNames (k: int) = Array.init k (fun j -> string (char (int 'B' + j)))

    /// The scenario of an assemblage: party j has Settings[j] settings with Outcomes[j] outcomes each.
    let scenarioOf (names: string array) (a: Assemblage) =
        if names.Length <> a.PartyCount then
            invalidArg (nameof names) $"Give {a.PartyCount} party names, one per untrusted party (got {names.Length})."
        Scenario([ for j in 0 .. a.PartyCount - 1 -> Party.uniform names[j] a.Settings[j] a.Outcomes[j] ])

    /// Σ over outcome choices of Π_j P^j_{a_j|x_j} for the listed (party, setting, outcome) factors, expanded
    /// into assemblage words: each last outcome contributes I − Σ_{b<n−1} B_{b|y}.
    let expandProduct (scenario: Scenario) (factors: (int * int * int) list) : (Word * float) list =
        let optionsOf (party, setting, outcome) =
            let n = (scenario.Party party).Outcomes[setting]
            if outcome < n - 1 then [ [ Letter.make party setting outcome ], 1.0 ]
            else ([], 1.0) :: [ for b in 0 .. n - 2 -> [ Letter.make party setting b ], -1.0 ]
        factors
        |> List.fold
            (fun acc f ->
                [ for (letters, c) in acc do
                      for (l, c') in optionsOf f -> letters @ l, c * c' ])
            [ [], 1.0 ]
        |> List.map (fun (letters, c) ->
            match Word.ofLetters letters with
            | ValueSome w -> w, c
            | ValueNone -> invalidOp "A product of projectors of different parties cannot vanish.")

    let private addScaled (target: Complex[,]) (c: float) (m: Complex[,]) =
        for i in 0 .. Array2D.length1 m - 1 do
            for j in 0 .. Array2D.length2 m - 1 do
                target[i, j] <- target[i, j] + Complex(c, 0.0) * m[i, j]

    /// All tuples t with t[j] ∈ [0, radix[j]) and t[j] = fixed[j] where fixed[j] ≥ 0.
    let private tuples (radix: int array) (fixedAt: int array) =
        let rec go j =
            if j = radix.Length then
                [ [] ]
            else
                let rest = go (j + 1)
                let choices = if fixedAt[j] >= 0 then [ fixedAt[j] ] else [ 0 .. radix[j] - 1 ]
                [ for c in choices do
                      for r in rest -> c :: r ]
        go 0 |> List.map List.toArray

    let build (scenario: Scenario) (a: Assemblage) : AssemblageMoments =
        let k = a.PartyCount
        let d = a.TrustedDimension
        let settings = Array.init k (fun j -> a.Settings[j])
        let outcomes = Array.init k (fun j -> a.Outcomes[j])
        let blockOf = Dictionary<struct (string * string), Complex[,]>()
        let key (o: int array) (x: int array) = struct (System.String.Join(",", o), System.String.Join(",", x))
        let allTuples =
            [| for x in a.SettingTuples() do
                   for o in a.OutcomeTuples() -> struct (o, x) |]
        let blocks = allTuples |> Array.map (fun (struct (o, x)) -> a[o, x])
        allTuples |> Array.iteri (fun i (struct (o, x)) -> blockOf[key o x] <- blocks[i])
        // Assemblage words: per party "absent" or one generator (y, b < n−1).
        let perParty =
            [ for j in 0 .. k - 1 ->
                  None :: [ for y in 0 .. settings[j] - 1 do
                                for b in 0 .. outcomes[j] - 2 -> Some(y, b) ] ]
        let choices =
            perParty |> List.fold (fun acc opts -> [ for c in acc do for o in opts -> c @ [ o ] ]) [ [] ]
        let words =
            choices
            |> List.map (fun ch ->
                let letters = ch |> List.mapi (fun j o -> o |> Option.map (fun (y, b) -> Letter.make j y b)) |> List.choose id
                (Word.ofLetters letters).Value, ch)
            |> List.sortBy fst
        let observed =
            words
            |> List.map (fun (_, ch) ->
                let chosen = List.toArray ch
                let fixedX = chosen |> Array.map (function Some(y, _) -> y | None -> -1)
                let fixedA = chosen |> Array.map (function Some(_, b) -> b | None -> -1)
                let xs = tuples settings fixedX
                let m = Array2D.zeroCreate d d
                for x in xs do
                    for o in tuples outcomes fixedA do
                        addScaled m (1.0 / float xs.Length) blockOf[key o x]
                m)
            |> List.toArray
        let wordArray = words |> List.map fst |> List.toArray
        let index = Dictionary<Word, int>()
        wordArray |> Array.iteri (fun i w -> index[w] <- i)
        let expansion =
            allTuples
            |> Array.map (fun (struct (o, x)) ->
                expandProduct scenario [ for j in 0 .. k - 1 -> j, x[j], o[j] ]
                |> List.map (fun (w, c) -> struct (index[w], c))
                |> List.toArray)
        { Scenario = scenario
          Dimension = d
          Words = wordArray
          Index = index
          Observed = observed
          Tuples = allTuples
          Expansion = expansion
          Blocks = blocks }
