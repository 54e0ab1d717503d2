namespace SteeringRng.Relaxation

open System.Numerics
open SteeringRng.Sdp

/// Accumulates the moment form  max gᵀw  s.t.  Γ(w) = F0 − Σ_k w_k F_k ⪰ 0  entry by entry.
/// Callers describe Γ through its upper triangle only (row ≤ col within a block): each call adds
/// `value` (constant) or `coefficient · w_k` to Γ at that position; repeated positions add up.
/// For a HermitianPsd block an entry is complex (the lower triangle is its conjugate); for a Psd block real.
[<Sealed>]
type internal MomentFormBuilder(blocks: SdpBlock array) =
    let constant = ResizeArray<SdpEntry>()
    let linear = ResizeArray<ResizeArray<SdpEntry>>()

    let check (block: int) (row: int) (col: int) (value: Complex) =
        if block < 0 || block >= blocks.Length then invalidOp $"Block {block} does not exist."
        let b = blocks[block]
        if row > col || row < 0 || col >= b.Size then invalidOp $"Entry ({row}, {col}) is not in the upper triangle of block {block}."
        if b.Kind <> SdpConeKind.HermitianPsd && value.Imaginary <> 0.0 then
            invalidOp $"Block {block} is real but entry ({row}, {col}) is complex."

    /// Sums repeated positions, drops zeros and (rounding-level) imaginary parts on Hermitian diagonals.
    /// Sorts in place and merges neighbours (no grouping tables: these lists can hold millions of entries).
    let merge (entries: ResizeArray<SdpEntry>) =
        let a = entries.ToArray()
        let order (x: SdpEntry) (y: SdpEntry) =
            if x.Block <> y.Block then x.Block.CompareTo y.Block
            elif x.Row <> y.Row then x.Row.CompareTo y.Row
            else x.Col.CompareTo y.Col
        System.Array.Sort(a, System.Comparison order)
        let result = ResizeArray<SdpEntry>()
        let mutable i = 0
        while i < a.Length do
            let mutable re = a[i].Value
            let mutable im = a[i].Imag
            let mutable j = i + 1
            while j < a.Length && a[j].Block = a[i].Block && a[j].Row = a[i].Row && a[j].Col = a[i].Col do
                re <- re + a[j].Value
                im <- im + a[j].Imag
                j <- j + 1
            let e = a[i]
            if e.Row = e.Col && abs im > 1e-9 * (1.0 + abs re) then
                invalidOp $"Diagonal entry ({e.Row}, {e.Row}) of block {e.Block} came out complex ({im}i)."
            let im = if e.Row = e.Col then 0.0 else im
            // Rounding dust from basis changes (|v| ≤ 1e-15 on O(1) data) is dropped to keep the matrices sparse.
            if abs re > 1e-15 || abs im > 1e-15 then result.Add(SdpEntry(e.Block, e.Row, e.Col, re, im))
            i <- j
        result.ToArray()

    member _.Blocks = blocks

    member _.VariableCount = linear.Count

    /// Declares variables up to index k (variables never touched by Γ stay with F_k = 0).
    member _.EnsureVariables(count: int) =
        while linear.Count < count do
            linear.Add(ResizeArray())

    member _.AddConstant(block: int, row: int, col: int, value: Complex) =
        if value <> Complex.Zero then
            check block row col value
            constant.Add(SdpEntry(block, row, col, value.Real, value.Imaginary))

    /// Γ += coefficient · w_k at (row, col), i.e. F_k −= coefficient there.
    member this.AddLinear(variable: int, block: int, row: int, col: int, coefficient: Complex) =
        if coefficient <> Complex.Zero then
            check block row col coefficient
            this.EnsureVariables(variable + 1)
            linear[variable].Add(SdpEntry(block, row, col, -coefficient.Real, -coefficient.Imaginary))

    member _.F0() = SdpMatrix(merge constant)

    member _.F() = linear |> Seq.map (fun es -> SdpMatrix(merge es)) |> Seq.toArray

    /// The SDP (D) of this moment form with objective gᵀw (g of length VariableCount).
    member this.Build(g: double array) =
        if g.Length <> linear.Count then
            invalidOp $"The objective has {g.Length} coefficients for {linear.Count} variables."
        SdpProblem.FromMomentForm(blocks, this.F0(), this.F(), g)

    /// Like Build, but variables that no block uses (F_k = 0, e.g. entries of rows removed by facial reduction)
    /// are left out, since solvers reject empty constraints. Returns the problem and, for every variable, its
    /// index in the problem (−1 when left out). A left-out variable with a nonzero objective would be unbounded.
    member this.BuildCompact(g: double array) =
        if g.Length <> linear.Count then
            invalidOp $"The objective has {g.Length} coefficients for {linear.Count} variables."
        let f = this.F()
        let index = Array.create f.Length -1
        let mutable next = 0
        for k in 0 .. f.Length - 1 do
            if f[k].Entries.Count > 0 then
                index[k] <- next
                next <- next + 1
            elif abs g[k] > 1e-12 then
                invalidOp $"Variable {k} has an objective coefficient but appears in no constraint (unbounded)."
        let kept = [| for k in 0 .. f.Length - 1 do if index[k] >= 0 then yield k |]
        SdpProblem.FromMomentForm(blocks, this.F0(), kept |> Array.map (fun k -> f[k]), kept |> Array.map (fun k -> g[k])), index

    /// The same problem with another constant F0 (the F_k and g of `problem` are kept as they are).
    static member WithConstant(problem: SdpProblem, f0: SdpMatrix) =
        let negated =
            SdpMatrix(f0.Entries |> Seq.map (fun e -> SdpEntry(e.Block, e.Row, e.Col, -e.Value, -e.Imag)) |> Seq.toArray)
        problem.WithObjective(negated)
