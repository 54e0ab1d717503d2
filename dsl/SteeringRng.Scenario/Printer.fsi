/// Compact, stable text forms of expressions and checked scenarios (used by golden tests and by
/// hosts that want to show what a scenario means after checking).
module SteeringRng.Scenario.Printer

/// An expression in canonical surface syntax (single spaces around binary operators).
val expr: e: SynExpr -> string

/// The checked scenario, one fact per line.
val scenario: s: Checked.Scenario -> string
