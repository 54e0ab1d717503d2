namespace SteeringRng.Relaxation

open SteeringRng.Algebra

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
