namespace SteeringRng.Relaxation

open System.Numerics
open System.Threading

/// Facial reduction for rank-deficient data (docs/formulations/facial-reduction.md). Every sub-assemblage block satisfies
/// 0 ⪯ σ^e_{a|x} ⪯ σ^obs_{a|x}, so it lives on the support of the observed block: K† σ^e_{a|x} = 0 for a basis K
/// of the observed block's kernel. These linear equalities on one guess's assemblage-word moments are solved
/// once (a null-space basis), and the variables become coordinates in that basis; the solver never sees an
/// equality. The same supports let the relaxation compress each positivity block to its support (exact here:
/// the block is V τ V† by construction) and the moment matrices (GammaCompression).
type internal SupportReduction =
    { /// Orthonormal support basis of each observed full-outcome block σ^obs_{a|x} (AssemblageMoments.Tuples order).
      TupleSupport: Complex array array array
      /// Basis (vectors over the |W|·d² Hermitian parameters of one guess) of the sub-assemblage moments that
      /// respect all supports; None when every observed block has full rank (nothing to reduce).
      Basis: float array array option }

module internal SupportReduction =

    /// Eigenvalues below this fraction of the largest one count as zero.
    [<Literal>]
    let RankTolerance = 1e-9

    /// (`cancellation` reaches the null-space elimination, the expensive part for large rank-deficient data.)
    let computeCancellable (cancellation: CancellationToken) (data: AssemblageMoments) : SupportReduction =
        let d = data.Dimension
        let split (m: Complex[,]) = HermitianSupport.split RankTolerance m
        let tupleSplit =
            data.Blocks
            |> Array.mapi (fun t m ->
                try
                    split m
                with :? System.ArgumentException as e ->
                    let struct (a, x) = data.Tuples[t]
                    let name = $"σ_{{{System.String.Join(',', a)}|{System.String.Join(',', x)}}}"
                    invalidArg "assemblage" $"The observed block {name} cannot be used: {e.Message}")
        let deficient = tupleSplit |> Array.exists (fun (s, _) -> s.Length < d)
        if not deficient then
            { TupleSupport = tupleSplit |> Array.map fst
              Basis = None }
        else
            let parameters = BlockParameters.hermitian d
            let np = parameters.Length
            let n = data.Words.Length * np
            // Row for kernel vector κ and column α of tuple t: (κ† σ_t)[α] = Σ_w c_w Σ_β conj κ_β M(w)[β, α] = 0.
            let rows =
                seq {
                    for t in 0 .. data.Tuples.Length - 1 do
                        let _, kernel = tupleSplit[t]
                        for kappa in kernel do
                            for alpha in 0 .. d - 1 do
                                let re = Array.zeroCreate n
                                let im = Array.zeroCreate n
                                for struct (wi, c) in data.Expansion[t] do
                                    parameters
                                    |> Array.iteri (fun p par ->
                                        for struct (beta, col, v) in par.Entries do
                                            if col = alpha then
                                                let z = Complex(c, 0.0) * Complex.Conjugate(kappa[beta]) * v
                                                re[wi * np + p] <- re[wi * np + p] + z.Real
                                                im[wi * np + p] <- im[wi * np + p] + z.Imaginary)
                                yield re
                                yield im
                }
            { TupleSupport = tupleSplit |> Array.map fst
              Basis = Some(NullSpace.basisCancellable cancellation n rows 1e-10) }

    let compute (data: AssemblageMoments) : SupportReduction = computeCancellable CancellationToken.None data
