namespace SteeringRng.Relaxation.Steering

open System.Numerics
open System.Threading
open MathNet.Numerics.LinearAlgebra
open SteeringRng.Quantum
open SteeringRng.Relaxation
open SteeringRng.Relaxation.Symmetry

/// Deterministic strategies λ of a fully-LHS model grouped into orbits of a symmetry group G of the data.
/// g = (π, U) acts on strategies by (gλ)_j[x] = π_{j,x}(λ_j[x]) and on hidden states by τ ↦ Ũ_g τ Ũ_g†, with
/// Ũ_g = V† U_g V the restriction of U_g to the support V of ρ_A (U ρ_A U† = ρ_A, so V is U-invariant and Ũ_g
/// is unitary). A G-symmetric LHS model keeps one state τ_O per orbit O (for its representative λ_O):
///   τ_λ = (1/|Stab(λ_O)|) Σ_{g ∈ G: gλ_O = λ} Ũ_g τ_O Ũ_g†.
type internal StrategyOrbits =
    { Group: DataSymmetry array
      /// Ũ_g = V† U_g V per group element (r×r).
      RangeUnitaries: Matrix<Complex> array
      /// Strategy index of each orbit's representative (the smallest index in the orbit).
      Representatives: int array
      /// Orbit number of every strategy.
      OrbitOf: int array
      /// |Stab(λ_O)| per orbit.
      Stabiliser: int array
      /// For every strategy λ, the group elements g with gλ_O = λ (there are |Stab(λ_O)| of them).
      Lift: int array array }

/// The last symmetry group (more than the identity) found for a family of visibility problems, shared by the
/// problems made from one another with WithData, with the noise it was checked against: along a sweep the group is
/// checked on each new point (SymmetrySearch.holdAll) instead of searched again (GHZ N = 4, d = 3, three settings:
/// about 0.8 s instead of 5 s).
type internal GroupMemo() =
    let gate = obj ()
    let mutable last: (DataSymmetry array * Assemblage) option = None
    member _.Last
        with get () = lock gate (fun () -> last)
        and set value = lock gate (fun () -> last <- value)

module internal StrategyOrbits =

    let private momentsOf (a: Assemblage) =
        AssemblageMoments.build (AssemblageMoments.scenarioOf (AssemblageMoments.defaultNames a.PartyCount) a) a

    /// The symmetries common to σ(1) and σ(0): those found for σ(1) that also hold for σ(0). They form a
    /// subgroup (the symmetries of σ(0) are closed under composition), identity first. For degenerate σ(1) (white
    /// noise: U not fixed by π, `find` gives only the identity) the outcome shifts with U = I are used instead.
    /// (`cancellation` reaches the search and is checked per group element: OperationCanceledException.)
    let commonGroup (cancellation: CancellationToken) (target: Assemblage) (noise: Assemblage) : DataSymmetry array =
        let noiseMoments = momentsOf noise
        let targetMoments = momentsOf target
        cancellation.ThrowIfCancellationRequested()
        let found =
            if SymmetrySearch.hasTrivialCommutant targetMoments then SymmetrySearch.findCancellable cancellation targetMoments
            else SymmetrySearch.findShiftsOnly targetMoments
        SymmetrySearch.holding cancellation noiseMoments found

    /// A symmetry group of both σ(1) and σ(0): the memo's group when every element still holds for both (the noise
    /// is not checked again when it is the very object checked before; assemblages are immutable), else
    /// commonGroup, remembered when it has more than the identity. Any group of common symmetries gives the
    /// exact optimum; the memo's may be smaller than the new data's full group, never wrong.
    let groupFor (cancellation: CancellationToken) (memo: GroupMemo) (target: Assemblage) (noise: Assemblage) : DataSymmetry array =
        let stillHolds (group: DataSymmetry array) (checkedNoise: Assemblage) =
            // The data's marginals formed once for the whole group (SymmetrySearch.holdAll), not once per element:
            // per element they were a fifth of the CPU of samples/fig3-thresholds.scn.
            let holdsFor (a: Assemblage) = SymmetrySearch.holdAll cancellation (momentsOf a) group None
            holdsFor target && (obj.ReferenceEquals(checkedNoise, noise) || holdsFor noise)
        match memo.Last with
        | Some(group, checkedNoise) when stillHolds group checkedNoise -> group
        | _ ->
            let group = commonGroup cancellation target noise
            if group.Length > 1 then memo.Last <- Some(group, noise)
            group

    /// The index of a strategy in LhsModel's order: mixed radix, party 0 and setting 0 most significant.
    let indexOf (s: Scenario) (lambda: int array array) =
        let mutable index = 0
        for j in 0 .. s.Settings.Length - 1 do
            for x in 0 .. s.Settings[j] - 1 do
                index <- index * s.Outcomes[j] + lambda[j][x]
        index

    /// gλ: (gλ)_j[x] = π_{j,x}(λ_j[x]).
    let act (g: DataSymmetry) (lambda: int array array) =
        lambda |> Array.mapi (fun j l -> l |> Array.mapi (fun x a -> let perm = g.Relabel[j][x] in perm[a]))

    /// (`cancellation` is checked every 1024 strategies: each is mapped by every group element.)
    let compute (cancellation: CancellationToken) (s: Scenario) (group: DataSymmetry array) (range: Matrix<Complex>) (strategies: int array array array) : StrategyOrbits =
        let orbitOf = Array.create strategies.Length -1
        let lift = Array.init strategies.Length (fun _ -> ResizeArray<int>())
        let representatives = ResizeArray<int>()
        let stabiliser = ResizeArray<int>()
        for l in 0 .. strategies.Length - 1 do
            if l % 1024 = 0 then cancellation.ThrowIfCancellationRequested()
            if orbitOf[l] < 0 then
                let o = representatives.Count
                representatives.Add l
                let mutable stab = 0
                group
                |> Array.iteri (fun h g ->
                    let image = indexOf s (act g strategies[l])
                    orbitOf[image] <- o
                    lift[image].Add h
                    if image = l then stab <- stab + 1)
                stabiliser.Add stab
        let u (g: DataSymmetry) = range.ConjugateTranspose() * Matrix<Complex>.Build.DenseOfArray(g.Unitary) * range
        { Group = group
          RangeUnitaries = group |> Array.map u
          Representatives = representatives.ToArray()
          OrbitOf = orbitOf
          Stabiliser = stabiliser.ToArray()
          Lift = lift |> Array.map (fun l -> l.ToArray()) }

    /// τ_λ of every strategy from the orbit states τ_O (the formula in the type's comment).
    let lift (orbits: StrategyOrbits) (orbitStates: Matrix<Complex> array) : Matrix<Complex> array =
        orbits.Lift
        |> Array.mapi (fun l gs ->
            let o = orbits.OrbitOf[l]
            let mutable t = Matrix<Complex>.Build.Dense(orbitStates[o].RowCount, orbitStates[o].RowCount)
            for h in gs do
                let u = orbits.RangeUnitaries[h]
                t <- t + u * orbitStates[o] * u.ConjugateTranspose()
            t / Complex(float orbits.Stabiliser[o], 0.0))
