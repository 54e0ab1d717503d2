namespace SteeringRng.Relaxation.Steering

open System
open System.Numerics
open MathNet.Numerics.LinearAlgebra
open SteeringRng.Quantum
open SteeringRng.Sdp
open SteeringRng.Relaxation

/// What was measured of the assemblage σ_{b|y} of k untrusted parties (docs/formulations/measured-probabilities.md):
/// the trusted node's probabilities p(a, b | x, y) = Tr[M_{a|x} σ_{b|y}], or one steering-functional value. Public
/// face of LinearObservation + DataLift, for the engine.
[<Sealed>]
type MeasuredDataForm internal (lift: DataLift, kind: string) =

    /// Trusted-node probabilities with trusted POVMs trusted[x][a] (d×d each).
    static member Probabilities(trustedDimension: int, settings: int[], outcomes: int[], trusted: Complex[,][][]) =
        let coordinates = WordCoordinates(trustedDimension, settings, outcomes)
        let m = trusted |> Array.map (Array.map (fun e -> Matrix<Complex>.Build.DenseOfArray e))
        MeasuredDataForm(DataLift.create coordinates (LinearObservation.probabilities coordinates m) [||], "probabilities")

    /// One steering-functional value β = Σ Re Tr[F_{b|y} σ_{b|y}] (F in assemblage order) and normalisation; with
    /// `atLeast` the relaxations keep Σ Tr[F σ] ≥ β (see the formulation for why this is the default).
    static member Functional(trustedDimension: int, settings: int[], outcomes: int[], functional: Complex[,][], atLeast: bool) =
        let coordinates = WordCoordinates(trustedDimension, settings, outcomes)
        let f = functional |> Array.map (fun e -> Matrix<Complex>.Build.DenseOfArray e)
        MeasuredDataForm(DataLift.create coordinates (LinearObservation.functional coordinates f) (if atLeast then [| 0 |] else [||]),
                         if atLeast then "functional ≥ β" else "functional = β")

    member internal _.Lift = lift
    member _.Kind = kind
    /// Number of observed numbers, and what each is.
    member _.Rows = lift.Observation.Rows
    member _.Describe(row: int) = lift.Observation.Describe row
    /// dim ker Λ: the directions of σ the data leave open (0: the data determine σ, e.g. tomographically complete).
    member _.UnobservedDirections = lift.Kernel.ColumnCount
    member _.DeterminesAssemblage = lift.Kernel.ColumnCount = 0 && lift.LowerBounds.Length = 0

    /// The observed values of an assemblage (Λσ).
    member _.Observe(assemblage: Assemblage) : float[] = DataLift.observe lift assemblage

    /// σ(Λ⁺v): the least-norm no-signalling assemblage with observed values v (Hermitian, not necessarily positive),
    /// a carrier for measured data in the engine; refused (ArgumentException) when no no-signalling assemblage has v.
    member _.AssemblageOf(v: float[], tolerance: float) : Assemblage = DataLift.carrier lift tolerance v

    /// The nearest valid observation to v in the weighted norm ‖Δ‖²_W = Σ_i w_i Δ_i²: argmin over observations Λu of
    /// no-signalling σ(u) with Tr ρ_A = 1 (normalised), solved exactly on the range of Λ by the KKT system
    ///   [AᵀWA  c] [z]   [AᵀW v]
    ///   [cᵀ    0] [λ] = [  1  ],   A = U_r S_r (range coordinates z ↦ Λ V_r z),  c = V_rᵀ t  (t: u ↦ Tr ρ_A).
    /// Positivity is not imposed here (the relaxations require a positive σ and report infeasible data).
    member _.Nearest(v: float[], weights: float[]) : float[] =
        if v.Length <> lift.Observation.Rows || weights.Length <> v.Length then invalidArg (nameof v) "One value and one weight per observed number."
        let r = lift.Rank
        let a = lift.U * Matrix<float>.Build.DiagonalOfDiagonalVector(lift.S)
        let w = Matrix<float>.Build.DiagonalOfDiagonalArray weights
        let d = lift.Coordinates.Dimension
        // Tr ρ_A(u): the identity word is word 0; its diagonal Hermitian components are the first d coordinates.
        let t = Vector<float>.Build.Dense(lift.Coordinates.Count, fun k -> if k < d then 1.0 else 0.0)
        let c = lift.V.TransposeThisAndMultiply t
        let kkt = Matrix<float>.Build.Dense(r + 1, r + 1)
        kkt.SetSubMatrix(0, 0, a.TransposeThisAndMultiply(w * a))
        for i in 0 .. r - 1 do
            kkt[i, r] <- c[i]
            kkt[r, i] <- c[i]
        let rhs = Vector<float>.Build.Dense(r + 1)
        rhs.SetSubVector(0, r, a.TransposeThisAndMultiply(w * Vector<float>.Build.DenseOfArray v))
        rhs[r] <- 1.0
        let z = kkt.Solve(rhs).SubVector(0, r)
        (a * z).ToArray()

/// A relaxation of data that determine σ (complete tomography): the ordinary relaxation of σ(Λ⁺v), so facial
/// reduction and symmetry reduction apply; WithData takes any assemblage and uses only its observation.
type internal ReconstructedDataRelaxation(form: MeasuredDataForm, inner: IRelaxation, tolerance: float) =
    interface IRelaxation with
        member _.Problem = inner.Problem
        member _.Read(solution) = inner.Read solution
        member _.WithData(data) =
            ReconstructedDataRelaxation(form, inner.WithData(form.AssemblageOf(form.Observe data, tolerance)), tolerance) :> IRelaxation
        member _.Reduction = inner.Reduction
        member _.ValueFormula = inner.ValueFormula + "; measured data determine σ (reconstructed)"
