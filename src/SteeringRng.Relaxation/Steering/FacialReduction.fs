namespace SteeringRng.Relaxation.Steering

open System.Numerics
open MathNet.Numerics.LinearAlgebra

/// The support of a PSD block: an isometry V onto the eigenvectors with eigenvalue above a tolerance,
/// and W onto the rest (V V† + W W† = I).
type Support =
    { Range: Matrix<Complex>
      Kernel: Matrix<Complex> }

    member this.Rank = this.Range.ColumnCount

/// Facial reduction for rank-deficient data (docs/formulations/facial-reduction.md). Sub-assemblage blocks satisfy
/// 0 ⪯ σ^e_{a|x} ⪯ σ^obs_{a|x}, so each lives on the support of the observed block: σ^e = P σ^e P with
/// P = V V†. Imposing W† σ^e = 0 on the parametrisation and testing positivity of V† σ^e V only is exact
/// and gives the SDP a strictly feasible point again (otherwise interior-point methods stall near 1e-4).
module FacialReduction =

    /// Eigen-decomposition of the Hermitian part; eigenvalues above `tolerance` span the range.
    let support (tolerance: float) (block: Matrix<Complex>) : Support =
        let h = (block + block.ConjugateTranspose()) / Complex(2.0, 0.0)
        let evd = h.Evd(MathNet.Numerics.LinearAlgebra.Symmetricity.Hermitian)
        let values = evd.EigenValues |> Seq.map (fun z -> z.Real) |> Seq.toArray
        let vectors = evd.EigenVectors
        let pick pred =
            let cols = [| for i in 0 .. values.Length - 1 do if pred values[i] then yield vectors.Column i |]
            if cols.Length = 0 then Matrix<Complex>.Build.Dense(h.RowCount, 0)
            else Matrix<Complex>.Build.DenseOfColumnVectors cols
        { Range = pick (fun v -> v > tolerance); Kernel = pick (fun v -> v <= tolerance) }

    /// Whether `block` has the same support as `s`: rank equal and no weight outside the range.
    let sameSupport (tolerance: float) (s: Support) (block: Matrix<Complex>) : bool =
        let s' = support tolerance block
        s'.Rank = s.Rank
        && (s.Kernel.ColumnCount = 0
            || (s.Kernel.ConjugateTranspose() * block).Enumerate() |> Seq.forall (fun z -> z.Magnitude <= tolerance))

    /// An orthonormal basis (columns) of the null space of L (rows = linear constraints), via the SVD:
    /// the right singular vectors whose singular values are below `tolerance` × the largest.
    let nullSpace (tolerance: float) (l: Matrix<float>) : Matrix<float> =
        if l.RowCount = 0 then Matrix<float>.Build.DenseIdentity l.ColumnCount
        else
            let svd = l.Svd(true)
            let s = svd.S
            let largest = if s.Count = 0 then 0.0 else s.Maximum()
            let rank = s |> Seq.filter (fun v -> v > tolerance * max largest 1.0) |> Seq.length
            let vt = svd.VT
            let n = l.ColumnCount
            if rank = n then Matrix<float>.Build.Dense(n, 0)
            else vt.SubMatrix(rank, n - rank, 0, n).Transpose()
