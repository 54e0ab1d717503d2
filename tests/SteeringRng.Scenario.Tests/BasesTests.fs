/// Measurement bases: orthonormal, mutually unbiased where promised, the documented conventions.
module SteeringRng.Scenario.Tests.BasesTests

open System
open System.Numerics
open Expecto
open SteeringRng.Scenario

let inner (a: Complex[]) (b: Complex[]) = Array.fold2 (fun acc x y -> acc + Complex.Conjugate x * y) Complex.Zero a b

let basis d k =
    match Bases.mub d k with
    | Result.Ok b -> b
    | Result.Error e -> failwith e

let matrixClose (a: Dense.Matrix) (b: Dense.Matrix) = Expect.isLessThan (Dense.distance a b) 1e-15 "matrices agree"

let c (re: float) (im: float) = Complex(re, im)

[<Tests>]
let tests =
    testList
        "bases"
        [ for d in [ 2; 3; 5; 7 ] do
              test (sprintf "the %d+1 bases in dimension %d are orthonormal and mutually unbiased" d d) {
                  let bases = [ for k in 0 .. d -> basis d k ]
                  for b in bases do
                      for i in 0 .. d - 1 do
                          for j in 0 .. d - 1 do
                              let expected = if i = j then 1.0 else 0.0
                              Expect.isLessThan (Complex.Abs(inner b[i] b[j] - Complex(expected, 0.0))) 1e-12 "orthonormal"
                  // |<a_i|b_j>|^2 = 1/d for vectors of different bases
                  for k in 0 .. d do
                      for l in k + 1 .. d do
                          for a in bases[k] do
                              for b in bases[l] do
                                  Expect.isLessThan (abs ((Complex.Abs(inner a b)) ** 2.0 - 1.0 / float d)) 1e-12 "unbiased"
              }
          test "dimension 4 has only mub(0) and mub(1), and they are unbiased" {
              let z, f = basis 4 0, basis 4 1
              for a in z do
                  for b in f do
                      Expect.isLessThan (abs ((Complex.Abs(inner a b)) ** 2.0 - 0.25)) 1e-12 "unbiased"
              Expect.isError (Bases.mub 4 2) "mub(2) needs a prime"
              Expect.isError (Bases.mub 3 4) "index beyond d"
          }
          test "qubit conventions: outcome 0 is the +1 eigenvector of Z, X and Y" {
              let half = 0.5
              matrixClose (Bases.projectors (Bases.computational 2)).[0] (array2D [ [ c 1.0 0.0; c 0.0 0.0 ]; [ c 0.0 0.0; c 0.0 0.0 ] ])
              matrixClose (Bases.projectors (Bases.fourier 2)).[0] (array2D [ [ c half 0.0; c half 0.0 ]; [ c half 0.0; c half 0.0 ] ])
              // |y+><y+| = (I + Y)/2 = [[1/2, -i/2], [i/2, 1/2]]
              matrixClose (Bases.projectors Bases.pauliY).[0] (array2D [ [ c half 0.0; c 0.0 -half ]; [ c 0.0 half; c half 0.0 ] ])
          }
          test "Bloch POVMs sum to the identity and reproduce the Bloch vector" {
              let x, y, z = 0.48, 0.36, 0.8
              let povm = Bases.bloch x y z
              matrixClose (Dense.sum 2 povm) (Dense.identity 2)
              // E0 - E1 = n.sigma, so Tr[(E0 - E1) sigma_k] = 2 n_k
              let diff = Array2D.init 2 2 (fun i j -> povm[0][i, j] - povm[1][i, j])
              let tr (s: Complex[,]) = Seq.fold (+) Complex.Zero [ for i in 0..1 do for j in 0..1 -> diff[i, j] * s[j, i] ]
              let sx = array2D [ [ c 0.0 0.0; c 1.0 0.0 ]; [ c 1.0 0.0; c 0.0 0.0 ] ]
              let sy = array2D [ [ c 0.0 0.0; c 0.0 -1.0 ]; [ c 0.0 1.0; c 0.0 0.0 ] ]
              let sz = array2D [ [ c 1.0 0.0; c 0.0 0.0 ]; [ c 0.0 0.0; c -1.0 0.0 ] ]
              Expect.isLessThan (Complex.Abs(tr sx - c (2.0 * x) 0.0)) 1e-15 "x"
              Expect.isLessThan (Complex.Abs(tr sy - c (2.0 * y) 0.0)) 1e-15 "y"
              Expect.isLessThan (Complex.Abs(tr sz - c (2.0 * z) 0.0)) 1e-15 "z"
          }
          test "the positivity test accepts PSD and rejects indefinite matrices" {
              Expect.isTrue (Dense.isPsd 1e-12 (array2D [ [ c 1.0 0.0; c 1.0 0.0 ]; [ c 1.0 0.0; c 1.0 0.0 ] ])) "singular PSD"
              Expect.isFalse (Dense.isPsd 1e-12 (array2D [ [ c 1.0 0.0; c 2.0 0.0 ]; [ c 2.0 0.0; c 1.0 0.0 ] ])) "eigenvalue -1"
          }
          test "data files read real and complex numbers and name the line of a bad token" {
              Expect.equal (NumberFile.read "1, -2.5e-1 # comment\n0.5+0.25i -i 3i")
                  (Result.Ok [| c 1.0 0.0; c -0.25 0.0; c 0.5 0.25; c 0.0 -1.0; c 0.0 3.0 |]) "numbers"
              Expect.equal (NumberFile.read "1 2\n3 x4") (Result.Error "line 2: cannot read 'x4' as a number") "error"
          } ]
