/// The values a steering functional can take (docs/formulations/measured-probabilities.md, "An observed value"):
/// β(σ) = Σ_{b,y} Re Tr[F_{b|y} σ_{b|y}] over blocks σ_{b|y} ⪰ 0 with Σ_b Tr σ_{b|y} = 1 at every setting tuple y,
///   min = Σ_y min_b λ_min(F_{b|y}),   max = Σ_y max_b λ_max(F_{b|y}),
/// each tuple on its own (all its weight on the extreme eigenvector of its extreme block), so both ends are attained on
/// that set. Every valid assemblage (positive, Σ_b σ_{b|y} = ρ_A, Tr ρ_A = 1) is in it, so an observed value outside
/// [min, max] is one no assemblage has: an error, as a Bell value outside its algebraic range is (SR1198).
module SteeringRng.Scenario.FunctionalRange

open System.Numerics
open MathNet.Numerics.LinearAlgebra
open SteeringRng.Quantum

/// (min, max) of Σ Re Tr[F σ] over per-tuple normalised positive blocks (see the module comment).
let ofFunctional (functional: Assemblage) : float * float =
    let eigenvalues (block: Complex[,]) =
        let m = Matrix<Complex>.Build.DenseOfArray block
        // The Hermitian part: Re Tr[F σ] = Tr[((F + F†)/2) σ] for Hermitian σ.
        let h = (m + m.ConjugateTranspose()) * Complex(0.5, 0.0)
        h.Evd(Symmetricity.Hermitian).EigenValues |> Seq.map (fun z -> z.Real) |> Seq.toArray
    functional.SettingTuples()
    |> Seq.fold
        (fun (lo, hi) y ->
            let values = functional.OutcomeTuples() |> Seq.collect (fun b -> eigenvalues functional[b, y]) |> Seq.toArray
            lo + Array.min values, hi + Array.max values)
        (0.0, 0.0)

/// Whether β lies in [min, max] up to round-off (10⁻⁹ of the functional's scale).
let contains (lo: float, hi: float) (beta: float) =
    let slack = 1e-9 * max 1.0 (max (abs lo) (abs hi))
    beta >= lo - slack && beta <= hi + slack
