namespace SteeringRng.Relaxation.Symmetry

/// A symmetry of ungrouped data as a symmetry of the grouped data (all untrusted parties as one party with global
/// measurements, docs/formulations/global.md): the grouped setting X is the setting tuple x and the grouped outcome A
/// the outcome tuple a (lexicographic, last party fastest, as AssemblageOperations.GroupUntrusted), so
///   U σ_{a|x} U† = σ_{π(a)|x} for every (a, x)   is   U σ_{A|X} U† = σ_{π(A)|X} with π(A)|X = (π_{j,x_j}(a_j))_j,
/// and likewise for an antiunitary symmetry. Searching the grouped data directly is hopeless: every pair of grouped
/// outcomes with equal blocks gives a relabelling of its own (GHZ: more than MaxGroupOrder of them).
module internal GroupedSymmetry =

    /// Index of a tuple in the lexicographic order (last entry fastest).
    let private index (radix: int array) (tuple: int array) = Array.fold2 (fun i r t -> i * r + t) 0 radix tuple

    /// Every tuple below the radix, in that order.
    let private tuples (radix: int array) =
        let rec go j = if j = radix.Length then [ [] ] else [ for t in 0 .. radix[j] - 1 do for rest in go (j + 1) -> t :: rest ]
        go 0 |> List.map List.toArray |> List.toArray

    /// g on the grouped party; `settings` and `outcomes` per ungrouped party (every setting of a party has its outcomes).
    let ofUngrouped (settings: int array) (outcomes: int array) (g: DataSymmetry) : DataSymmetry =
        let outcomeTuples = tuples outcomes
        { Relabel =
            [| [| for x in tuples settings ->
                      outcomeTuples |> Array.map (fun a -> index outcomes (Array.init a.Length (fun j -> let perm = g.Relabel[j][x[j]] in perm[a[j]]))) |] |]
          Unitary = g.Unitary }
