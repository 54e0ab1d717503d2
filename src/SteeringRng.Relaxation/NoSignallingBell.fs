namespace SteeringRng.Relaxation

open System.Collections.Generic
open System.Numerics
open SteeringRng.Algebra
open SteeringRng.Sdp

/// The no-signalling bound of a Bell expression (no trusted node): a linear program over correlations
/// in the Collins–Gisin parametrisation. The variables are the Collins–Gisin moments
///   w_S = p(a_S | x_S)   for every nonempty set S of parties, one setting x_j and one non-last outcome a_j per j ∈ S,
/// i.e. the words with at most one generator per party. Marginals are variables of their own, so no-signalling
/// holds by construction and no equality constraint is needed. Positivity of every full probability
///   p(a_1 … a_N | x_1 … x_N) = Π_j P_j(a_j|x_j),   P_j(a|x) = B_{a|x} (a < n−1)  or  1 − Σ_{b<n−1} B_{b|x} (a = n−1),
/// expanded into the w_S, is one diagonal entry of a single Nonnegative block (moment form, free variables):
///   max Σ_S c_S w_S   s.t.   p(a|x)(w) ≥ 0 for all (a, x).
[<RequireQualifiedAccess>]
module internal NoSignallingBell =

    /// Whether a word is a Collins–Gisin moment: at most one letter per party (letters are party-sorted).
    let private isCollinsGisin (w: Word) =
        let mutable ok = true
        for i in 1 .. w.Length - 1 do
            if Letter.party w[i] = Letter.party w[i - 1] then ok <- false
        ok

    /// One party's factor P_j(a|x) as (generator letter or none = identity, coefficient) terms.
    let private factor (party: int) (setting: int) (outcome: int) (outcomes: int) =
        if outcome < outcomes - 1 then [ ValueSome(Letter.make party setting outcome), 1.0 ]
        else (ValueNone, 1.0) :: [ for b in 0 .. outcomes - 2 -> ValueSome(Letter.make party setting b), -1.0 ]

    /// Every full event (x_j, a_j)_j of the scenario: one (setting, outcome) per party.
    let private events (scenario: Scenario) =
        let perParty =
            [ for j in 0 .. scenario.PartyCount - 1 ->
                  let n = scenario.Party(j).Outcomes
                  [ for x in 0 .. n.Length - 1 do
                        for a in 0 .. n[x] - 1 -> struct (j, x, a, n[x]) ] ]
        List.foldBack (fun choices tails -> [ for c in choices do for t in tails -> c :: t ]) perParty [ [] ]

    /// Expands Π_j P_j(a_j|x_j) into (word, coefficient) terms over the Collins–Gisin moments.
    let private expand (event: struct (int * int * int * int) list) =
        let factors = event |> List.map (fun (struct (j, x, a, n)) -> factor j x a n)
        List.foldBack
            (fun terms tails ->
                [ for (letter, c) in terms do
                      for (letters, d) in tails ->
                          (match letter with
                           | ValueSome l -> l :: letters
                           | ValueNone -> letters),
                          c * d ])
            factors
            [ [], 1.0 ]
        |> List.map (fun (letters, c) ->
            let word =
                match letters with
                | [] -> Word.Identity
                | _ -> (Word.ofLetters letters).Value // one letter per party: never the zero operator
            word, c)

    /// Builds the linear program for `expression` (a polynomial in the scenario's Collins–Gisin generators
    /// whose words hold at most one generator per party, with real coefficients).
    let build (scenario: Scenario) (expression: Polynomial) : Relaxation =
        for (w, c) in expression.Coefficients do
            if not (isCollinsGisin w) then
                invalidArg (nameof expression)
                    $"The term ⟨{scenario.FormatWord w}⟩ multiplies two projectors of one party; a no-signalling bound needs products of at most one projector per party."
            if abs c.Imaginary > 1e-12 * (1.0 + c.Magnitude) then
                invalidArg (nameof expression) $"The coefficient of ⟨{scenario.FormatWord w}⟩ is complex ({c}); a Bell expression needs real coefficients."
        let all = events scenario
        let builder = MomentFormBuilder([| SdpBlock.Nonnegative(List.length all) |])
        let symbols = SymbolTable()
        all
        |> List.iteri (fun row event ->
            for (w, c) in expand event do
                if w.IsIdentity then builder.AddConstant(0, row, row, Complex(c, 0.0))
                else builder.AddLinear(symbols.Intern w, 0, row, row, Complex(c, 0.0)))
        builder.EnsureVariables symbols.Count
        let g = Array.zeroCreate symbols.Count
        let mutable offset = 0.0
        for (w, c) in expression.Coefficients do
            if w.IsIdentity then
                offset <- offset + c.Real
            else
                // Every Collins–Gisin word appears in the full probability that has its outcomes (and last outcomes elsewhere).
                match symbols.TryFind w with
                | Some k -> g[k] <- g[k] + c.Real
                | None -> invalidArg (nameof expression) $"The term ⟨{scenario.FormatWord w}⟩ is not a moment of this scenario."
        let variables =
            Array.init symbols.Count (fun k -> VariableRole.MomentEntry([||], symbols.Word k, 0, 0, ValuePart.Real))
        let expressions = Dictionary<struct (int * Word), MomentExpression>()
        expressions[struct (0, Word.Identity)] <- { Dimension = 1; Constant = array2D [ [ Complex.One ] ]; Terms = [||] }
        for k in 0 .. symbols.Count - 1 do
            expressions[struct (0, symbols.Word k)] <-
                { Dimension = 1; Constant = Array2D.zeroCreate 1 1; Terms = [| struct (k, 0, 0, Complex.One) |] }
        let problem, index = builder.BuildCompact g
        Relaxation(problem, offset, variables, index, scenario, [||], [| [||] |], MomentLookup.ofTable expressions, None, "")
