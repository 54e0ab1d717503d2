namespace SteeringRng.Relaxation

open System.Numerics

/// Arithmetic on affine moment blocks and their emission into a moment-form SDP.
module internal MomentExpressions =

    let zero (d: int) : MomentExpression =
        { Dimension = d; Constant = Array2D.zeroCreate d d; Terms = [||] }

    /// Σ_i c_i X_i for real c_i (terms are concatenated; the builder sums repeated positions).
    let combine (d: int) (parts: (float * MomentExpression) seq) : MomentExpression =
        let constant = Array2D.zeroCreate d d
        let terms = ResizeArray()
        for (c, x) in parts do
            for i in 0 .. d - 1 do
                for j in 0 .. d - 1 do
                    constant[i, j] <- constant[i, j] + Complex(c, 0.0) * x.Constant[i, j]
            for struct (k, r, col, a) in x.Terms do
                terms.Add(struct (k, r, col, Complex(c, 0.0) * a))
        { Dimension = d; Constant = constant; Terms = terms.ToArray() }

    /// Adds V_rᴴ X V_c to Γ at (rowOffset, colOffset) of `block`, upper triangle only when `diagonal`.
    /// V = None is the identity (no compression); a basis is an array of orthonormal vectors (its columns).
    let emit
        (builder: MomentFormBuilder)
        (constantsOnly: bool)
        (block: int)
        (rowOffset: int, colOffset: int)
        (vr: Complex array array option, vc: Complex array array option)
        (diagonal: bool)
        (x: MomentExpression)
        =
        let d = x.Dimension
        match vr, vc with
        | None, None ->
            for a in 0 .. d - 1 do
                for b in (if diagonal then a else 0) .. d - 1 do
                    builder.AddConstant(block, rowOffset + a, colOffset + b, x.Constant[a, b])
            if not constantsOnly then
                for struct (k, a, b, c) in x.Terms do
                    if not diagonal || a <= b then builder.AddLinear(k, block, rowOffset + a, colOffset + b, c)
        | _ ->
            let identity = Array.init d (fun i -> Array.init d (fun j -> if i = j then Complex.One else Complex.Zero))
            let left = defaultArg vr identity
            let right = defaultArg vc identity
            // (V_rᴴ X V_c)[a, b] = Σ_{α,β} conj(V_r[a][α]) X[α, β] V_c[b][β]
            for a in 0 .. left.Length - 1 do
                for b in (if diagonal then a else 0) .. right.Length - 1 do
                    let mutable s = Complex.Zero
                    for alpha in 0 .. d - 1 do
                        for beta in 0 .. d - 1 do
                            s <- s + Complex.Conjugate(left[a][alpha]) * x.Constant[alpha, beta] * right[b][beta]
                    builder.AddConstant(block, rowOffset + a, colOffset + b, s)
            if not constantsOnly then
                for struct (k, alpha, beta, c) in x.Terms do
                    for a in 0 .. left.Length - 1 do
                        let l = Complex.Conjugate(left[a][alpha]) * c
                        if l <> Complex.Zero then
                            for b in (if diagonal then a else 0) .. right.Length - 1 do
                                builder.AddLinear(k, block, rowOffset + a, colOffset + b, l * right[b][beta])
