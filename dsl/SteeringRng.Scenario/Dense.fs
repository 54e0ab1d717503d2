/// The little dense complex linear algebra the checker needs to validate measurements and to
/// build state descriptions: no factorisations beyond a tolerant Cholesky test for positivity.
/// (Full physical validation of states lives in SteeringRng.Quantum; see CheckOptions.ValidateState.)
module internal SteeringRng.Scenario.Dense

open System.Numerics

type Matrix = Complex[,]

let zeros (n: int) : Matrix = Array2D.create n n Complex.Zero

let identity (n: int) : Matrix = Array2D.init n n (fun i j -> if i = j then Complex.One else Complex.Zero)

/// |v><v|
let projector (v: Complex[]) : Matrix = Array2D.init v.Length v.Length (fun i j -> v[i] * Complex.Conjugate v[j])

let scale (s: Complex) (m: Matrix) : Matrix = Array2D.map (fun z -> s * z) m

/// m <- m + s * a (in place; both n x n)
let addScaledInPlace (m: Matrix) (s: Complex) (a: Matrix) =
    for i in 0 .. Array2D.length1 m - 1 do
        for j in 0 .. Array2D.length2 m - 1 do
            m[i, j] <- m[i, j] + s * a[i, j]

let sum (n: int) (ms: Matrix seq) : Matrix =
    let acc = zeros n
    for m in ms do
        addScaledInPlace acc Complex.One m
    acc

let trace (m: Matrix) = Seq.fold (+) Complex.Zero [ for i in 0 .. Array2D.length1 m - 1 -> m[i, i] ]

/// max |m_ij - conj(m_ji)|
let hermiticityError (m: Matrix) =
    let n = Array2D.length1 m
    seq { for i in 0 .. n - 1 do for j in 0 .. n - 1 -> Complex.Abs(m[i, j] - Complex.Conjugate m[j, i]) } |> Seq.fold max 0.0

/// max |a_ij - b_ij|
let distance (a: Matrix) (b: Matrix) =
    let n = Array2D.length1 a
    seq { for i in 0 .. n - 1 do for j in 0 .. n - 1 -> Complex.Abs(a[i, j] - b[i, j]) } |> Seq.fold max 0.0

/// Whether a Hermitian matrix is positive semidefinite up to tol: M + tol*I has a Cholesky factor.
let isPsd (tol: float) (m: Matrix) =
    let n = Array2D.length1 m
    let l = zeros n
    let mutable ok = true
    let mutable j = 0
    while ok && j < n do
        // L_jj^2 = A_jj - sum_k |L_jk|^2 ; L_ij = (A_ij - sum_k L_ik conj(L_jk)) / L_jj
        let mutable d = m[j, j].Real + tol
        for k in 0 .. j - 1 do
            d <- d - (Complex.Abs l[j, k]) ** 2.0
        if d <= 0.0 || System.Double.IsNaN d then
            ok <- false
        else
            let ljj = sqrt d
            l[j, j] <- Complex(ljj, 0.0)
            for i in j + 1 .. n - 1 do
                let mutable s = m[i, j]
                for k in 0 .. j - 1 do
                    s <- s - l[i, k] * Complex.Conjugate l[j, k]
                l[i, j] <- s / ljj
        j <- j + 1
    ok

let norm (v: Complex[]) = sqrt (v |> Array.sumBy (fun z -> (Complex.Abs z) ** 2.0))
