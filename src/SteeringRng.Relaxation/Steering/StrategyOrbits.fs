namespace SteeringRng.Relaxation.Steering

open System.Numerics
open MathNet.Numerics.LinearAlgebra
open SteeringRng.Quantum
open SteeringRng.Relaxation

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

module internal StrategyOrbits =

    /// The symmetries common to σ(1) and σ(0): those found for σ(1) that also hold for σ(0). They form a
    /// subgroup (the symmetries of σ(0) are closed under composition), identity first.
    let commonGroup (target: Assemblage) (noise: Assemblage) : DataSymmetry array =
        let moments (a: Assemblage) = AssemblageMoments.build (AssemblageMoments.scenarioOf (AssemblageMoments.defaultNames a.PartyCount) a) a
        let noiseMoments = moments noise
        SymmetrySearch.find (moments target) |> Array.filter (SymmetrySearch.holds noiseMoments)

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

    let compute (s: Scenario) (group: DataSymmetry array) (range: Matrix<Complex>) (strategies: int array array array) : StrategyOrbits =
        let orbitOf = Array.create strategies.Length -1
        let lift = Array.init strategies.Length (fun _ -> ResizeArray<int>())
        let representatives = ResizeArray<int>()
        let stabiliser = ResizeArray<int>()
        for l in 0 .. strategies.Length - 1 do
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
