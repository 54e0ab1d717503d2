/// Reads a file into the syntax tree: splits it into logical lines, parses each with the grammar
/// (so every line with a syntax error gets its own diagnostic), splices includes, and groups the
/// statements into scenarios. Never throws; every problem becomes a Diagnostic.
module SteeringRng.Scenario.Parser

/// Resolves an include or data file name (as written) to its text; None when it cannot be read.
/// The host supplies it; the front end itself never touches the file system.
type Resolver = string -> string option

/// The syntax tree, the syntax diagnostics, and every source read (for rendering diagnostics).
type ParseOutput =
    { File: SynFile
      Diagnostics: Diagnostic list
      Sources: SourceText list }

/// The deepest chain of includes accepted.
val maxIncludeDepth: int

/// The number of syntax errors reported per file before reading stops.
val maxErrorsPerFile: int

/// Parses a file (and the files it includes) into the syntax tree and the syntax diagnostics.
val parse: resolve: Resolver -> fileName: string -> text: string -> ParseOutput
