namespace SteeringRng.Relaxation

open System
open System.Numerics
open System.Threading
open SteeringRng.Algebra
open SteeringRng.Quantum
open SteeringRng.Relaxation.Steering

/// The one entry point of the project, callable from C#: every relaxation of docs/formulations is built here, and every
/// one can be used through IRelaxation (Problem, Read, WithData, Reduction, ValueFormula). Party names are never
/// needed: parties are indices in the assemblage's order (named B, C, D, … internally, e.g. in Terms level strings).
[<AbstractClass; Sealed>]
type Relaxations =

    static member private GuessOf(guessedParties: int array, guessedSettings: int array) : GuessSpec =
        { Parties = guessedParties; Settings = guessedSettings }

    // ── Eve's guessing probability ───────────────────────────────────────────────────────────────────────────────

    /// P_g^NS for Eve guessing the outcomes of `guessedParties` at `guessedSettings` (docs/formulations/no-signalling.md),
    /// the one place where the program is chosen. With `useSymmetry`, when the data have outcome-relabelling symmetries
    /// that merge Eve's guesses, it is the symmetry-reduced Q at level 0 (S = {I}: the same program, since Γ^e = ρ^e_A is
    /// implied by the positivity of every σ^e_{a|x}, see QLevel.tryBuildReduced); that is how a symmetric scenario's NS
    /// bound is computed when the plain program would be too large (GHZ, N = 4, d = 3). Degenerate data (white noise,
    /// where the symmetry search cannot fix U) give the full Q at level 0, which WithData reduces from the first later
    /// point of a sweep that has a symmetry. Otherwise (no symmetry, or `useSymmetry` false) the plain NS program
    /// (NoSignallingProgram). Either way Read(solution).Bound is P_g^NS.
    static member NoSignalling(assemblage: Assemblage, guessedParties: int array, guessedSettings: int array, useSymmetry: bool) : IRelaxation =
        Relaxations.NoSignalling(assemblage, guessedParties, guessedSettings, useSymmetry, CancellationToken.None)

    /// P_g^NS as above, cancellable (the symmetry-reduced build honours the token: OperationCanceledException).
    static member NoSignalling(assemblage: Assemblage, guessedParties: int array, guessedSettings: int array, useSymmetry: bool, cancellation: CancellationToken) : IRelaxation =
        let reduced =
            if useSymmetry then
                QLevel.tryBuildReducedCancellable
                    cancellation
                    (AssemblageMoments.defaultNames assemblage.PartyCount)
                    (Relaxations.GuessOf(guessedParties, guessedSettings))
                    (GeneratingSetSpec.Level 0)
                    assemblage
            else None
        match reduced with
        | Some r -> r :> IRelaxation
        | None -> Relaxations.NoSignallingProgram(assemblage, guessedParties, guessedSettings) :> IRelaxation

    /// The plain NS program over Eve's sub-assemblages (docs/formulations/no-signalling.md), e.g. to read them
    /// (SubAssemblages). The data must be a no-signalling assemblage (checked within options.DataTolerance).
    static member NoSignallingProgram(assemblage: Assemblage, guess: Guess, options: RelaxationOptions) : GuessingRelaxation =
        GuessingRelaxation(NoSignallingBound.build options (AssemblageData.ofAssemblage options assemblage) guess, options, GuessingData.AsGiven)

    /// The plain NS program with default options.
    static member NoSignallingProgram(assemblage: Assemblage, guessedParties: int array, guessedSettings: int array) : GuessingRelaxation =
        Relaxations.NoSignallingProgram(assemblage, { Parties = guessedParties; Settings = guessedSettings }, RelaxationOptions.Default)

    /// P_g^Glo (docs/formulations/global.md): all untrusted parties as one party with global measurements; Eve guesses
    /// every outcome at the setting tuple `settings` (one setting per untrusted party). The relaxation remembers that
    /// its data are grouped: WithData takes the ungrouped assemblage, like this builder.
    static member Global(assemblage: Assemblage, settings: int array, options: RelaxationOptions) : GuessingRelaxation =
        let grouped = AssemblageOperations.GroupUntrusted assemblage
        let x = AssemblageOperations.TupleIndex(settings, assemblage.Settings)
        let data = AssemblageData.ofAssemblage options grouped
        GuessingRelaxation(NoSignallingBound.build options data { Parties = [| 0 |]; Settings = [| x |] }, options, GuessingData.GroupedUntrusted)

    /// P_g^Glo as above, reduced by the grouped data's symmetries when they merge Eve's guesses (the symmetry-reduced Q at
    /// level 0 of the grouped data, which is their NS program, i.e. this one; see NoSignalling); otherwise the plain
    /// program. WithData takes the ungrouped assemblage (GroupedRelaxation).
    static member Global(assemblage: Assemblage, settings: int array, useSymmetry: bool, cancellation: CancellationToken) : IRelaxation =
        let reduced =
            if useSymmetry then
                // The symmetries are searched on the ungrouped data and carried over (GroupedSymmetry).
                let names = AssemblageMoments.defaultNames assemblage.PartyCount
                let data = AssemblageMoments.build (AssemblageMoments.scenarioOf names assemblage) assemblage
                let group = SteeringRng.Relaxation.Symmetry.SymmetrySearch.findCancellable cancellation data
                // The carried relabellings hold one entry per grouped (setting, outcome) pair and element; past 10⁷ of
                // them (a grouped scenario far beyond what the reduced build takes anyway) the plain program is built.
                let pairs = float assemblage.SettingTupleCount * float assemblage.OutcomeTupleCount
                if group.Length = 1 || pairs * float group.Length > 1e7 then None
                else
                    let perParty = Seq.toArray assemblage.Settings
                    let outcomes = Seq.toArray assemblage.Outcomes
                    let carry = SteeringRng.Relaxation.Symmetry.GroupedSymmetry.ofUngrouped perParty outcomes
                    let given: GivenSymmetry =
                        { Group = group |> Array.map carry
                          Antiunitary = SteeringRng.Relaxation.Symmetry.SymmetrySearch.findAntiunitaryCancellable cancellation data |> Option.map carry }
                    let grouped = AssemblageOperations.GroupUntrusted assemblage
                    let x = AssemblageOperations.TupleIndex(settings, assemblage.Settings)
                    QLevel.tryBuildReducedGiven cancellation given (AssemblageMoments.defaultNames 1) { Parties = [| 0 |]; Settings = [| x |] } (GeneratingSetSpec.Level 0) grouped
            else None
        match reduced with
        | Some r -> GroupedRelaxation(r) :> IRelaxation
        | None -> Relaxations.Global(assemblage, settings, RelaxationOptions.Default) :> IRelaxation

    /// P_g^Glo with default options.
    static member Global(assemblage: Assemblage, settings: int array) : GuessingRelaxation =
        Relaxations.Global(assemblage, settings, RelaxationOptions.Default)

    /// Q(S) for an assemblage (docs/formulations/npa-levels.md): Eve guesses the outcomes of `guessedParties`
    /// (untrusted-party indices, in the assemblage's order) at `guessedSettings`. S is any generating set; use
    /// LevelWithProducts for extra products (e.g. (1, [[0; 1]]) = level 1 plus all products of the first two parties).
    /// `useSymmetry` = false builds the full problem (no symmetry reduction, docs/formulations/symmetry-reduction.md),
    /// e.g. to cross-check it; the value is the same.
    static member QLevel
        (assemblage: Assemblage, guessedParties: int array, guessedSettings: int array, generatingSet: GeneratingSetSpec, useSymmetry: bool)
        : Relaxation =
        QLevel.buildWith
            useSymmetry
            (AssemblageMoments.defaultNames assemblage.PartyCount)
            (Relaxations.GuessOf(guessedParties, guessedSettings))
            generatingSet
            assemblage

    /// Q(S) as above, cancellable: the build checks `cancellation` in its loops and throws OperationCanceledException
    /// within about a second (large levels take minutes to build).
    static member QLevel
        (assemblage: Assemblage, guessedParties: int array, guessedSettings: int array, generatingSet: GeneratingSetSpec, useSymmetry: bool,
         cancellation: CancellationToken)
        : Relaxation =
        QLevel.buildCancellable
            cancellation
            useSymmetry
            (AssemblageMoments.defaultNames assemblage.PartyCount)
            (Relaxations.GuessOf(guessedParties, guessedSettings))
            generatingSet
            assemblage

    /// The size of the symmetry-reduced Q(S) for this assemblage before anything is assembled (null: no symmetry
    /// merges guesses, the full problem is built), for memory estimates; honours `cancellation`.
    static member QLevelReducedSize
        (assemblage: Assemblage, guessedParties: int array, guessedSettings: int array, generatingSet: GeneratingSetSpec,
         cancellation: CancellationToken)
        : ReducedSize =
        QLevel.reducedSize
            cancellation
            (AssemblageMoments.defaultNames assemblage.PartyCount)
            (Relaxations.GuessOf(guessedParties, guessedSettings))
            generatingSet
            assemblage

    /// Q_k at NPA level k, symmetry-reduced when the data allow it.
    static member QLevel(assemblage: Assemblage, guessedParties: int array, guessedSettings: int array, level: int) : Relaxation =
        Relaxations.QLevel(assemblage, guessedParties, guessedSettings, GeneratingSetSpec.Level level, true)

    // ── Measured data (docs/formulations/measured-probabilities.md) ─────────────────────────────────────────────

    /// A guessing relaxation (built by `build`, which is given the assemblage and whether it may use symmetry) that
    /// constrains only what `form` observed of Σ_e σ^e, at the observation of `data`. When the data determine σ
    /// (complete tomography) and `lift` is false, the relaxation of the reconstructed σ (with facial and symmetry
    /// reduction); otherwise the unobserved directions are free variables (MeasuredDataRelaxation, no symmetry).
    static member MeasuredData
        (form: MeasuredDataForm, data: Assemblage, build: Func<Assemblage, bool, IRelaxation>, lift: bool, tolerance: float)
        : IRelaxation =
        let v = form.Observe data
        if form.DeterminesAssemblage && not lift then
            ReconstructedDataRelaxation(form, build.Invoke(form.AssemblageOf(v, tolerance), true), tolerance) :> IRelaxation
        else
            let st = LiftedStructure.build form.Lift (fun a -> build.Invoke(a, false))
            MeasuredDataRelaxation.Create(st, tolerance, v) :> IRelaxation

    /// MeasuredData with the default data tolerance (1e-7) and reconstruction where the data allow it.
    static member MeasuredData(form: MeasuredDataForm, data: Assemblage, build: Func<Assemblage, bool, IRelaxation>) : IRelaxation =
        Relaxations.MeasuredData(form, data, build, false, RelaxationOptions.Default.DataTolerance)

    /// How many outcome-relabelling symmetries the data have (1: only the identity), found as the symmetry reductions find
    /// them (verified to 1e-12 relative): exact model data usually have several, measured data with noise none, so their
    /// relaxations are built in full. (Degenerate data with a nontrivial commutant, e.g. white noise, count 1 here.)
    static member SymmetryCount(assemblage: Assemblage) : int =
        let scenario = AssemblageMoments.scenarioOf (AssemblageMoments.defaultNames assemblage.PartyCount) assemblage
        (SteeringRng.Relaxation.Symmetry.SymmetrySearch.find (AssemblageMoments.build scenario assemblage)).Length

    // ── Steering tests ───────────────────────────────────────────────────────────────────────────────────────────

    /// max μ ≤ cap such that μ σ(1) + (1−μ) σ(0) has a fully-LHS model (docs/formulations/steering-test.md); σ(0) must
    /// itself be LHS. `useSymmetry` = false builds one block per strategy even when the data have symmetries (for cross-checks).
    static member CriticalVisibility
        (target: Assemblage, noise: Assemblage, cap: float, options: RelaxationOptions, useSymmetry: bool)
        : VisibilityRelaxation =
        VisibilityRelaxation.Build(target, noise, cap, options, useSymmetry, CancellationToken.None)

    /// Critical visibility as above, cancellable: the build (symmetry search, strategy orbits, rows; minutes for four
    /// qutrit parties) throws OperationCanceledException within about a second of the token's cancellation.
    static member CriticalVisibility
        (target: Assemblage, noise: Assemblage, cap: float, options: RelaxationOptions, useSymmetry: bool, cancellation: CancellationToken)
        : VisibilityRelaxation =
        VisibilityRelaxation.Build(target, noise, cap, options, useSymmetry, cancellation)

    /// Critical visibility, symmetry-reduced when the data allow it.
    static member CriticalVisibility(target: Assemblage, noise: Assemblage, cap: float, options: RelaxationOptions) : VisibilityRelaxation =
        Relaxations.CriticalVisibility(target, noise, cap, options, true)

    /// Critical visibility with cap 2 and default options.
    static member CriticalVisibility(target: Assemblage, noise: Assemblage) : VisibilityRelaxation =
        Relaxations.CriticalVisibility(target, noise, 2.0, RelaxationOptions.Default)

    /// LHS membership: visibility against the trivially unsteerable σ(0)_{a|x} = ρ_A / (number of outcome
    /// tuples); σ has a fully-LHS model iff μ* ≥ 1 (cap 2).
    static member LhsFeasibility(assemblage: Assemblage, options: RelaxationOptions) : VisibilityRelaxation =
        let data = AssemblageData.ofAssemblage options assemblage
        let rhoA = AssemblageData.collinsGisin data (List.replicate data.Scenario.Settings.Length Marginal)
        let tuples = float assemblage.OutcomeTupleCount
        let trivial =
            Assemblage(assemblage.TrustedDimension, Seq.toArray assemblage.Settings, Seq.toArray assemblage.Outcomes,
                       Func<int[], int[], Complex[,]>(fun _ _ -> (rhoA / Complex(tuples, 0.0)).ToArray()))
        Relaxations.CriticalVisibility(assemblage, trivial, 2.0, options, true)

    /// LHS membership with default options.
    static member LhsFeasibility(assemblage: Assemblage) : VisibilityRelaxation =
        Relaxations.LhsFeasibility(assemblage, RelaxationOptions.Default)

    // ── Bell expressions (no trusted node: no data, WithData throws) ─────────────────────────────────────────────
    // (Scenario is written in full: SteeringRng.Relaxation.Steering has a Scenario of its own, the assemblage's shape.)

    /// Plain NPA for a Bell expression over a generating set (docs/formulations/npa-levels.md).
    static member NpaBell(scenario: SteeringRng.Algebra.Scenario, expression: Polynomial, generatingSet: GeneratingSetSpec) : Relaxation =
        NpaBell.build scenario expression (GeneratingSet.build scenario generatingSet)

    /// Plain NPA for a Bell expression at NPA level k.
    static member NpaBell(scenario: SteeringRng.Algebra.Scenario, expression: Polynomial, level: int) : Relaxation =
        Relaxations.NpaBell(scenario, expression, GeneratingSetSpec.Level level)

    /// The no-signalling bound of a Bell expression: a linear program over Collins–Gisin correlations.
    static member NoSignallingBell(scenario: SteeringRng.Algebra.Scenario, expression: Polynomial) : Relaxation =
        NoSignallingBell.build scenario expression

    // ── Device-independent guessing (no trusted node; data: Bell values or full statistics) ───────────────────────

    /// Eve's guessing probability of the untrusted outcomes `guessed` ((party, setting) pairs) under NPA over the
    /// generating set, given Σ_e ⟨B_i⟩_e = v_i for every datum (docs/formulations/device-independent.md).
    static member DeviceIndependentGuess
        (scenario: SteeringRng.Algebra.Scenario, guessed: (int * int) array, data: DeviceIndependent.DeviceIndependentDatum array,
         generatingSet: GeneratingSetSpec) : Relaxation =
        DeviceIndependent.DeviceIndependentGuessing.build scenario guessed data (Some(GeneratingSet.build scenario generatingSet))

    /// The same at NPA level k.
    static member DeviceIndependentGuess
        (scenario: SteeringRng.Algebra.Scenario, guessed: (int * int) array, data: DeviceIndependent.DeviceIndependentDatum array, level: int) : Relaxation =
        Relaxations.DeviceIndependentGuess(scenario, guessed, data, GeneratingSetSpec.Level level)

    /// The no-signalling version: a linear program over one sub-normalised no-signalling box per guess.
    static member DeviceIndependentGuessNoSignalling
        (scenario: SteeringRng.Algebra.Scenario, guessed: (int * int) array, data: DeviceIndependent.DeviceIndependentDatum array) : Relaxation =
        DeviceIndependent.DeviceIndependentGuessing.build scenario guessed data None
