namespace SteeringRng.Relaxation

open System.Threading

/// Null space of a real linear system, used to parametrise linear equalities away (the solver never sees them).
module internal NullSpace =

    /// A basis of {x : A x = 0} for the rows A (each of length n), as columns: result[k] is a vector of length n.
    /// Reduced row echelon form with partial pivoting; entries below tolerance × (largest |entry|) count as zero.
    /// The basis vector of free column f has a 1 at f, 0 at the other free columns and −(pivot row entries) elsewhere.
    /// (`cancellation` is checked once per column: the elimination is O(rows · n · rank), minutes for large data.)
    let basisCancellable (cancellation: CancellationToken) (n: int) (rows: float array seq) (tolerance: float) : float array array =
        let a = rows |> Seq.map (fun r -> cancellation.ThrowIfCancellationRequested(); Array.copy r) |> Seq.toArray
        let scale = a |> Array.fold (fun m r -> r |> Array.fold (fun m x -> max m (abs x)) m) 0.0
        let eps = tolerance * max scale 1e-300
        let pivotOfColumn = Array.create n -1
        let mutable rank = 0
        for col in 0 .. n - 1 do
            cancellation.ThrowIfCancellationRequested()
            if rank < a.Length then
                let mutable best = rank
                for r in rank + 1 .. a.Length - 1 do
                    if abs (a[r][col]) > abs (a[best][col]) then best <- r
                if abs (a[best][col]) > eps then
                    let t = a[rank]
                    a[rank] <- a[best]
                    a[best] <- t
                    let p = a[rank]
                    let inv = 1.0 / p[col]
                    for j in 0 .. n - 1 do
                        p[j] <- p[j] * inv
                    for r in 0 .. a.Length - 1 do
                        if r <> rank then
                            let f = a[r][col]
                            if f <> 0.0 then
                                let row = a[r]
                                for j in 0 .. n - 1 do
                                    row[j] <- row[j] - f * p[j]
                    pivotOfColumn[col] <- rank
                    rank <- rank + 1
        [| for f in 0 .. n - 1 do
               if pivotOfColumn[f] < 0 then
                   let v = Array.zeroCreate n
                   v[f] <- 1.0
                   for c in 0 .. n - 1 do
                       if pivotOfColumn[c] >= 0 then v[c] <- -a[pivotOfColumn[c]][f]
                   yield v |]

    /// basisCancellable without a token.
    let basis (n: int) (rows: float array seq) (tolerance: float) : float array array =
        basisCancellable CancellationToken.None n rows tolerance
