namespace SteeringRng.Relaxation.Symmetry

open System
open System.Numerics
open SteeringRng.Relaxation

/// Block-diagonalisation of a stabiliser-invariant moment matrix by the whole stabiliser H_O (not one involution),
/// following docs/formulations/symmetry-reduction.md, "Block splitting". An invariant orbit functional
/// (StabiliserInvariance) has Γ = T_h† Γ T_h for every h ∈ H_O (RelabellingAction). Two facts do all the work:
///  (1) Eigenspaces of one T_g are Γ-orthogonal: T_g x = λx, T_g y = μy, |λ| = |μ| = 1 give
///      x†Γy = (T_g x)†Γ(T_g y) = conj(λ) μ x†Γy, so x†Γy = 0 unless λ = μ.
///  (2) If T_h maps the λ-eigenspace E_λ onto E_λ', then with basis V of E_λ and T_h V of E_λ'
///      (T_h V)†Γ(T_h V) = V†ΓV: the two blocks are equal, and one of them suffices.
/// A component (a T-invariant subspace, with the elements that map it into itself) is split by one element g into
/// the eigenspaces of τ = T_g/c^{1/n} (T_g^n = c on the component; eigenvalues ω^k, ω = e^{2πi/n}) with the projectors
///   P_k = (1/n) Σ_{j<n} ω^{−jk} τ^j,
/// copies that another element maps onto each other are kept once (2), and each kept eigenspace is split further
/// by the elements that map it into itself. This reaches the isotypic components (and, for non-abelian groups,
/// one copy of each irreducible multiplicity space: an irrep of dimension d gives one block instead of d) whenever
/// the chosen g at each step is normalised by the remaining elements, which the choice below favours; otherwise it
/// stops early, still exact. Since V = [all eigenspace bases] is invertible (not unitary: T is not),
///   Γ ⪰ 0  ⇔  V_k† Γ V_k ⪰ 0 for every kept eigenspace k (a congruence, with equal copies dropped).
/// Bases are columns P_k b of the parent basis b, picked greedily when independent, so they stay sparse.
module internal SymmetryBlocks =

    open QLevelVariables
    open RelabellingAction

    /// Orders of T_g restricted to a component are tried up to this (relabelling groups here have small orders).
    [<Literal>]
    let private MaxOrder = 64

    /// A T-invariant subspace: a sparse basis, and the indices of the elements that map it into itself.
    type private Component = { Basis: Sparse array; Elements: int list }

    /// (n, c) with T_g^n b = c b for every basis vector b (n smallest), or None.
    let private restrictedOrder (t: Action) (basis: Sparse array) =
        let powers = Array.copy basis
        let rec attempt n =
            if n > MaxOrder then None
            else
                for i in 0 .. powers.Length - 1 do
                    powers[i] <- apply t powers[i]
                let c = ratio basis[0] powers[0]
                match c with
                | Some c when Array.forall2 (fun b p -> match ratio b p with Some c' -> (c' - c).Magnitude < 1e-9 | None -> false) basis powers ->
                    Some(n, c)
                | _ -> attempt (n + 1)
        attempt 1

    /// τ = T_g / c^{1/n}: τ^n = 1 on the component.
    let private normalised (t: Action) (n: int) (c: Complex) : Action =
        let scale = Complex.One / Complex.Pow(c, 1.0 / float n)
        t |> Array.map (Array.map (fun (struct (k, v)) -> struct (k, scale * v)))

    let private omega n k = Complex.FromPolarCoordinates(1.0, 2.0 * Math.PI * float k / float n)

    /// Greedy independent subset of sparse vectors (tested against an orthonormalised dense copy).
    let private independent (size: int) (candidates: Sparse seq) =
        let orthonormal = ResizeArray<Complex array>()
        let chosen = ResizeArray<Sparse>()
        for v in candidates do
            let scale = norm v
            if scale > 1e-10 then
                // ⟨q_i, v⟩ from v's few entries; |residual|² = |v|² − Σ|⟨q_i, v⟩|² decides most rejections cheaply.
                let coefficients = orthonormal |> Seq.map (fun q -> v |> Array.fold (fun s (struct (k, x)) -> s + Complex.Conjugate q[k] * x) Complex.Zero) |> Seq.toArray
                let estimate = scale * scale - (coefficients |> Array.sumBy (fun c -> c.Real * c.Real + c.Imaginary * c.Imaginary))
                if estimate > 1e-10 * scale * scale then
                    let w = Array.zeroCreate size
                    for struct (k, x) in v do
                        w[k] <- x
                    ComplexVectors.orthogonalise orthonormal w
                    let r = ComplexVectors.norm w
                    if r > 1e-6 * scale then
                        orthonormal.Add(w |> Array.map (fun z -> z / Complex(r, 0.0)))
                        chosen.Add v
        chosen.ToArray()

    /// Whether T_h τ T_h⁻¹ = c τ^j on the component for some j prime to n (then T_h maps τ's eigenspaces onto
    /// eigenspaces): T_h τ b = c τ^j T_h b for every basis vector b.
    let private normalises (tau: Action) (n: int) (th: Action) (basis: Sparse array) =
        let rec gcd a b = if b = 0 then a else gcd b (a % b)
        let left = basis |> Array.map (fun b -> apply th (apply tau b))
        let images = basis |> Array.map (apply th)
        let mutable power = images
        let mutable found = false
        for j in 1 .. n - 1 do
            power <- power |> Array.map (apply tau)
            if not found && gcd j n = 1 then
                match ratio power[0] left[0] with
                | Some c -> found <- Array.forall2 (fun p l -> match ratio p l with Some c' -> (c' - c).Magnitude < 1e-9 | None -> false) power left
                | None -> ()
        found

    /// The eigenspaces of τ on the component: per k the basis of E_{ω^k} (possibly empty).
    let private eigenspaces (size: int) (tau: Action) (n: int) (basis: Sparse array) =
        let powers = basis |> Array.map (fun b -> Array.scan (fun x _ -> apply tau x) b [| 1 .. n - 1 |])
        Array.init n (fun k ->
            independent size (powers |> Seq.map (fun p -> combine [ for j in 0 .. n - 1 -> omega n (-j * k) / Complex(float n, 0.0), p[j] ])))

    /// Where T_h sends each nonempty eigenspace (k ↦ k'), when it sends every one onto one of the same dimension.
    let private permutation (tau: Action) (n: int) (th: Action) (spaces: Sparse array array) =
        let target k =
            let ks =
                spaces[k] |> Array.map (fun b ->
                    let y = apply th b
                    match ratio y (apply tau y) with
                    | Some c -> [ 0 .. n - 1 ] |> List.tryFind (fun k' -> (c - omega n k').Magnitude < 1e-8)
                    | None -> None)
            if ks.Length > 0 && ks |> Array.forall (fun x -> x.IsSome && x = ks[0]) then ks[0] else None
        let map = Array.init n (fun k -> if spaces[k].Length = 0 then Some k else target k)
        if map |> Array.forall Option.isSome
           && (map |> Array.map Option.get |> Array.distinct).Length = n
           && map |> Array.mapi (fun k k' -> spaces[k].Length = spaces[k'.Value].Length) |> Array.forall id then
            Some(map |> Array.map Option.get)
        else None

    /// The kept blocks below one component.
    let rec private refine (size: int) (actions: Action array) (c: Component) : Component list =
        // Elements that act as more than a scalar here, with their restricted order.
        let active =
            c.Elements |> List.choose (fun i ->
                match restrictedOrder actions[i] c.Basis with
                | Some(n, z) when n > 1 -> Some(i, n, z)
                | _ -> None)
        if active.IsEmpty then [ c ]
        else
            // Split by the element normalised by most others (so that they merge copies instead of being dropped).
            let score (i, n, z) =
                let tau = normalised actions[i] n z
                active |> List.filter (fun (h, _, _) -> h <> i && normalises tau n actions[h] c.Basis) |> List.length
            let (g, n, z) = active |> List.maxBy (fun e -> let (_, n, _) = e in score e, n)
            let tau = normalised actions[g] n z
            let spaces = eigenspaces size tau n c.Basis
            let others = active |> List.map (fun (i, _, _) -> i) |> List.filter ((<>) g)
            if spaces |> Array.sumBy Array.length <> c.Basis.Length then
                // Rounding lost a direction: do not split by g (still exact), try the others.
                refine size actions { c with Elements = others }
            else
                let maps = others |> List.map (fun h -> h, permutation tau n actions[h] spaces)
                // Orbits of eigenspaces under the elements that permute them; the smallest k represents its orbit.
                let root = Array.init n id
                let rec find k = if root[k] = k then k else find root[k]
                for (_, m) in maps do
                    match m with
                    | Some m -> m |> Array.iteri (fun k k' -> let a, b = find k, find k' in if a <> b then root[max a b] <- min a b)
                    | None -> ()
                [ for k in 0 .. n - 1 do
                      if spaces[k].Length > 0 && find k = k then
                          let stay = maps |> List.choose (fun (h, m) -> match m with Some m when m[k] = k -> Some h | _ -> None)
                          yield! refine size actions { Basis = spaces[k]; Elements = stay } ]

    let private conjugateVector (x: Sparse) : Sparse = x |> Array.map (fun (struct (k, v)) -> struct (k, Complex.Conjugate v))

    /// A real basis of a kept block (docs/formulations/symmetry-reduction.md, "Antiunitary symmetries"). For an
    /// antiunitary K in the stabiliser the invariant Γ has T_K† Γ T_K = conj(Γ) (T_K as for a unitary element), so
    /// with the antilinear J x = T_K conj(x):
    ///   (Jx)† Γ (Jy) = xᵀ T_K† Γ T_K conj(y) = xᵀ conj(Γ) conj(y) = conj(x† Γ y).
    /// When J maps the block into itself and J² = I there, the vectors with J x = x span it over C (b + Jb and
    /// i(b − Jb) for each basis vector b, picked greedily), and in that basis every entry x_i† Γ x_j is real: the
    /// block is real symmetric, half the order of its realified Hermitian form. None when J does not qualify.
    let private realBasis (size: int) (t: Action) (basis: Sparse array) : Sparse array option =
        let j x = apply t (conjugateVector x)
        let images = basis |> Array.map j
        let squareIsIdentity =
            Array.forall2 (fun b y -> norm (combine [ Complex.One, j y; Complex(-1.0, 0.0), b ]) <= 1e-9 * norm b) basis images
        if not squareIsIdentity then None
        else
            let orthonormal = ResizeArray<Complex array>()
            let dense (x: Sparse) =
                let w = Array.zeroCreate size
                for struct (k, v) in x do
                    w[k] <- v
                w
            for b in basis do
                let w = dense b
                ComplexVectors.orthogonalise orthonormal w
                let r = ComplexVectors.norm w
                if r > 1e-9 * norm b then orthonormal.Add(w |> Array.map (fun z -> z / Complex(r, 0.0)))
            let inside =
                images |> Array.forall (fun y ->
                    let w = dense y
                    ComplexVectors.orthogonalise orthonormal w
                    ComplexVectors.norm w <= 1e-8 * max 1.0 (norm y))
            if not inside then None
            else
                let candidates =
                    basis |> Seq.collect (fun b ->
                        let jb = j b
                        [ combine [ Complex.One, b; Complex.One, jb ]; combine [ Complex.ImaginaryOne, b; -Complex.ImaginaryOne, jb ] ])
                let chosen = independent size candidates
                if chosen.Length = basis.Length then Some chosen else None

    /// A kept block: its columns (sparse) and whether they make it real (realBasis).
    type Block = { Columns: GammaCompression.Rows; Real: bool }

    /// The kept blocks, or None when neither the stabiliser splits Γ nor an antiunitary element makes it real.
    /// `antiunitary`: the antiunitary elements that fix the orbit's guess (AntiunitaryCoset), tried in turn per block.
    let compute (st: Structure) (stabiliser: DataSymmetry array) (antiunitary: DataSymmetry array) : Block array option =
        let size = st.Moments.Size * st.Data.Dimension
        let actions = stabiliser |> Array.choose (RelabellingAction.ofSymmetry st)
        let conjugations = antiunitary |> Array.choose (RelabellingAction.ofSymmetry st)
        let whole = { Basis = Array.init size (fun k -> [| struct (k, Complex.One) |]); Elements = List.init actions.Length id }
        let blocks =
            refine size actions whole
            |> List.map (fun b ->
                match conjugations |> Array.tryPick (fun t -> realBasis size t b.Basis) with
                | Some columns -> { Columns = columns; Real = true }
                | None -> { Columns = b.Basis; Real = false })
        match blocks with
        | [ only ] when only.Columns.Length = size && not only.Real -> None
        | _ -> Some(List.toArray blocks)
