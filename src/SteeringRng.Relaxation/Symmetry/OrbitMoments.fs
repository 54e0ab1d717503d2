namespace SteeringRng.Relaxation.Symmetry

open System.Collections.Generic
open System.Numerics
open SteeringRng.Algebra
open SteeringRng.Relaxation

/// Reading a symmetry-reduced Q_k back per guess: the sub-assemblage moments of guess e in orbit O are the average
///   M^e(w) = (|O|/|G|) Σ_{h ∈ G: h·e = e_O} U_h† M^O(α_h(w)) U_h
/// of the representative's moments (GuessOrbits), so Σ_e M^e = M^obs and the objective are those of the full problem.
module internal OrbitMoments =

    open QLevelVariables

    /// U† X U of an affine block: the constant and every term E_{rc} ↦ U† E_{rc} U, (U† E_{rc} U)[i, j] = conj(U[r, i]) U[c, j].
    let congruence (u: Complex[,]) (x: MomentExpression) : MomentExpression =
        let d = x.Dimension
        let constant =
            Array2D.init d d (fun i j ->
                let mutable s = Complex.Zero
                for a in 0 .. d - 1 do
                    for b in 0 .. d - 1 do
                        s <- s + Complex.Conjugate(u[a, i]) * x.Constant[a, b] * u[b, j]
                s)
        let terms =
            [| for struct (k, r, c, v) in x.Terms do
                   for i in 0 .. d - 1 do
                       for j in 0 .. d - 1 do
                           let f = v * Complex.Conjugate(u[r, i]) * u[c, j]
                           if f.Magnitude > 1e-15 then yield struct (k, i, j, f) |]
        { Dimension = d; Constant = constant; Terms = terms }

    /// M^e(w) for every guess e of the full problem, from the orbit table; None when some word of α_h(w) has no moment.
    let lookup (st: Structure) (plan: SymmetryPlan) (table: IReadOnlyDictionary<struct (int * Word), MomentExpression>) =
        let d = st.Data.Dimension
        fun (e: int) (w: Word) ->
            if e < 0 || e >= plan.AllGuesses.Length then None
            else
                let o = plan.Orbits.OrbitOf[e]
                let weight = float plan.Orbits.Sizes[o] / float plan.Group.Length
                let parts =
                    [ for h in plan.Orbits.ToRepresentative[e] ->
                          let g = plan.Group[h]
                          let image =
                              DataSymmetry.mapWord st.Data.Scenario g w
                              |> List.map (fun (v, c) -> c, MomentLookup.ofTable table o v)
                          if image |> List.exists (fun (_, x) -> x.IsNone) then None
                          else Some(congruence g.Unitary (MomentExpressions.combine d (image |> List.map (fun (c, x) -> c, x.Value)))) ]
                if parts |> List.exists Option.isNone then None
                else Some(MomentExpressions.combine d (parts |> List.map (fun x -> weight, x.Value)))
