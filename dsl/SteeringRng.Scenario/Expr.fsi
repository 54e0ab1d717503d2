/// Evaluates expressions to complex numbers. Names are looked up in an environment (parameters)
/// and then among the constants pi, e and i. Every failure is a Diagnostic at the offending
/// sub-expression: unknown names and functions, wrong arity, division by zero, non-finite results.
module SteeringRng.Scenario.Expr

open System.Numerics

/// The constants every expression knows: pi, e, i.
val constants: (string * Complex) list

/// The functions: name, arity, implementation (real arguments use the real functions).
val functions: (string * int * (Complex list -> Complex)) list

/// A number for messages: "0.5", "2i", "1+1i" (6 significant digits).
val show: z: Complex -> string

/// What the environment defines: parameter name -> value.
type Lookup = string -> Complex option

/// Evaluates an expression; `known` lists the environment's names (for messages only).
val evaluateWith: lookup: Lookup -> known: string list -> e: SynExpr -> Result<Complex, Diagnostic>

/// Evaluates with only the constants known.
val evaluate: e: SynExpr -> Result<Complex, Diagnostic>

/// Evaluates and requires a real result (imaginary part at most 1e-12 relative); `what` names the
/// value in the message ("parameter 'mu' must be real").
val evaluateReal: lookup: Lookup -> known: string list -> what: string -> e: SynExpr -> Result<float, Diagnostic>

/// The names an expression mentions.
val names: e: SynExpr -> string list
