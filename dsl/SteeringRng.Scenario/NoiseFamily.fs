/// Recognises a state that is a family mixed with white noise along one swept parameter,
/// ρ(p) = w(p) ρ₁ + (1 − w(p)) I/D with w affine in p and ρ₁ fixed (e.g. `mu * ghz + (1 - mu) * white`),
/// so that the steering test at one point also gives the family's critical p (docs/formulations/steering-test.md).
module SteeringRng.Scenario.NoiseFamily

open System
open System.Numerics
open SteeringRng.Scenario.Checked

/// ρ(p) = w(p) ρ₁ + (1 − w(p)) I/D with w(p) = Slope · p + Intercept (Slope ≠ 0), p the swept parameter Parameter.
type WhiteNoiseFamily =
    { Parameter: string
      Slope: float
      Intercept: float
      /// p's value when p is a constant (result rows list only varying parameters); ValueNone when p is swept.
      ConstantValue: float voption }

    member f.WeightAt(p: float) = f.Slope * p + f.Intercept

    /// The p where the weight of ρ₁ is `weight`: p = (weight − Intercept) / Slope.
    member f.ParameterAt(weight: float) = (weight - f.Intercept) / f.Slope

/// The family, when the state has exactly two terms, `white` and a fixed state ρ₁ whose weight depends affinely on one
/// parameter (the one swept parameter it mentions, other parameters being constants; or its only constant). The checker made the weights sum to 1 at every point, so the white term's
/// weight is 1 − w(p) there. None otherwise (a derived parameter in the weight, ρ₁ varying along the sweep, …).
let detect (scenario: Scenario) : WhiteNoiseFamily option =
    let sweep = scenario.Sweep
    let kindOf name = sweep.Parameters |> Array.tryFind (fun p -> p.Name = name) |> Option.map (fun p -> p.Kind)
    let isVarying name =
        match kindOf name with
        | Some ParameterKind.Constant | None -> false
        | Some _ -> true
    let fixedComponent (c: StateComponent) =
        match c with
        | StateComponent.Pure amplitudes -> amplitudes |> List.forall (fun (e, _) -> Expr.names e |> List.forall (isVarying >> not))
        | StateComponent.White -> false
        | _ -> true
    match scenario.State with
    | Some { Terms = [| a; b |] } when sweep.Points.Length > 0 ->
        let white, other = if a.Component = StateComponent.White then a, b else b, a
        match white.Component, other.Weight with
        | StateComponent.White, Some weight when fixedComponent other.Component ->
            // The weight's parameter: the one swept parameter it mentions, or, with none swept, its one constant
            // (`param mu = 0.5`, or `--set mu=0.5` on a sweep); never a derived one, which p would not move.
            let mentioned = Expr.names weight |> List.distinct |> List.filter (kindOf >> Option.isSome)
            let swept = mentioned |> List.filter (fun n -> match kindOf n with Some(ParameterKind.Swept _) -> true | _ -> false)
            let derived = mentioned |> List.exists (fun n -> kindOf n = Some ParameterKind.Derived)
            match (if derived then [] elif swept.IsEmpty then mentioned else swept) with
            | [ p ] ->
                // Other parameters are constants, the same at every point, so point 0 supplies them; p is set to x.
                let constants = sweep.Lookup 0
                let w (x: float) =
                    let lookup name = if name = p then Some(Complex(x, 0.0)) else constants name
                    match Expr.evaluateReal lookup sweep.Names "a mixture weight" weight with
                    | Result.Ok v -> v
                    | Result.Error _ -> nan
                let intercept = w 0.0
                let slope = w 1.0 - intercept
                let index = sweep.Parameters |> Array.findIndex (fun q -> q.Name = p)
                // Affine: w agrees with slope·x + intercept at every swept value and off the grid.
                let probes = Seq.append [ 0.5; 2.0; -1.0 ] (sweep.Points |> Seq.map (fun point -> point[index]))
                let affine = probes |> Seq.forall (fun x -> Math.Abs(w x - (slope * x + intercept)) <= 1e-12 * (1.0 + Math.Abs(w x)))
                if affine && Double.IsFinite slope && slope <> 0.0 then
                    let constant = if kindOf p = Some ParameterKind.Constant then ValueSome(sweep.Points[0][index]) else ValueNone
                    Some { Parameter = p; Slope = slope; Intercept = intercept; ConstantValue = constant }
                else None
            | _ -> None
        | _ -> None
    | _ -> None
