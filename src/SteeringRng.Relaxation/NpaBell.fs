namespace SteeringRng.Relaxation

open System.Collections.Generic
open System.Numerics
open SteeringRng.Algebra
open SteeringRng.Sdp

/// Plain NPA for a Bell expression (no trusted node): maximise Σ_w c_w ⟨w⟩ over a scalar moment matrix
///   Γ(u, v) = ⟨u† v⟩,  u, v ∈ S,   Γ(1, 1) = 1,   Γ ⪰ 0,
/// with one variable per class {w, w†}. The matrix is taken real symmetric: for a Hermitian expression the
/// real part of a feasible complex moment matrix is feasible with the same value, so nothing is lost.
[<RequireQualifiedAccess>]
module internal NpaBell =

    /// Largest |c_w − conj(c_{w†})| relative to the largest coefficient: 0 for a Hermitian expression.
    let private nonHermiticity (p: Polynomial) =
        let scale = p.Coefficients |> Seq.fold (fun m (_, c) -> max m c.Magnitude) 0.0
        let worst =
            p.Coefficients
            |> Seq.fold (fun m (w, c) -> max m (c - Complex.Conjugate(p.Coefficient(Word.adjoint w))).Magnitude) 0.0
        if scale = 0.0 then 0.0 else worst / scale

    /// Builds the relaxation of `expression` (a polynomial in the scenario's Collins–Gisin generators) over S.
    let build (scenario: Scenario) (expression: Polynomial) (generatingSet: Word array) : Relaxation =
        if nonHermiticity expression > 1e-12 then
            invalidArg (nameof expression) "The Bell expression must be Hermitian (c_{w†} = conj c_w) to be maximised."
        let moments = MomentMatrix.Build generatingSet
        let builder = MomentFormBuilder([| SdpBlock.Psd moments.Size |])
        let symbols = SymbolTable()
        for struct (i, j, w) in moments.UpperEntries do
            if w.IsIdentity then builder.AddConstant(0, i, j, Complex.One)
            else builder.AddLinear(symbols.Intern w, 0, i, j, Complex.One)
        builder.EnsureVariables symbols.Count
        // Σ_w c_w ⟨w⟩ with ⟨w⟩ = ⟨w†⟩ = y_class: a Hermitian pair contributes Re c_w + Re c_{w†} = 2 Re c_w.
        let g = Array.zeroCreate symbols.Count
        let mutable offset = 0.0
        for (w, c) in expression.Coefficients do
            if w.IsIdentity then
                offset <- offset + c.Real
            else
                match symbols.TryFind w with
                | Some k -> g[k] <- g[k] + c.Real
                | None ->
                    invalidArg (nameof expression) $"The term ⟨{scenario.FormatWord w}⟩ of the expression is not in the moment matrix; use a higher level."
        let variables =
            Array.init symbols.Count (fun k -> VariableRole.MomentEntry([||], symbols.Word k, 0, 0, ValuePart.Real))
        let expressions = Dictionary<struct (int * Word), MomentExpression>()
        expressions[struct (0, Word.Identity)] <- { Dimension = 1; Constant = array2D [ [ Complex.One ] ]; Terms = [||] }
        for k in 0 .. symbols.Count - 1 do
            expressions[struct (0, symbols.Word k)] <-
                { Dimension = 1; Constant = Array2D.zeroCreate 1 1; Terms = [| struct (k, 0, 0, Complex.One) |] }
        let problem, index = builder.BuildCompact g
        Relaxation(problem, offset, variables, index, scenario, generatingSet, [| [||] |], MomentLookup.ofTable expressions, None, "")
