namespace SteeringRng.Relaxation.DeviceIndependent

open MathNet.Numerics.LinearAlgebra

/// The solutions of a consistent linear system A y = b, written as y = y_p + N t with t free
/// (y_p = A⁺b the least-norm solution, the columns of N a basis of ker A). The moment-form solver has only free
/// variables and PSD blocks, so data equalities are parametrised away: the SDP variables become t, and every
/// entry a·y_k of a block becomes the constant a·(y_p)_k plus Σ_j a·N_kj t_j. An interior-point method never sees
/// an equality it could only approach (two opposite inequalities would leave it no interior).
type internal AffineSolutions =
    { Particular: float[]
      /// N as rows: Kernel[k] is row k of N (its entries multiply t_0 … t_{r−1}).
      Kernel: float[][]
      /// r, the number of free parameters t.
      Dimension: int }

module internal AffineElimination =

    /// Entries of N below this are rounding noise of the SVD and are dropped (they would only densify the blocks).
    let private dust = 1e-13

    /// Solves A y = b (A given by its rows, each of length n). When the system has no solution (the data contradict
    /// each other: e.g. two values for one Bell expression), Error names the worst row and its miss.
    /// `rankTolerance`: singular values below it (relative to the largest) count as zero: 1e-10 for exact rows (Bell
    /// coefficients, 0/1 selections); larger for rows known only to some accuracy (a numerical face), whose exact
    /// dependencies would otherwise survive as tiny singular values and over-constrain y.
    /// `tolerance`: the largest relative miss |A y_p − b|_i / (1 + |b_i|) accepted as a solution.
    let solve (n: int) (rows: float[][]) (values: float[]) (describe: int -> string) (rankTolerance: float) (tolerance: float) : Result<AffineSolutions, string> =
        let a = Matrix<float>.Build.DenseOfRowArrays rows
        let svd = a.Svd(true)
        let s = svd.S
        let top = if s.Count = 0 then 0.0 else s[0]
        let rank = s |> Seq.filter (fun x -> x > rankTolerance * max top 1e-300) |> Seq.length
        let u = svd.U.SubMatrix(0, rows.Length, 0, rank)
        let v = svd.VT.SubMatrix(0, rank, 0, n).Transpose()
        let kernel = svd.VT.SubMatrix(rank, n - rank, 0, n).Transpose()
        // y_p = V S⁻¹ Uᵀ b.
        let coefficients = u.TransposeThisAndMultiply(Vector<float>.Build.DenseOfArray values).PointwiseDivide(s.SubVector(0, rank))
        let particular = (v * coefficients).ToArray()
        let back = (a * Vector<float>.Build.DenseOfArray particular).ToArray()
        let misses = Array.init values.Length (fun i -> abs (back[i] - values[i]))
        let worst = if misses.Length = 0 then -1 else Array.findIndex ((=) (Array.max misses)) misses
        if worst >= 0 && misses[worst] > tolerance * (1.0 + abs values[worst]) then
            Error(sprintf "the data contradict each other: no correlations satisfy them all (%s misses by %.3g)" (describe worst) misses[worst])
        else
            let rowsOfN =
                Array.init n (fun k -> Array.init (n - rank) (fun j -> let x = kernel[k, j] in if abs x < dust then 0.0 else x))
            Ok { Particular = particular; Kernel = rowsOfN; Dimension = n - rank }
