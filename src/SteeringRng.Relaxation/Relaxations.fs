namespace SteeringRng.Relaxation

open System.Runtime.InteropServices
open SteeringRng.Algebra
open SteeringRng.Quantum

/// The public entry points, callable from C#: each returns a <see cref="Relaxation"/>.
[<AbstractClass; Sealed>]
type Relaxations =

    /// Plain NPA for a Bell expression at a level string ("1+AB", "2", ...).
    static member NpaBell(scenario: Scenario, expression: Polynomial, level: string) =
        NpaBell.build scenario expression (GeneratingSet.parse scenario level)

    /// Plain NPA for a Bell expression at integer level k.
    static member NpaBell(scenario: Scenario, expression: Polynomial, level: int) =
        NpaBell.build scenario expression (GeneratingSet.level scenario level)

    /// Plain NPA for a Bell expression over a generating set specification.
    static member NpaBell(scenario: Scenario, expression: Polynomial, generatingSet: GeneratingSetSpec) =
        NpaBell.build scenario expression (GeneratingSet.build scenario generatingSet)

    /// The no-signalling bound of a Bell expression: a linear program over Collins–Gisin correlations.
    static member NoSignallingBell(scenario: Scenario, expression: Polynomial) =
        NoSignallingBell.build scenario expression

    /// Q_k for an assemblage: Eve guesses the outcomes of `guessedParties` (untrusted-party indices, in the
    /// assemblage's order) at the settings `guessedSettings`; `level` is a level string over the party names
    /// B, C, D, … ("1", "1+BC", "2").
    static member QLevel(assemblage: Assemblage, guessedParties: int array, guessedSettings: int array, level: string) =
        QLevel.build
            (AssemblageMoments.defaultNames assemblage.PartyCount)
            { Parties = guessedParties; Settings = guessedSettings }
            (GeneratingSetSpec.Terms level)
            assemblage

    /// Q_k with own party names (one letter each when a level string is used) and any generating set.
    static member QLevel
        (assemblage: Assemblage, partyNames: string array, guessedParties: int array, guessedSettings: int array, generatingSet: GeneratingSetSpec)
        =
        QLevel.build partyNames { Parties = guessedParties; Settings = guessedSettings } generatingSet assemblage

    /// Q_k as above; `useSymmetry` = false builds the full problem (no symmetry reduction), e.g. to cross-check it.
    static member QLevel
        (assemblage: Assemblage, partyNames: string array, guessedParties: int array, guessedSettings: int array, generatingSet: GeneratingSetSpec,
         useSymmetry: bool)
        =
        QLevel.buildWith useSymmetry partyNames { Parties = guessedParties; Settings = guessedSettings } generatingSet assemblage

    /// The no-signalling bound as the symmetry-reduced Q at level 0 (S = {I}; see QLevel.tryBuildReduced): false
    /// when the data have no symmetry that merges Eve's guesses (then use SteeringRelaxations.NoSignalling); for
    /// degenerate data (white noise) the full Q_0, reduced from the next symmetric point of a sweep on. Same value as
    /// the plain NS program; read P_g with Relaxation.UpperBound.
    static member TryNoSignallingBySymmetry
        (assemblage: Assemblage, guessedParties: int array, guessedSettings: int array, [<Out>] relaxation: byref<Relaxation>)
        =
        match
            QLevel.tryBuildReduced
                (AssemblageMoments.defaultNames assemblage.PartyCount)
                { Parties = guessedParties; Settings = guessedSettings }
                (GeneratingSetSpec.Level 0)
                assemblage
        with
        | Some r ->
            relaxation <- r
            true
        | None -> false
