namespace SteeringRng.Relaxation.DeviceIndependent

open MathNet.Numerics.LinearAlgebra
open SteeringRng.Algebra
open SteeringRng.Sdp
open SteeringRng.Relaxation

/// Facial reduction for data on the boundary of the relaxed quantum set (docs/formulations/device-independent.md).
/// When a datum's value v equals the maximum of its expression B over the NPA relaxation (CHSH = 2√2), the dual
/// solution X ⪰ 0 of that maximisation has ⟨Γ, X⟩ = max − B(Γ) for every normalised moment matrix Γ (moment form:
/// ⟨Γ(w), X⟩ = (offset − ⟨C, X⟩) − (offset + gᵀw)). The observed Γ_tot = Σ_e Γ^e has B = max, so
/// Σ_e ⟨Γ^e, X⟩ = 0 with every term ≥ 0: each Γ^e lies in the face {Γ ⪰ 0 : Γ W = 0}, W spanning range X. On that face
/// Γ^e = V (Vᵀ Γ^e V) Vᵀ with V spanning ker X, so the relaxation keeps Γ^e W = 0 as equalities and Vᵀ Γ^e V ⪰ 0 as
/// its block, which has an interior again. Without this the feasible set is one point and interior-point solvers stall.
/// The face is numerical (X from our solver), so values within the solver's accuracy of the maximum count as on it.
module internal BoundaryFace =

    /// How close to the relaxation's maximum a value must be to count as on the boundary (the solver's accuracy).
    let onBoundary = 1e-10

    /// Eigenvalues of X below this fraction of the largest count as zero (X's kernel; the gap at CHSH is ~1e8).
    let private kernelCut = 1e-6

    let private solver = InteriorPointSolver()

    /// X of the maximisation of ±B over the generating set when v is its optimum (within onBoundary), else None.
    let private exposing (scenario: Scenario) (generatingSet: Word array) (datum: DeviceIndependentDatum) =
        [ 1.0; -1.0 ]
        |> List.tryPick (fun sign ->
            let r = NpaBell.build scenario (sign * datum.Expression) generatingSet
            // Tighter than the default 1e-8: the boundary test below is only as sharp as this optimum.
            let s = solver.Solve(r.Problem, SdpSettings(Tolerance = 1e-11, MaxIterations = 200))
            if s.Status <> SdpStatus.Optimal && s.Status <> SdpStatus.NearOptimal then None
            else
                let top = (r.Read s).Bound
                // Beyond the maximum the data are infeasible: that is the solver's row to report, not a face.
                if abs (sign * datum.Value - top) <= onBoundary * (1.0 + abs top) then
                    let n = generatingSet.Length
                    Some(Matrix<float>.Build.Dense(n, n, fun i j -> s.X[0].Re[i * n + j]))
                else None)

    /// (V, W): orthonormal bases of ker Z and range Z for Z = Σ of the exposing X of every datum on the boundary,
    /// or None when no datum is on it (or the kernel is everything: nothing to reduce).
    let find (scenario: Scenario) (generatingSet: Word array) (data: DeviceIndependentDatum array) =
        let exposed = data |> Array.choose (exposing scenario generatingSet)
        if exposed.Length = 0 then None
        else
            let z = exposed |> Array.reduce (+)
            let evd = (0.5 * (z + z.Transpose())).Evd(Symmetricity.Symmetric)
            let values = evd.EigenValues |> Seq.map (fun c -> c.Real) |> Seq.toArray
            let top = Array.max values
            let kernel = [| for k in 0 .. values.Length - 1 do if values[k] <= kernelCut * top then yield k |]
            let range = [| for k in 0 .. values.Length - 1 do if values[k] > kernelCut * top then yield k |]
            if kernel.Length = 0 || range.Length = 0 then None
            else
                let columns (ks: int array) = Matrix<float>.Build.DenseOfColumnVectors(ks |> Array.map (fun k -> evd.EigenVectors.Column k))
                Some(columns kernel, columns range)
