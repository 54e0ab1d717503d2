/// Reads a file into the syntax tree: splits it into logical lines, parses each with the grammar
/// (so every line with a syntax error gets its own diagnostic), splices includes, and groups the
/// statements into scenarios. Never throws; every problem becomes a Diagnostic.
module SteeringRng.Scenario.Parser

/// Resolves an include or data file name (as written) to its text, reading at most the given number of
/// bytes (InputLimits). The host supplies it; the front end itself never touches the file system.
type Resolver = string -> int64 -> FileContent

/// The syntax tree, the syntax diagnostics, and every source read (for rendering diagnostics).
/// A statement lost to an error: a line that failed to parse, by its words ("measure", "Dora", "X", ...),
/// or text never read (an include that failed, lines after the error limit), which could have held anything.
type LostStatement =
    | Unread
    | Words of string list

type ParseOutput =
    { File: SynFile
      Diagnostics: Diagnostic list
      Sources: SourceText list
      /// The statements lost to errors, so that the checker's "missing ..." diagnostics they explain can be left out.
      Lost: LostStatement list }

/// The deepest chain of includes accepted.
val maxIncludeDepth: int

/// The number of syntax errors reported per file before reading stops.
val maxErrorsPerFile: int

/// Parses a file (and the files it includes) into the syntax tree and the syntax diagnostics.
val parse: resolve: Resolver -> fileName: string -> text: string -> ParseOutput
