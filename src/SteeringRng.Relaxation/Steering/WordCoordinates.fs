namespace SteeringRng.Relaxation.Steering

open System
open System.Numerics
open MathNet.Numerics.LinearAlgebra
open SteeringRng.Quantum

/// No-signalling assemblages as a real vector space (docs/formulations/measured-probabilities.md). An assemblage of
/// k untrusted parties is fixed by its assemblage-word moments M(w) (a product of at most one Collins–Gisin
/// generator B^j_{b|y}, b < n_j − 1, per party), and every such choice of Hermitian M(w) is a no-signalling
/// assemblage (not necessarily positive):
///   σ_{b|y} = Σ_w c_w(b, y) M(w),  with c from B^j_{n_j−1|y} = I − Σ_{b'<n_j−1} B^j_{b'|y} (inclusion–exclusion).
/// Coordinates: u[ω·d² + c] is Hermitian component c (HermitianBasis) of the ω-th word. Measured data that are linear
/// in σ (trusted-node probabilities, one steering-functional value) are linear maps of u; this is the space they act on.
type WordCoordinates(dimension: int, settings: int[], outcomes: int[]) =
    do
        if dimension < 1 then invalidArg (nameof dimension) "The trusted dimension must be at least 1."
        if settings.Length = 0 || settings.Length <> outcomes.Length then
            invalidArg (nameof settings) "Give settings and outcomes counts for each of the k ≥ 1 untrusted parties."

    let k = settings.Length
    let nc = dimension * dimension
    /// Per party: 0 = absent, 1 + y·(n−1) + b for the generator B_{b|y}, b < n − 1.
    let radix = Array.init k (fun j -> 1 + settings[j] * (outcomes[j] - 1))
    let wordCount = Array.fold (*) 1 radix
    let wordIndex (codes: int[]) = Array.fold2 (fun acc c r -> acc * r + c) 0 codes radix
    let setupTuples = Assemblage.Tuples(settings) |> Seq.toArray
    let outcomeTuples = Assemblage.Tuples(outcomes) |> Seq.toArray
    /// Full tuples (b, y) in the assemblage's order: settings outer, outcomes inner.
    let tuples = [| for y in setupTuples do for b in outcomeTuples -> b, y |]
    /// σ_{b|y} = Σ (word index, coefficient) M(w).
    let expansion =
        tuples
        |> Array.map (fun (b, y) ->
            let perParty j =
                let n = outcomes[j]
                if b[j] < n - 1 then [ 1 + y[j] * (n - 1) + b[j], 1.0 ]
                else (0, 1.0) :: [ for b' in 0 .. n - 2 -> 1 + y[j] * (n - 1) + b', -1.0 ]
            let rec product j =
                if j = k then [ [], 1.0 ]
                else [ for (c, s) in perParty j do for (rest, s') in product (j + 1) -> c :: rest, s * s' ]
            product 0 |> List.map (fun (codes, s) -> wordIndex (List.toArray codes), s) |> List.toArray)

    member _.Dimension = dimension
    member _.Settings = settings
    member _.Outcomes = outcomes
    /// Number of real coordinates: (number of assemblage words) · d².
    member _.Count = wordCount * nc
    /// Full tuples (b, y), in the order of Blocks and of the assemblage.
    member _.Tuples = tuples

    /// σ_{b|y}(u) for every full tuple (assemblage order).
    member _.Blocks(u: float[]) : Matrix<Complex>[] =
        if u.Length <> wordCount * nc then invalidArg (nameof u) $"Expected {wordCount * nc} coordinates, got {u.Length}."
        let moments = Array.init wordCount (fun w -> HermitianBasis.ofCoordinates dimension u[w * nc .. w * nc + nc - 1])
        expansion
        |> Array.map (fun terms ->
            let mutable m = Matrix<Complex>.Build.Dense(dimension, dimension)
            for (w, s) in terms do
                m <- m + moments[w] * Complex(s, 0.0)
            m)

    /// The assemblage of coordinates u (Hermitian, no-signalling; positive only if u is).
    member this.AssemblageOf(u: float[]) : Assemblage =
        let blocks = this.Blocks u
        let index = Collections.Generic.Dictionary<string, int>()
        tuples |> Array.iteri (fun t (b, y) -> index[String.Join(",", b) + "|" + String.Join(",", y)] <- t)
        Assemblage(dimension, settings, outcomes, Func<int[], int[], Complex[,]>(fun b y -> blocks[index[String.Join(",", b) + "|" + String.Join(",", y)]].ToArray()))

    /// The blocks of an assemblage of this shape, in tuple order.
    member _.BlocksOf(sigma: Assemblage) : Matrix<Complex>[] =
        if sigma.TrustedDimension <> dimension || Seq.toArray sigma.Settings <> settings || Seq.toArray sigma.Outcomes <> outcomes then
            invalidArg (nameof sigma) "The assemblage has another shape (trusted dimension, settings or outcomes)."
        tuples |> Array.map (fun (b, y) -> Matrix<Complex>.Build.DenseOfArray(sigma[b, y]))

    /// The assemblage σ_{b|y} = I/(d·Π n_j): the maximally mixed state's, positive definite and no-signalling.
    member _.MaximallyMixed() : Assemblage =
        let weight = 1.0 / (float dimension * float (Array.fold (*) 1 outcomes))
        Assemblage(dimension, settings, outcomes, Func<int[], int[], Complex[,]>(fun _ _ ->
            Array2D.init dimension dimension (fun i j -> if i = j then Complex(weight, 0.0) else Complex.Zero)))
