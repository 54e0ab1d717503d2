/// Checks a parsed scenario into the Checked model: nodes, parameters and sweep, measurements,
/// state, objectives, bounds and outputs, with every problem reported as a Diagnostic.
module SteeringRng.Scenario.Checker

/// The largest node dimension.
val maxNodeDim: int

/// The default cap on the number of sweep points.
val defaultMaxGridPoints: int

type Options =
    { /// Reads data files (state and POVM files) by name.
      Resolve: Parser.Resolver
      /// Reads binary data files (assemblage .npy and .json files) by name.
      ResolveBytes: string -> int64 -> FileBytes
      /// Repair measured data that are not a valid assemblage even without `repair = nearest` (the CLI's --repair).
      RepairData: bool
      /// The largest parameter grid accepted.
      MaxGridPoints: int }

/// No data files, the default grid cap.
val defaultOptions: Options

/// Checks one scenario: its diagnostics, and the checked scenario when there is no error.
val checkScenario: options: Options -> fileName: string -> syn: SynScenario -> Diagnostic list * Checked.Scenario option

/// Checks every scenario of a parsed file. Diagnostics are de-duplicated (statements shared by
/// several scenarios would otherwise report the same problem once per scenario) and sorted by place.
val check: options: Options -> file: SynFile -> Diagnostic list * Checked.Scenario list
