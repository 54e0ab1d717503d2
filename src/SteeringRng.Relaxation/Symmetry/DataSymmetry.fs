namespace SteeringRng.Relaxation.Symmetry

open System.Collections.Generic
open System.Numerics
open SteeringRng.Algebra
open SteeringRng.Relaxation

/// A symmetry g = (π, U) of observed steering data: per untrusted party j and setting x a permutation π_{j,x} of the
/// outcomes, and a unitary U on the trusted node, with
///   U σ_{a|x} U† = σ_{π(a)|x}   for every full-outcome tuple (a, x),
/// equivalently U M(w) U† = M(α(w)) for every assemblage word w, where α is the algebra automorphism
/// α(P^j_{a|x}) = P^j_{π_{j,x}(a)|x} (a last outcome expands to I − Σ of the others). Example: noisy GHZ with Pauli
/// measurements is invariant under Z_A Z_B, which flips Bob's X and Y outcomes.
/// Acting on a sub-assemblage (or a moment functional) M ↦ g·M with (g·M)(w) = U M(α⁻¹(w)) U†, g maps Eve's strategy
/// for guess e to one for guess π(e) with the same guessing probability and the same total data; this is what the
/// symmetry reduction of Q_k (SymmetricQLevel) relies on.
type internal DataSymmetry =
    { /// Relabel[j][x][a] = π_{j,x}(a).
      Relabel: int array array array
      /// U (d×d, unitary up to rounding; defined up to a phase, which cancels in U · U†).
      Unitary: Complex[,] }

module internal DataSymmetry =

    let identity (scenario: Scenario) (d: int) =
        { Relabel =
            [| for j in 0 .. scenario.PartyCount - 1 ->
                   (scenario.Party j).Outcomes |> Array.map (fun n -> Array.init n id) |]
          Unitary = Array2D.init d d (fun i k -> if i = k then Complex.One else Complex.Zero) }

    /// The d×d product A B (small matrices: the trusted node's operators).
    let multiply (a: Complex[,]) (b: Complex[,]) =
        let n = Array2D.length1 a
        Array2D.init n n (fun i k ->
            let mutable s = Complex.Zero
            for l in 0 .. n - 1 do
                s <- s + a[i, l] * b[l, k]
            s)

    /// g ∘ h: first h, then g (π = π_g ∘ π_h, U = U_g U_h).
    let compose (g: DataSymmetry) (h: DataSymmetry) =
        { Relabel = g.Relabel |> Array.mapi (fun j perms -> perms |> Array.mapi (fun x p -> h.Relabel[j][x] |> Array.map (fun a -> p[a])))
          Unitary = multiply g.Unitary h.Unitary }

    /// The entrywise complex conjugate of a d×d matrix.
    let conjugate (a: Complex[,]) = Array2D.map Complex.Conjugate a

    /// g ∘ h when g is antiunitary (docs/formulations/symmetry-reduction.md, "Antiunitary symmetries"): an
    /// antiunitary g = (π_g, U_g) acts by (g·M)(w) = U_g conj(M(α_g⁻¹(w))) U_g†, so that after h
    ///   (g·(h·M))(w) = U_g conj(U_h) conj(M(α_{gh}⁻¹(w))) (U_g conj(U_h))†:
    /// π = π_g ∘ π_h and U = U_g conj(U_h). (h ∘ g for unitary h is plain `compose`: U = U_h U_g.)
    let composeAntiunitary (g: DataSymmetry) (h: DataSymmetry) =
        { compose g h with Unitary = multiply g.Unitary (conjugate h.Unitary) }

    /// A key equal for equal relabellings (the unitary is determined by them up to a phase when the data's
    /// commutant is trivial, which SymmetrySearch requires).
    let key (g: DataSymmetry) =
        g.Relabel |> Array.map (fun perms -> perms |> Array.map (fun p -> System.String.Join(",", p)) |> String.concat ";") |> String.concat "|"

    let isIdentity (g: DataSymmetry) =
        g.Relabel |> Array.forall (Array.forall (fun p -> p |> Array.mapi (fun a b -> a = b) |> Array.forall id))

    /// π applied to a guess tuple: outcome e_i of guessed party parties[i] at its setting settings[i].
    let mapGuess (g: DataSymmetry) (parties: int array) (settings: int array) (tuple: int array) =
        tuple |> Array.mapi (fun i e -> let perm = g.Relabel[parties[i]][settings[i]] in perm[e])

    /// α(w) = Π_letters α(letter) expanded over canonical words, α(P_{b|y}) = P_{π(b)|y} and, for the last
    /// outcome n−1, P_{n−1|y} = I − Σ_{b<n−1} P_{b|y}. Zero products drop out; equal words are summed.
    let mapWord (scenario: Scenario) (g: DataSymmetry) (w: Word) : (Word * float) list =
        let image (letter: int) =
            let j, y, b = Letter.party letter, Letter.setting letter, Letter.outcome letter
            let n = (scenario.Party j).Outcomes[y]
            let perm = g.Relabel[j][y]
            let b' = perm[b]
            if b' < n - 1 then [ [ Letter.make j y b' ], 1.0 ]
            else ([], 1.0) :: [ for c in 0 .. n - 2 -> [ Letter.make j y c ], -1.0 ]
        let products =
            w.ToArray()
            |> Array.fold (fun acc letter -> [ for (ls, c) in acc do for (l, c') in image letter -> ls @ l, c * c' ]) [ [], 1.0 ]
        let sums = Dictionary<Word, float>()
        for (letters, c) in products do
            // Within a party the letters keep their order (ofLetters sorts stably by party only).
            match Word.ofLetters letters with
            | ValueSome v ->
                match sums.TryGetValue v with
                | true, s -> sums[v] <- s + c
                | _ -> sums[v] <- c
            | ValueNone -> ()
        [ for KeyValue(v, c) in sums do if c <> 0.0 then yield v, c ]
