namespace SteeringRng.Relaxation.Symmetry

open SteeringRng.Relaxation

/// Eve's guess tuples grouped into orbits of a symmetry group G of the data (g maps guess e to π_g(e)).
/// Symmetry reduction keeps one moment matrix per orbit O, for its representative e_O; the sub-assemblage of any
/// other guess e ∈ O is the average  M^e = (|O|/|G|) Σ_{h ∈ G: h·e = e_O} h⁻¹·M^{e_O}  (docs/formulations/symmetry-reduction.md).
type internal GuessOrbits =
    { /// Guess index of each orbit's representative (the smallest index in the orbit).
      Representatives: int array
      /// Orbit number of every guess.
      OrbitOf: int array
      /// |O| per orbit.
      Sizes: int array
      /// For every guess e, the group elements h (indices into the group) with h·e = e_O.
      ToRepresentative: int array array }

module internal GuessOrbits =

    let compute (group: DataSymmetry array) (parties: int array) (settings: int array) (tuples: int array array) : GuessOrbits =
        let index = System.Collections.Generic.Dictionary<string, int>()
        let key (t: int array) = System.String.Join(",", t)
        tuples |> Array.iteri (fun e t -> index[key t] <- e)
        let image h e = index[key (DataSymmetry.mapGuess group[h] parties settings tuples[e])]
        let orbitOf = Array.create tuples.Length -1
        let representatives = ResizeArray<int>()
        for e in 0 .. tuples.Length - 1 do
            if orbitOf[e] < 0 then
                let o = representatives.Count
                representatives.Add e
                for h in 0 .. group.Length - 1 do
                    orbitOf[image h e] <- o
        let reps = representatives.ToArray()
        { Representatives = reps
          OrbitOf = orbitOf
          Sizes = Array.init reps.Length (fun o -> orbitOf |> Array.filter ((=) o) |> Array.length)
          ToRepresentative =
            Array.init tuples.Length (fun e ->
                [| for h in 0 .. group.Length - 1 do
                       if image h e = reps[orbitOf[e]] then yield h |]) }
