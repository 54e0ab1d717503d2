namespace SteeringRng.Relaxation.Symmetry

open System.Collections.Generic
open SteeringRng.Relaxation

/// The antiunitary symmetries of the data (docs/formulations/symmetry-reduction.md, "Antiunitary symmetries"):
/// K = (π, U) with U conj(σ_{a|x}) U† = σ_{π(a)|x}. Complex conjugation maps a quantum realisation to one
/// (conj ρ, conj P), so K maps a feasible moment functional to a feasible one, (K·M)(w) = U conj(M(α⁻¹(w))) U†, and
/// an optimum may be taken K-invariant; SymmetryBlocks then makes the moment matrix's blocks real (half the size of
/// their realified form). With one such K found, every antiunitary symmetry is K ∘ g for g in the unitary group G
/// (U is fixed by π up to a phase), provided K normalises G, which is checked: g ∘ K must be in K ∘ G.
module internal AntiunitaryCoset =

    /// K ∘ G when K normalises G (every g ∘ K is some K ∘ g'), else None. The keys compared are those of antiunitary
    /// elements only (a unitary element may share an antiunitary one's relabelling).
    let coset (group: DataSymmetry array) (k: DataSymmetry) : DataSymmetry array option =
        let elements = group |> Array.map (DataSymmetry.composeAntiunitary k)
        let keys = HashSet<string>(elements |> Array.map DataSymmetry.key)
        if keys.Count = group.Length && group |> Array.forall (fun g -> keys.Contains(DataSymmetry.key (DataSymmetry.compose g k))) then
            Some elements
        else None

    /// Per orbit, the antiunitary elements that fix the orbit's representative guess.
    let stabilisers (elements: DataSymmetry array) (orbits: GuessOrbits) (parties: int array) (settings: int array) (tuples: int array array) =
        orbits.Representatives
        |> Array.map (fun e ->
            elements |> Array.filter (fun k -> DataSymmetry.mapGuess k parties settings tuples[e] = tuples[e]))
