namespace SteeringRng.Relaxation

open System
open System.Numerics

/// Support and kernel of a small Hermitian matrix, for facial reduction of rank-deficient data.
/// The d×d Hermitian H = X + iY is diagonalised through its real symmetric embedding [[X, −Y], [Y, X]]
/// (cyclic Jacobi; each eigenvalue of H appears twice there, with eigenvectors (x; y) and (−y; x) for the
/// complex eigenvector x + iy), then complex Gram–Schmidt keeps one vector per complex direction.
module internal HermitianSupport =

    /// Eigenvalues and eigenvectors (columns) of a real symmetric matrix by cyclic Jacobi rotations.
    let private jacobi (a: float[,]) =
        let n = Array2D.length1 a
        let a = Array2D.copy a
        let v = Array2D.init n n (fun i j -> if i = j then 1.0 else 0.0)
        let offNorm () =
            let mutable s = 0.0
            for i in 0 .. n - 1 do
                for j in 0 .. n - 1 do
                    if i <> j then s <- s + a[i, j] * a[i, j]
            s
        let scale = max 1e-300 (Seq.max (seq { for i in 0 .. n - 1 do for j in 0 .. n - 1 -> abs a[i, j] }))
        let mutable sweep = 0
        while sweep < 100 && offNorm () > (1e-30 * scale * scale) do
            for p in 0 .. n - 2 do
                for q in p + 1 .. n - 1 do
                    if abs a[p, q] > 1e-300 then
                        // Rotation that zeroes a[p,q]: tan 2θ = 2 a_pq / (a_qq − a_pp).
                        let theta = (a[q, q] - a[p, p]) / (2.0 * a[p, q])
                        let t = (if theta >= 0.0 then 1.0 else -1.0) / (abs theta + sqrt (theta * theta + 1.0))
                        let c = 1.0 / sqrt (t * t + 1.0)
                        let s = t * c
                        for k in 0 .. n - 1 do
                            let akp = a[k, p]
                            let akq = a[k, q]
                            a[k, p] <- c * akp - s * akq
                            a[k, q] <- s * akp + c * akq
                        for k in 0 .. n - 1 do
                            let apk = a[p, k]
                            let aqk = a[q, k]
                            a[p, k] <- c * apk - s * aqk
                            a[q, k] <- s * apk + c * aqk
                        for k in 0 .. n - 1 do
                            let vkp = v[k, p]
                            let vkq = v[k, q]
                            v[k, p] <- c * vkp - s * vkq
                            v[k, q] <- s * vkp + c * vkq
            sweep <- sweep + 1
        Array.init n (fun i -> a[i, i]), v

    /// Orthonormal complex vectors spanning the same complex span as `candidates` (in order, dependent ones dropped).
    let private orthonormalise (candidates: Complex array seq) =
        let basis = ResizeArray<Complex array>()
        for c in candidates do
            let v = Array.copy c
            ComplexVectors.orthogonalise basis v
            let norm = ComplexVectors.norm v
            if norm > 0.5 then basis.Add(v |> Array.map (fun z -> z / Complex(norm, 0.0)))
        basis.ToArray()

    /// Assemblage blocks have trace at most 1, so eigenvalues below this are round-off (a block of a pure
    /// state's assemblage that is zero up to 1e-16 must count as zero, not as "negative" or as support).
    let absoluteFloor = 1e-12

    /// (support, kernel): orthonormal bases (as vectors of length d) of the eigenspaces with eigenvalue above
    /// max(`relativeTolerance` × (largest |eigenvalue|), absoluteFloor), and of the rest. Fails when an
    /// eigenvalue is clearly negative (below −(1e-7 × largest + absoluteFloor)).
    let split (relativeTolerance: float) (h: Complex[,]) : Complex array array * Complex array array =
        let d = Array2D.length1 h
        let embedded =
            Array2D.init (2 * d) (2 * d) (fun i j ->
                let z = h[i % d, j % d]
                match i < d, j < d with
                | true, true | false, false -> z.Real
                | true, false -> -z.Imaginary
                | false, true -> z.Imaginary)
        let values, vectors = jacobi embedded
        let largest = values |> Array.fold (fun m x -> max m (abs x)) 0.0
        let threshold = max (relativeTolerance * largest) absoluteFloor
        if values |> Array.exists (fun x -> x < -(1e-7 * largest + absoluteFloor)) then
            raise (ArgumentException $"it is not positive semidefinite (smallest eigenvalue {Array.min values:G3}, largest {largest:G3}).")
        let order = Array.init (2 * d) id |> Array.sortByDescending (fun k -> values[k])
        let asComplex k = Array.init d (fun i -> Complex(vectors[i, k], vectors[i + d, k]))
        let support = order |> Seq.filter (fun k -> values[k] > threshold) |> Seq.map asComplex |> orthonormalise
        // The kernel is the orthogonal complement of the support: complete the support with unit vectors.
        let units = Seq.init d (fun i -> Array.init d (fun j -> if i = j then Complex.One else Complex.Zero))
        let full = orthonormalise (Seq.append support units)
        support, full[support.Length ..]
