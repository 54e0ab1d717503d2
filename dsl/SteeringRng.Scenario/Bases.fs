/// Measurement bases and POVMs as explicit matrices. Outcome j of a basis is the projector onto its
/// j-th vector. Conventions: Z is the computational basis (outcome j <-> |j>); X and F are the Fourier
/// basis f_j = (1/sqrt d) sum_n w^{jn} |n>, w = exp(2 pi i / d), the eigenbasis of the shift, so that
/// outcome 0 of a qubit X or Z is the +1 eigenvector; qubit Y has outcome 0 = (|0> + i|1>)/sqrt 2.
module internal SteeringRng.Scenario.Bases

open System
open System.Numerics

let isPrime (d: int) = d >= 2 && Seq.forall (fun k -> d % k <> 0) (seq { 2 .. int (sqrt (float d)) })

/// w^k with the exponent reduced mod d first, so that e.g. w^d is exactly 1.
let private rootOfUnity (d: int) (k: int64) =
    let r = int (((k % int64 d) + int64 d) % int64 d)
    if r = 0 then Complex.One else Complex.FromPolarCoordinates(1.0, 2.0 * Math.PI * float r / float d)

let computational (d: int) : Complex[][] =
    Array.init d (fun j -> Array.init d (fun n -> if n = j then Complex.One else Complex.Zero))

let fourier (d: int) : Complex[][] =
    let s = 1.0 / sqrt (float d)
    Array.init d (fun j -> Array.init d (fun n -> s * rootOfUnity d (int64 j * int64 n)))

let pauliY: Complex[][] =
    let s = 1.0 / sqrt 2.0
    [| [| Complex(s, 0.0); Complex(0.0, s) |]; [| Complex(s, 0.0); Complex(0.0, -s) |] |]

/// The k-th of the d+1 mutually unbiased bases, k = 0..d: k = 0 is the computational basis and k = 1
/// the Fourier basis (any d). For an odd prime d, basis k >= 1 has vectors
/// v_j = (1/sqrt d) sum_n w^{(k-1) n^2 + j n} |n> (Wootters-Fields); for d = 2, k = 2 is the Y basis.
let mub (d: int) (k: int) : Result<Complex[][], string> =
    if k < 0 || k > d then
        Result.Error(sprintf "the index must be between 0 and %d" d)
    elif k = 0 then
        Result.Ok(computational d)
    elif k = 1 then
        Result.Ok(fourier d)
    elif not (isPrime d) then
        Result.Error "only mub(0) (computational) and mub(1) (Fourier) are defined when the dimension is not prime"
    elif d = 2 then
        Result.Ok pauliY
    else
        let s = 1.0 / sqrt (float d)
        let b = int64 (k - 1)
        Result.Ok(Array.init d (fun j -> Array.init d (fun n -> s * rootOfUnity d (b * int64 n * int64 n + int64 j * int64 n))))

let projectors (basis: Complex[][]) : Dense.Matrix[] = basis |> Array.map Dense.projector

/// The qubit POVM {(I + n.sigma)/2, (I - n.sigma)/2} for a Bloch vector n with |n| <= 1.
let bloch (x: float) (y: float) (z: float) : Dense.Matrix[] =
    let element sign =
        let h (v: float) = Complex(0.5 * sign * v, 0.0)
        array2D
            [ [ Complex(0.5, 0.0) + h z; h x - Complex(0.0, 0.5 * sign * y) ]
              [ h x + Complex(0.0, 0.5 * sign * y); Complex(0.5, 0.0) - h z ] ]
    [| element 1.0; element -1.0 |]
