namespace SteeringRng.Relaxation

open System.Numerics

/// Small dense complex vectors: inner products and Gram–Schmidt, for the supports, kernels and symmetry-adapted
/// bases of the relaxation builders.
module internal ComplexVectors =

    /// ⟨a, b⟩ = Σ_i conj(a_i) b_i.
    let dot (a: Complex array) (b: Complex array) =
        let mutable s = Complex.Zero
        for i in 0 .. a.Length - 1 do
            s <- s + Complex.Conjugate(a[i]) * b[i]
        s

    let norm (a: Complex array) = sqrt (dot a a).Real

    /// v ← v − Σ_b ⟨b, v⟩ b against an orthonormal list, in place; twice, for numerical orthogonality.
    let orthogonalise (basis: ResizeArray<Complex array>) (v: Complex array) =
        for _ in 1..2 do
            for b in basis do
                let c = dot b v
                if c <> Complex.Zero then
                    for i in 0 .. v.Length - 1 do
                        v[i] <- v[i] - c * b[i]
