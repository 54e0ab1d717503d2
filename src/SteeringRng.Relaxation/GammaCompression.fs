namespace SteeringRng.Relaxation

open System.Collections.Generic
open System.Numerics
open System.Threading
open SteeringRng.Algebra

/// Facial reduction of the moment matrices for rank-deficient data. For every marginal projector
/// P = Π_{j∈J} P_{a_j|x_j} (J any subset of the untrusted parties, the empty product being I) whose Collins–Gisin
/// expansion P = Σ_w c_w w uses only words of S, and every κ in the kernel of the observed σ^obs_{a_J|x_J}:
///   z = Σ_w c_w e_w ⊗ κ  has  z† Γ^e z = κ† M^e(P†P) κ = κ† σ^e_{a_J|x_J} κ = 0
/// for every guess (0 ⪯ σ^e ⪯ σ^obs), so Γ^e z = 0 at every feasible point. Γ^e is replaced by W† Γ^e W with W an
/// orthonormal basis of the complement of all such z: the directions in which no feasible Γ^e can be strictly
/// positive are removed (this covers both pure conditional states and perfect correlations such as B_Z C_Z ≡ B_Z
/// on GHZ). The cross entries Γ^e z are then no longer forced to vanish, so the compressed matrix is a relaxation
/// of the exact face: sound (never below the true guessing probability), kept at least as tight as NS by the
/// positivity blocks.
module internal GammaCompression =

    /// Rows of the compressed Γ, each a sparse combination (coordinate of Γ, coefficient) with coordinates
    /// word index × d + α.
    type Rows = (struct (int * Complex)) array array

    open ComplexVectors

    /// The kernel vectors z described above (unnormalised), over coordinates word index × d + α.
    let private kernelVectors (data: AssemblageMoments) (s: Word array) =
        let d = data.Dimension
        let index = Dictionary<Word, int>()
        s |> Array.iteri (fun i w -> index[w] <- i)
        let scenario = data.Scenario
        // Per party: absent, or one (setting, outcome) of any outcome including the last.
        let perParty =
            [ for j in 0 .. scenario.PartyCount - 1 ->
                  let p = scenario.Party j
                  None :: [ for x in 0 .. p.Outcomes.Length - 1 do for a in 0 .. p.Outcomes[x] - 1 -> Some(j, x, a) ] ]
        let combos = perParty |> List.fold (fun acc opts -> [ for c in acc do for o in opts -> o :: c ]) [ [] ]
        [ for combo in combos do
              let factors = combo |> List.choose id |> List.rev
              let expansion = AssemblageMoments.expandProduct scenario factors
              if expansion |> List.forall (fun (w, _) -> index.ContainsKey w) then
                  let sigma = Array2D.zeroCreate d d
                  for (w, c) in expansion do
                      let m = data.Observed[data.Index[w]]
                      for a in 0 .. d - 1 do
                          for b in 0 .. d - 1 do
                              sigma[a, b] <- sigma[a, b] + Complex(c, 0.0) * m[a, b]
                  let _, kernel = HermitianSupport.split SupportReduction.RankTolerance sigma
                  for kappa in kernel do
                      let z = Array.zeroCreate (s.Length * d)
                      for (w, c) in expansion do
                          for alpha in 0 .. d - 1 do
                              let k = index[w] * d + alpha
                              z[k] <- z[k] + Complex(c, 0.0) * kappa[alpha]
                      yield z ]

    /// The compressed rows, or None when no direction has to be removed.
    /// (`cancellation` is checked per vector: the Gram–Schmidt passes are O(k² n) for k kernel vectors.)
    let computeCancellable (cancellation: CancellationToken) (data: AssemblageMoments) (s: Word array) : Rows option =
        let d = data.Dimension
        let n = s.Length * d
        let kernel = ResizeArray<Complex array>()
        for z in kernelVectors data s do
            cancellation.ThrowIfCancellationRequested()
            let scale = norm z
            orthogonalise kernel z
            let r = norm z
            if r > 1e-8 * scale then kernel.Add(z |> Array.map (fun x -> x / Complex(r, 0.0)))
        if kernel.Count = 0 then
            None
        else
            let touched = Array.init n (fun k -> kernel |> Seq.exists (fun z -> z[k].Magnitude > 1e-14))
            let complement = ResizeArray<Complex array>()
            let all = ResizeArray<Complex array>(kernel)
            for t in 0 .. n - 1 do
                if t % 64 = 0 then cancellation.ThrowIfCancellationRequested()
                if touched[t] then
                    let v = Array.init n (fun k -> if k = t then Complex.One else Complex.Zero)
                    orthogonalise all v
                    let r = norm v
                    if r > 1e-6 then
                        let u = v |> Array.map (fun x -> x / Complex(r, 0.0))
                        all.Add u
                        complement.Add u
            let sparse (v: Complex array) =
                [| for k in 0 .. n - 1 do
                       if v[k].Magnitude > 1e-14 then yield struct (k, v[k]) |]
            Some
                [| for k in 0 .. n - 1 do
                       if not touched[k] then yield [| struct (k, Complex.One) |]
                   for v in complement -> sparse v |]

    let compute (data: AssemblageMoments) (s: Word array) : Rows option = computeCancellable CancellationToken.None data s
