module SteeringRng.Relaxation.Tests.HermitianSupportTests

open System
open System.Numerics
open Expecto
open SteeringRng.Relaxation

let private block (entries: Complex[,]) = entries

[<Tests>]
let tests =
    testList "HermitianSupport" [
        test "a block that is zero up to round-off has no support and is not called negative" {
            // Pure-state assemblages (GHZ at mu = 1, W-like states) have blocks that are 0 up to ±1e-16.
            let noise = block (array2D [ [ Complex(1.1e-16, 0.0); Complex(0.0, 0.0) ]
                                         [ Complex(0.0, 0.0); Complex(-1.1e-16, 0.0) ] ])
            let support, kernel = HermitianSupport.split 1e-9 noise
            Expect.equal support.Length 0 "no support"
            Expect.equal kernel.Length 2 "the whole space is kernel"
        }
        test "a rank-one projector has a one-dimensional support along its vector" {
            // |+i><+i| / 2 with |+i> = (1, i)/sqrt 2: support spanned by (1, i)/sqrt 2.
            let h = block (array2D [ [ Complex(0.25, 0.0); Complex(0.0, -0.25) ]
                                     [ Complex(0.0, 0.25); Complex(0.25, 0.0) ] ])
            let support, kernel = HermitianSupport.split 1e-9 h
            Expect.equal support.Length 1 "rank one"
            Expect.equal kernel.Length 1 "one kernel direction"
            let v = support[0]
            // |<+i|v>| = 1 for the unit vector v spanning the support.
            let overlap = (v[0] + Complex(0.0, -1.0) * v[1]) / Complex(sqrt 2.0, 0.0)
            Expect.floatClose Accuracy.high overlap.Magnitude 1.0 "support is |+i>"
        }
        test "a clearly negative block is refused with its smallest eigenvalue" {
            let h = block (array2D [ [ Complex(1.0, 0.0); Complex(0.0, 0.0) ]
                                     [ Complex(0.0, 0.0); Complex(-0.01, 0.0) ] ])
            let message =
                try
                    HermitianSupport.split 1e-9 h |> ignore
                    ""
                with :? ArgumentException as e -> e.Message
            Expect.stringContains message "smallest eigenvalue -0.01" "names the negative eigenvalue"
        }
    ]
