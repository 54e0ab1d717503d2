namespace SteeringRng.Relaxation.Symmetry

open System.Numerics
open SteeringRng.Relaxation

/// The data-coupled variables of the symmetry-reduced Q_k. Orbit O's assemblage-word moments are c_O = p0 + B y_O
/// (p0 = M^obs / |guesses|, B the support basis of SupportReduction or the identity), and the data equality of the
/// full problem, Σ_e M^e(w) = M^obs(w), becomes with M^e the orbit averages (GuessOrbits)
///   Σ_O (|O|/|G|) Σ_{g∈G} T_g c_O = M^obs,    (T_g c)(w) = U_g† M_c(α_g(w)) U_g,
/// which p0 satisfies (T_g M^obs = M^obs is the symmetry), so the y_O range over the null space of
///   S = [ (|O|/|G|) (Σ_g T_g) B ]_O.
/// The variables are coordinates z in a basis of that null space; no equality reaches the solver.
module internal SymmetricCoordinates =

    /// Largest number of data parameters (words × d²) for which the dense null space is computed; larger data are
    /// built without symmetry reduction.
    [<Literal>]
    let MaxParameters = 4000

    let private congruence (u: Complex[,]) (x: Complex[,]) =
        // U† X U
        let d = Array2D.length1 u
        Array2D.init d d (fun i k ->
            let mutable s = Complex.Zero
            for a in 0 .. d - 1 do
                for b in 0 .. d - 1 do
                    s <- s + Complex.Conjugate(u[a, i]) * x[a, b] * u[b, k]
            s)

    /// The d² Hermitian parameters of X, in BlockParameters.hermitian order (diagonal, then Re, Im of each a < b).
    let parametersOf (x: Complex[,]) =
        let d = Array2D.length1 x
        [| for a in 0 .. d - 1 -> x[a, a].Real
           for a in 0 .. d - 1 do
               for b in a + 1 .. d - 1 do
                   yield x[a, b].Real
                   yield x[a, b].Imaginary |]

    /// Σ_g T_g as a dense matrix on the |W|·d² parameters (rows: image word and parameter; columns: source).
    let private averaged (cancellation: System.Threading.CancellationToken) (data: AssemblageMoments) (group: DataSymmetry array) =
        let d = data.Dimension
        let parameters = BlockParameters.hermitian d
        let np = parameters.Length
        let n = data.Words.Length * np
        let p = Array2D.zeroCreate n n
        for g in group do
            cancellation.ThrowIfCancellationRequested()
            // Images U† E_p U of the parameter matrices, once per group element.
            let images =
                parameters
                |> Array.map (fun par ->
                    let e = Array2D.zeroCreate d d
                    for struct (r, c, v) in par.Entries do
                        e[r, c] <- e[r, c] + v
                    parametersOf (congruence g.Unitary e))
            data.Words
            |> Array.iteri (fun wi w ->
                for (v, coefficient) in DataSymmetry.mapWord data.Scenario g w do
                    let vi = data.Index[v]
                    for q in 0 .. np - 1 do
                        let image = images[q]
                        for r in 0 .. np - 1 do
                            if image[r] <> 0.0 then
                                p[wi * np + r, vi * np + q] <- p[wi * np + r, vi * np + q] + coefficient * image[r])
        p

    /// Null-space basis: result[z][O] is the parameter vector B y_O (length |W|·d²) of coordinate z in orbit O.
    /// None when the data are too large for the dense computation.
    /// (`cancellation` is checked per column and inside the null-space elimination: OperationCanceledException.)
    let computeCancellable (cancellation: System.Threading.CancellationToken) (data: AssemblageMoments) (reduction: SupportReduction) (group: DataSymmetry array) (orbits: GuessOrbits) =
        let np = data.Dimension * data.Dimension
        let n = data.Words.Length * np
        if n > MaxParameters then None
        else
            let p = averaged cancellation data group
            // Columns of B as sparse lists (B = I without support reduction).
            let basis =
                match reduction.Basis with
                | Some b -> b |> Array.map (fun col -> [| for i in 0 .. n - 1 do if col[i] <> 0.0 then yield struct (i, col[i]) |])
                | None -> Array.init n (fun k -> [| struct (k, 1.0) |])
            let k = basis.Length
            // P B, column by column: Σ over the nonzeros of each column of B.
            let pb =
                basis
                |> Array.map (fun col ->
                    cancellation.ThrowIfCancellationRequested()
                    Array.init n (fun r ->
                        let mutable s = 0.0
                        for struct (c, v) in col do
                            s <- s + p[r, c] * v
                        s))
            let weights = orbits.Sizes |> Array.map (fun size -> float size / float group.Length)
            let orbitCount = orbits.Sizes.Length
            let rows = Array.init n (fun r -> Array.init (orbitCount * k) (fun c -> weights[c / k] * pb[c % k][r]))
            let nullVectors = NullSpace.basisCancellable cancellation (orbitCount * k) rows 1e-10
            Some(
                nullVectors
                |> Array.map (fun y ->
                    Array.init orbitCount (fun o ->
                        // B y_O from the (few) nonzeros of y in orbit O's block.
                        let v = Array.zeroCreate n
                        for c in 0 .. k - 1 do
                            let yc = y[o * k + c]
                            if yc <> 0.0 then
                                for struct (i, b) in basis[c] do
                                    v[i] <- v[i] + yc * b
                        v))
            )

    /// computeCancellable without a token.
    let compute (data: AssemblageMoments) (reduction: SupportReduction) (group: DataSymmetry array) (orbits: GuessOrbits) =
        computeCancellable System.Threading.CancellationToken.None data reduction group orbits
