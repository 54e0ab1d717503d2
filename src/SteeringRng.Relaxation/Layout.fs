namespace SteeringRng.Relaxation

open System
open SteeringRng.Algebra

/// Human-readable layouts of generating sets and moment matrices (strings only; the host prints them).
[<RequireQualifiedAccess>]
module Layout =

    /// One word per line, numbered: "  0  1", "  1  B0|0", …
    let monomials (scenario: Scenario) (words: Word seq) : string =
        words
        |> Seq.mapi (fun i w -> $"{i,4}  {scenario.FormatWord w}")
        |> String.concat Environment.NewLine

    /// The moment matrix as a grid of words u†v ("0" for vanishing products), rows and columns labelled
    /// by the generating set; columns are padded to a common width and separated by two spaces
    /// (letters themselves contain '|' and single spaces).
    let momentMatrix (scenario: Scenario) (moments: MomentMatrix) : string =
        let n = moments.Size
        let label i = scenario.FormatWord moments.Words[i]
        let cell i j =
            match moments.Entry(i, j) with
            | ValueSome w -> scenario.FormatWord w
            | ValueNone -> "0"
        let cells = Array2D.init (n + 1) (n + 1) (fun r c ->
            match r, c with
            | 0, 0 -> ""
            | 0, c -> label (c - 1)
            | r, 0 -> label (r - 1)
            | r, c -> cell (r - 1) (c - 1))
        let width = Array.init (n + 1) (fun c -> Seq.max (seq { for r in 0 .. n -> cells[r, c].Length }))
        [ for r in 0 .. n ->
              [ for c in 0 .. n -> cells[r, c].PadRight width[c] ] |> String.concat "  " |> fun s -> s.TrimEnd() ]
        |> String.concat Environment.NewLine
