namespace SteeringRng.Relaxation.Steering

/// Picks a maximal linearly independent subset of equality rows a_i · X = b_i, in order, by modified Gram–Schmidt
/// (two passes, for rows that are nearly parallel to the span). A row is dependent when what is left after
/// projecting out the kept rows is below RelativeTolerance of the largest row norm (not of its own norm: a row
/// that is zero up to round-off, e.g. 1e-17 μ = 0, must count as dependent, not pin μ); its right-hand side must
/// then be the same combination of the kept right-hand sides (otherwise the system is inconsistent and the
/// selection fails).
module internal IndependentRows =

    [<Literal>]
    let RelativeTolerance = 1e-9

    /// How far a dropped row's b may be from the combination of the kept b's, relative to the largest |b_i|.
    [<Literal>]
    let ConsistencyTolerance = 1e-7

    type private Basis =
        { Vectors: ResizeArray<float array>
          Rhs: ResizeArray<float> }

    let private dot (a: float array) (b: float array) =
        let mutable s = 0.0
        for i in 0 .. a.Length - 1 do
            s <- s + a[i] * b[i]
        s

    /// The indices of the kept rows, or None when a dropped row's right-hand side is inconsistent.
    /// rows: the row vectors a_i (all of one length) with their b_i.
    /// (`cancellation` is checked every 64 rows: each row is projected on up to all kept rows.)
    let selectCancellable (cancellation: System.Threading.CancellationToken) (rows: (float array * float) array) : int array option =
        let basis = { Vectors = ResizeArray(); Rhs = ResizeArray() }
        let kept = ResizeArray<int>()
        let mutable largestRhs = 0.0
        let mutable worstResidual = 0.0
        let scale = rows |> Array.fold (fun m (row, _) -> max m (sqrt (dot row row))) 0.0
        let mutable i = 0
        for (row, rhs) in rows do
            if i % 64 = 0 then cancellation.ThrowIfCancellationRequested()
            largestRhs <- max largestRhs (abs rhs)
            let a = Array.copy row
            let mutable b = rhs
            for _ in 1 .. 2 do
                for q in 0 .. basis.Vectors.Count - 1 do
                    let v = basis.Vectors[q]
                    let c = dot a v
                    if c <> 0.0 then
                        for t in 0 .. a.Length - 1 do
                            a[t] <- a[t] - c * v[t]
                        b <- b - c * basis.Rhs[q]
            let norm = sqrt (dot a a)
            if norm > RelativeTolerance * scale then
                basis.Vectors.Add(a |> Array.map (fun t -> t / norm))
                basis.Rhs.Add(b / norm)
                kept.Add i
            else
                worstResidual <- max worstResidual (abs b)
            i <- i + 1
        if worstResidual > ConsistencyTolerance * max 1.0 largestRhs then None else Some(kept.ToArray())

    /// selectCancellable without a token.
    let select (rows: (float array * float) array) : int array option = selectCancellable System.Threading.CancellationToken.None rows
