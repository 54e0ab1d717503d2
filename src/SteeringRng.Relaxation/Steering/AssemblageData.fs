namespace SteeringRng.Relaxation.Steering

open System
open System.Numerics
open MathNet.Numerics.LinearAlgebra
open SteeringRng.Quantum

/// Tolerances of the steering relaxations.
type RelaxationOptions =
    { /// Eigenvalues of an observed block at or below this count as zero (its support, for facial reduction).
      SupportTolerance: float
      /// Data must be a valid no-signalling assemblage within this tolerance (positivity, normalisation,
      /// no-signalling); otherwise the builders refuse it with the list of violations.
      DataTolerance: float }

    static member Default = { SupportTolerance = 1e-9; DataTolerance = 1e-7 }

/// The observed blocks as matrices, in a fixed order of full tuples (x outer, a inner, lexicographic).
type AssemblageData =
    { Scenario: Scenario
      Dimension: int
      /// Full tuples (a, x), in order.
      Tuples: (int[] * int[])[]
      /// σ^obs_{a|x} per tuple.
      Blocks: Matrix<Complex>[] }

module AssemblageData =

    let scenarioOf (sigma: Assemblage) : Scenario =
        { Settings = Seq.toArray sigma.Settings; Outcomes = Seq.toArray sigma.Outcomes }

    /// Reads the blocks; refuses data that is not a no-signalling assemblage within the tolerance.
    let ofAssemblage (options: RelaxationOptions) (sigma: Assemblage) : AssemblageData =
        if isNull (box sigma) then raise (ArgumentNullException "assemblage")
        let report = AssemblageChecks.Check(sigma, options.DataTolerance)
        if not report.IsValid then
            let lines = report.Violations |> Seq.truncate 5 |> Seq.map string |> String.concat "; "
            raise (ArgumentException(sprintf "The assemblage is not a valid no-signalling assemblage (tolerance %g): %s" options.DataTolerance lines))
        let tuples = [| for x in sigma.SettingTuples() do for a in sigma.OutcomeTuples() -> a, x |]
        { Scenario = scenarioOf sigma
          Dimension = sigma.TrustedDimension
          Tuples = tuples
          Blocks = tuples |> Array.map (fun (a, x) -> Matrix<Complex>.Build.DenseOfArray(sigma[a, x])) }

    /// The shapes agree (same scenario and trusted dimension).
    let sameShape (p: AssemblageData) (q: AssemblageData) =
        p.Dimension = q.Dimension && p.Scenario.Settings = q.Scenario.Settings && p.Scenario.Outcomes = q.Scenario.Outcomes

    /// Σ of the blocks that make up a marginal (one choice per party): parties summed out are read at
    /// setting 0 (any setting gives the same for no-signalling data).
    let marginal (data: AssemblageData) (choices: PartyChoice[]) : Matrix<Complex> =
        let d = data.Dimension
        let mutable sum = Matrix<Complex>.Build.Dense(d, d)
        data.Tuples
        |> Array.iteri (fun i (a, x) ->
            let matches =
                choices
                |> Array.mapi (fun j c ->
                    match c with
                    | SummedOut -> x[j] = 0
                    | Outcome(xs, al) -> x[j] = xs && a[j] = al)
                |> Array.forall id
            if matches then sum <- sum + data.Blocks[i])
        sum

    /// The Collins–Gisin coordinates σ_κ of the data (each key read as a marginal).
    let collinsGisin (data: AssemblageData) (key: PartyTerm list) : Matrix<Complex> =
        key
        |> List.map (fun t -> match t with Marginal -> SummedOut | Event(x, a) -> Outcome(x, a))
        |> List.toArray
        |> marginal data
