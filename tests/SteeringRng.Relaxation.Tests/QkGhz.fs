/// A self-contained 3-qubit GHZ realisation (Alice trusted, Bob and Charlie measuring X, Y, Z) used as the
/// independent oracle for the Q_k tests: plain dense matrices, no canonical words involved.
module SteeringRng.Relaxation.Tests.QkGhz

open System.Numerics
open SteeringRng.Algebra
open SteeringRng.Quantum

let private c (x: float) = Complex(x, 0.0)

let identity n = Array2D.init n n (fun i j -> if i = j then Complex.One else Complex.Zero)

let matmul (a: Complex[,]) (b: Complex[,]) =
    Array2D.init (Array2D.length1 a) (Array2D.length2 b) (fun i j ->
        let mutable s = Complex.Zero
        for k in 0 .. Array2D.length2 a - 1 do
            s <- s + a[i, k] * b[k, j]
        s)

let kron (a: Complex[,]) (b: Complex[,]) =
    let rb, cb = Array2D.length1 b, Array2D.length2 b
    Array2D.init (Array2D.length1 a * rb) (Array2D.length2 a * cb) (fun i j -> a[i / rb, j / cb] * b[i % rb, j % cb])

let dagger (a: Complex[,]) = Array2D.init (Array2D.length2 a) (Array2D.length1 a) (fun i j -> Complex.Conjugate a[j, i])

let pauli =
    [| array2D [ [ c 0.0; c 1.0 ]; [ c 1.0; c 0.0 ] ]
       array2D [ [ c 0.0; -Complex.ImaginaryOne ]; [ Complex.ImaginaryOne; c 0.0 ] ]
       array2D [ [ c 1.0; c 0.0 ]; [ c 0.0; c -1.0 ] ] |]

/// (I ± σ_y)/2: outcome 0 is the +1 eigenprojector of setting y (X, Y, Z).
let projector (setting: int) (outcome: int) =
    let sign = if outcome = 0 then 1.0 else -1.0
    Array2D.init 2 2 (fun i j -> c 0.5 * ((identity 2)[i, j] + c sign * pauli[setting][i, j]))

/// The 8×8 operator of a letter: Bob (party 0) acts on qubit 2, Charlie (party 1) on qubit 3.
let letterOperator (letter: int) =
    let p = projector (Letter.setting letter) (Letter.outcome letter)
    if Letter.party letter = 0 then kron (identity 2) (kron p (identity 2)) else kron (identity 4) p

let wordOperator (w: Word) = w.ToArray() |> Array.fold (fun acc l -> matmul acc (letterOperator l)) (identity 8)

/// Tr over Bob and Charlie of an 8×8 matrix.
let traceBC (m: Complex[,]) =
    Array2D.init 2 2 (fun i j ->
        let mutable s = Complex.Zero
        for k in 0..3 do
            s <- s + m[i * 4 + k, j * 4 + k]
        s)

/// μ|GHZ⟩⟨GHZ| + (1 − μ) I/8.
let ghz (mu: float) =
    Array2D.init 8 8 (fun i j ->
        let pureState = if (i = 0 || i = 7) && (j = 0 || j = 7) then 0.5 else 0.0
        c (mu * pureState + (if i = j then (1.0 - mu) / 8.0 else 0.0)))

/// σ_{bc|yz} = Tr_BC[(I ⊗ P_{b|y} ⊗ P_{c|z}) ρ] for the given settings count (X, Y[, Z]).
let assemblage (rho: Complex[,]) (settings: int) =
    Assemblage(
        2, [| settings; settings |], [| 2; 2 |],
        System.Func<int array, int array, Complex[,]>(fun a x ->
            let m = kron (identity 2) (kron (projector x[0] a[0]) (projector x[1] a[1]))
            traceBC (matmul m rho)))

/// The moment Tr_BC[(I ⊗ w) ρ] of a word.
let moment (rho: Complex[,]) (w: Word) = traceBC (matmul (wordOperator w) rho)
