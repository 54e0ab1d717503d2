namespace SteeringRng.Relaxation

open System.Numerics

/// Real parametrisations of d×d moment blocks. A parameter p stands for the matrix E_p (its nonzero entries
/// listed as (row, col, value)); a block is Σ_p x_p E_p with real x_p.
module internal BlockParameters =

    /// One real parameter: the matrix it multiplies and what it is (entry and part) for read-back.
    type Parameter =
        { Entries: struct (int * int * Complex) array
          Row: int
          Col: int
          Part: ValuePart }

    /// Hermitian blocks (moments of self-adjoint words): d² parameters — the real diagonal, then for each
    /// α < β the real part (E = e_αβ + e_βα) and the imaginary part (E = i e_αβ − i e_βα).
    let hermitian (d: int) : Parameter array =
        [| for a in 0 .. d - 1 ->
               { Entries = [| struct (a, a, Complex.One) |]; Row = a; Col = a; Part = ValuePart.Real }
           for a in 0 .. d - 1 do
               for b in a + 1 .. d - 1 do
                   yield
                       { Entries = [| struct (a, b, Complex.One); struct (b, a, Complex.One) |]
                         Row = a; Col = b; Part = ValuePart.Real }
                   yield
                       { Entries = [| struct (a, b, Complex.ImaginaryOne); struct (b, a, -Complex.ImaginaryOne) |]
                         Row = a; Col = b; Part = ValuePart.Imaginary } |]

    /// General complex blocks (moments of words w ≠ w†): 2d² parameters, Re and Im of every entry.
    let general (d: int) : Parameter array =
        [| for a in 0 .. d - 1 do
               for b in 0 .. d - 1 do
                   yield { Entries = [| struct (a, b, Complex.One) |]; Row = a; Col = b; Part = ValuePart.Real }
                   yield { Entries = [| struct (a, b, Complex.ImaginaryOne) |]; Row = a; Col = b; Part = ValuePart.Imaginary } |]
