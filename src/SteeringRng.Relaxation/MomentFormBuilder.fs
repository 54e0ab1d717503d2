namespace SteeringRng.Relaxation

open System.Collections.Generic
open System.Numerics
open SteeringRng.Sdp

/// Accumulates the moment form  max gᵀw  s.t.  Γ(w) = F0 − Σ_k w_k F_k ⪰ 0  entry by entry.
/// Callers describe Γ through its upper triangle only (row ≤ col within a block): each call adds
/// `value` (constant) or `coefficient · w_k` to Γ at that position; repeated positions add up.
/// For a HermitianPsd block an entry is complex (the lower triangle is its conjugate); for a Psd block real.
/// Block, then row, then column: the order in which `merge` finds repeated positions next to each other.
[<Struct>]
type internal EntryOrder =
    interface IComparer<SdpEntry> with
        member _.Compare(x, y) =
            if x.Block <> y.Block then x.Block.CompareTo y.Block
            elif x.Row <> y.Row then x.Row.CompareTo y.Row
            else x.Col.CompareTo y.Col

[<Sealed>]
type internal MomentFormBuilder(blocks: SdpBlock array) =
    let constant = ResizeArray<SdpEntry>()
    // The F_k entries in one flat list (variable k of entry i is linearVariable[i]): millions of variables
    // with a few entries each would otherwise mean millions of small lists.
    let linearVariable = ResizeArray<int>()
    let linear = ResizeArray<SdpEntry>()
    let mutable variableCount = 0

    let check (block: int) (row: int) (col: int) (value: Complex) =
        if block < 0 || block >= blocks.Length then invalidOp $"Block {block} does not exist."
        let b = blocks[block]
        if row > col || row < 0 || col >= b.Size then invalidOp $"Entry ({row}, {col}) is not in the upper triangle of block {block}."
        if b.Kind <> SdpConeKind.HermitianPsd && value.Imaginary <> 0.0 then
            invalidOp $"Block {block} is real but entry ({row}, {col}) is complex."

    /// Sums repeated positions of a[start .. start+length−1], drops zeros and (rounding-level) imaginary parts on
    /// Hermitian diagonals; the result is compacted to the front of that range and its length returned.
    /// Sorts and merges neighbours in place (no grouping tables: these lists can hold millions of entries; most
    /// variables have only a few, which insertion sort handles without overhead).
    /// `sign` multiplies every merged value (−1 turns F_k into the A_k = −F_k of the SDP directly).
    static let mergeRange (sign: float) (a: SdpEntry array) (start: int) (length: int) =
        let order = EntryOrder() :> IComparer<SdpEntry>
        if length <= 16 then
            for i in start + 1 .. start + length - 1 do
                let x = a[i]
                let mutable j = i - 1
                while j >= start && order.Compare(a[j], x) > 0 do
                    a[j + 1] <- a[j]
                    j <- j - 1
                a[j + 1] <- x
        else
            System.Array.Sort(a, start, length, order)
        let stop = start + length
        let mutable n = start
        let mutable i = start
        while i < stop do
            let e = a[i]
            let mutable re = e.Value
            let mutable im = e.Imag
            let mutable j = i + 1
            while j < stop && a[j].Block = e.Block && a[j].Row = e.Row && a[j].Col = e.Col do
                re <- re + a[j].Value
                im <- im + a[j].Imag
                j <- j + 1
            if e.Row = e.Col && abs im > 1e-9 * (1.0 + abs re) then
                invalidOp $"Diagonal entry ({e.Row}, {e.Row}) of block {e.Block} came out complex ({im}i)."
            let im = if e.Row = e.Col then 0.0 else im
            // Rounding dust from basis changes (|v| ≤ 1e-15 on O(1) data) is dropped to keep the matrices sparse.
            if abs re > 1e-15 || abs im > 1e-15 then
                a[n] <- SdpEntry(e.Block, e.Row, e.Col, sign * re, sign * im)
                n <- n + 1
            i <- j
        n - start

    let constantMatrix sign =
        let a = constant.ToArray()
        SdpMatrix(Array.sub a 0 (mergeRange sign a 0 a.Length))

    /// The F_k times `sign`: entries bucketed by variable (counting sort), then each variable's bucket merged on
    /// its own, shared out over the cores.
    let linearMatrices sign =
        let start = Array.zeroCreate (variableCount + 1)
        for k in linearVariable do
            start[k + 1] <- start[k + 1] + 1
        for k in 1 .. variableCount do
            start[k] <- start[k] + start[k - 1]
        let sorted = Array.zeroCreate linear.Count
        let next = Array.copy start
        for i in 0 .. linear.Count - 1 do
            let k = linearVariable[i]
            sorted[next[k]] <- linear[i]
            next[k] <- next[k] + 1
        // Each matrix is a view of its own (merged) range of the one sorted array: no per-variable copies.
        Array.Parallel.init variableCount (fun k ->
            let n = mergeRange sign sorted start[k] (start[k + 1] - start[k])
            SdpMatrix(System.ArraySegment<SdpEntry>(sorted, start[k], n)))

    member _.Blocks = blocks

    member _.VariableCount = variableCount

    /// Declares variables up to index k (variables never touched by Γ stay with F_k = 0).
    member _.EnsureVariables(count: int) =
        if variableCount < count then variableCount <- count

    member _.AddConstant(block: int, row: int, col: int, value: Complex) =
        if value <> Complex.Zero then
            check block row col value
            constant.Add(SdpEntry(block, row, col, value.Real, value.Imaginary))

    /// Γ += coefficient · w_k at (row, col), i.e. F_k −= coefficient there.
    member this.AddLinear(variable: int, block: int, row: int, col: int, coefficient: Complex) =
        if coefficient <> Complex.Zero then
            check block row col coefficient
            this.EnsureVariables(variable + 1)
            linearVariable.Add variable
            linear.Add(SdpEntry(block, row, col, -coefficient.Real, -coefficient.Imaginary))

    /// Adds everything `other` (a builder over the same blocks, e.g. filled on another thread) accumulated.
    member this.Append(other: MomentFormBuilder) =
        if not (obj.ReferenceEquals(other.Blocks, blocks)) then invalidOp "Only builders over the same blocks can be joined."
        constant.AddRange(other.ConstantEntries)
        linearVariable.AddRange(other.LinearVariables)
        linear.AddRange(other.LinearEntries)
        this.EnsureVariables other.VariableCount

    member internal _.ConstantEntries = constant
    member internal _.LinearVariables = linearVariable
    member internal _.LinearEntries = linear

    member _.F0() = constantMatrix 1.0

    member _.F() = linearMatrices 1.0

    /// The SDP (D) of this moment form with objective gᵀw (g of length VariableCount).
    member this.Build(g: double array) =
        if g.Length <> variableCount then
            invalidOp $"The objective has {g.Length} coefficients for {variableCount} variables."
        SdpProblem.FromMomentForm(blocks, this.F0(), this.F(), g)

    /// Like Build, but variables that no block uses (F_k = 0, e.g. entries of rows removed by facial reduction)
    /// are left out, since solvers reject empty constraints. Returns the problem and, for every variable, its
    /// index in the problem (−1 when left out). A left-out variable with a nonzero objective would be unbounded.
    member this.BuildCompact(g: double array) =
        if g.Length <> variableCount then
            invalidOp $"The objective has {g.Length} coefficients for {variableCount} variables."
        // (D) of the moment form built directly (as SdpProblem.FromMomentForm, without its negated copies):
        // A_k = −F_k, C = −F0, b = −g.
        let a = linearMatrices -1.0
        let index = Array.create a.Length -1
        let mutable next = 0
        for k in 0 .. a.Length - 1 do
            if a[k].Entries.Count > 0 then
                index[k] <- next
                next <- next + 1
            elif abs g[k] > 1e-12 then
                invalidOp $"Variable {k} has an objective coefficient but appears in no constraint (unbounded)."
        let kept = [| for k in 0 .. a.Length - 1 do if index[k] >= 0 then yield k |]
        SdpProblem(blocks, constantMatrix -1.0, kept |> Array.map (fun k -> a[k]), kept |> Array.map (fun k -> -g[k])), index

    /// The same problem with another constant F0 (the F_k and g of `problem` are kept as they are).
    static member WithConstant(problem: SdpProblem, f0: SdpMatrix) =
        let negated =
            SdpMatrix(f0.Entries |> Seq.map (fun e -> SdpEntry(e.Block, e.Row, e.Col, -e.Value, -e.Imag)) |> Seq.toArray)
        problem.WithObjective(negated)
