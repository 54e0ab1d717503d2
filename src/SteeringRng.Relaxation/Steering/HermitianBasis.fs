namespace SteeringRng.Relaxation.Steering

open System.Numerics
open MathNet.Numerics.LinearAlgebra
open SteeringRng.Sdp

/// One real coordinate of a d×d Hermitian matrix.
type HermitianComponent =
    /// E = |k⟩⟨k|, coordinate M_kk.
    | Diagonal of int
    /// E = |k⟩⟨l| + |l⟩⟨k| (k < l), coordinate 2 Re M_kl.
    | RealPart of int * int
    /// E = i|k⟩⟨l| − i|l⟩⟨k| (k < l), coordinate 2 Im M_kl.
    | ImagPart of int * int

/// Real coordinates of Hermitian matrices: H = Σ_c u_c E_c with the d² Hermitian basis matrices E_c,
/// and ⟨E_c, M⟩ = Re Tr(E_c M). Free Hermitian variables of the relaxations are written in this basis.
module HermitianBasis =

    /// The d² components, diagonal first, then (Re, Im) per upper-triangle pair.
    let components (d: int) : HermitianComponent[] =
        [| for k in 0 .. d - 1 -> Diagonal k
           for k in 0 .. d - 1 do
               for l in k + 1 .. d - 1 do
                   yield RealPart(k, l)
                   yield ImagPart(k, l) |]

    /// The basis matrix E_c.
    let element (d: int) (c: HermitianComponent) : Matrix<Complex> =
        let e = Matrix<Complex>.Build.Dense(d, d)
        match c with
        | Diagonal k -> e[k, k] <- Complex.One
        | RealPart(k, l) ->
            e[k, l] <- Complex.One
            e[l, k] <- Complex.One
        | ImagPart(k, l) ->
            e[k, l] <- Complex.ImaginaryOne
            e[l, k] <- -Complex.ImaginaryOne
        e

    /// ⟨E_c, M⟩ = Re Tr(E_c M) for Hermitian M.
    let coordinate (c: HermitianComponent) (m: Matrix<Complex>) : float =
        match c with
        | Diagonal k -> m[k, k].Real
        | RealPart(k, l) -> 2.0 * m[k, l].Real
        | ImagPart(k, l) -> 2.0 * m[k, l].Imaginary

    /// H = Σ_c u_c E_c.
    let ofCoordinates (d: int) (u: float[]) : Matrix<Complex> =
        let h = Matrix<Complex>.Build.Dense(d, d)
        components d
        |> Array.iteri (fun i c ->
            match c with
            | Diagonal k -> h[k, k] <- h[k, k] + Complex(u[i], 0.0)
            | RealPart(k, l) ->
                h[k, l] <- h[k, l] + Complex(u[i], 0.0)
                h[l, k] <- h[l, k] + Complex(u[i], 0.0)
            | ImagPart(k, l) ->
                h[k, l] <- h[k, l] + Complex(0.0, u[i])
                h[l, k] <- h[l, k] + Complex(0.0, -u[i]))
        h

    /// The upper-triangle entries of a Hermitian matrix as entries of SDP block `block`, dropping those
    /// below `dropBelow` in magnitude (exact zeros and round-off from products with support isometries).
    let toEntries (block: int) (dropBelow: float) (m: Matrix<Complex>) : SdpEntry list =
        [ for r in 0 .. m.RowCount - 1 do
              for c in r .. m.ColumnCount - 1 do
                  let v = m[r, c]
                  let re = if abs v.Real > dropBelow then v.Real else 0.0
                  let im = if r <> c && abs v.Imaginary > dropBelow then v.Imaginary else 0.0
                  if re <> 0.0 || im <> 0.0 then
                      yield SdpEntry(block, r, c, re, im) ]

    /// A Hermitian matrix from the dense value of an SDP block (row-major Re and Im).
    let ofBlockValue (value: SdpBlockValue) : Matrix<Complex> =
        let n = value.Shape.Size
        Matrix<Complex>.Build.Dense(n, n, fun r c ->
            let im = match value.Im with null -> 0.0 | im -> im[r * n + c]
            Complex(value.Re[r * n + c], im))
