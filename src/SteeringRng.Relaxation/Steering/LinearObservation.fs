namespace SteeringRng.Relaxation.Steering

open System
open System.Numerics
open MathNet.Numerics.LinearAlgebra

/// What was measured of an assemblage, as a linear map σ ↦ v ∈ R^m (docs/formulations/measured-probabilities.md):
/// the relaxations then keep only "Σ_e σ^e is a no-signalling assemblage with this v" instead of Σ_e σ^e = σ^obs.
type LinearObservation =
    { /// m, the number of observed numbers.
      Rows: int
      /// What row i is, for messages ("p(a=0|x=1; b=(0,1)|y=(2,0))").
      Describe: int -> string
      /// v(σ) from σ's blocks in assemblage order (WordCoordinates.Tuples); linear in the blocks.
      Evaluate: Matrix<Complex>[] -> float[]
      /// The row that is Tr ρ_A, whose value is 1 by definition for every valid assemblage (None: no such row).
      Normalisation: int option }

module LinearObservation =

    let private tupleText (values: int[]) = "(" + String.Join(",", values) + ")"

    /// Trusted-node probabilities p(a, b | x, y) = Tr[M_{a|x} σ_{b|y}] (the footnote's p^obs(abc|xyz)), with the
    /// trusted POVMs `trusted[x][a]`. Row order: full untrusted tuple t (assemblage order) outer, the trusted
    /// events (x outer, a inner) inner, i.e. row = t·E + e with E the number of trusted events.
    let probabilities (coordinates: WordCoordinates) (trusted: Matrix<Complex>[][]) : LinearObservation =
        if trusted.Length = 0 then invalidArg (nameof trusted) "Give at least one trusted measurement."
        let d = coordinates.Dimension
        for x in 0 .. trusted.Length - 1 do
            for m in trusted[x] do
                if m.RowCount <> d || m.ColumnCount <> d then
                    invalidArg (nameof trusted) $"Trusted setting {x} has an element of size {m.RowCount}×{m.ColumnCount}, not {d}×{d}."
        let events = [| for x in 0 .. trusted.Length - 1 do for a in 0 .. trusted[x].Length - 1 -> x, a |]
        let tuples = coordinates.Tuples
        { Rows = tuples.Length * events.Length
          Describe =
            fun i ->
                let (b, y) = tuples[i / events.Length]
                let (x, a) = events[i % events.Length]
                $"p(a={a}|x={x}; b={tupleText b}|y={tupleText y})"
          Evaluate =
            fun blocks ->
                [| for t in 0 .. tuples.Length - 1 do
                       for (x, a) in events -> (trusted[x][a] * blocks[t]).Trace().Real |]
          Normalisation = None }

    /// One steering-functional value β = Σ_{b,y} Re Tr[F_{b|y} σ_{b|y}] (row 0) and the normalisation Tr ρ_A (row 1,
    /// observed value 1: Σ_b Tr σ_{b|y} at the first setting tuple). `functional` holds F in assemblage order.
    let functional (coordinates: WordCoordinates) (functional: Matrix<Complex>[]) : LinearObservation =
        let tuples = coordinates.Tuples
        if functional.Length <> tuples.Length then
            invalidArg (nameof functional) $"The functional needs {tuples.Length} matrices (one per outcome and setting tuple), got {functional.Length}."
        let firstSettings = snd tuples[0]
        { Rows = 2
          Describe = fun i -> if i = 0 then "Σ Tr[F σ]" else "Tr ρ_A"
          Evaluate =
            fun blocks ->
                let beta = Array.fold2 (fun acc (f: Matrix<Complex>) (s: Matrix<Complex>) -> acc + (f * s).Trace().Real) 0.0 functional blocks
                let trace =
                    tuples
                    |> Array.mapi (fun t (_, y) -> if y = firstSettings then blocks[t].Trace().Real else 0.0)
                    |> Array.sum
                [| beta; trace |]
          Normalisation = Some 1 }
