/// The catalogue of every diagnostic the scenario language can report (in the style of the F#
/// compiler's FSComp.txt): number, stable key, severity, message template. Numbers are never reused.
/// 1xxx: reading and parsing; 2xxx: checking; 3xxx: evaluating expressions.
module SteeringRng.Scenario.Catalogue

let private def number key severity template =
    { Number = number; Key = key; Severity = severity; Template = template }

// ---- 1xxx: reading and parsing ----
let syntaxError = def 1001 "syntaxError" Error "syntax error: expected {0}, found {1}"
let nestingTooDeep = def 1002 "nestingTooDeep" Error "brackets nested deeper than {0} levels"
let lineTooLong = def 1003 "lineTooLong" Error "statement longer than {0} characters"
let includeNotFound = def 1004 "includeNotFound" Error "cannot read included file '{0}'"
let includeCycle = def 1005 "includeCycle" Error "'{0}' includes itself (directly or through other files)"
let includeTooDeep = def 1006 "includeTooDeep" Error "includes nested deeper than {0} files"
let tooManyErrors = def 1007 "tooManyErrors" Error "too many errors; stopped reading after {0}"
let fileTooLarge = def 1008 "fileTooLarge" Error "'{0}' is larger than {1}, the limit for {2}; it was not read"

// ---- 1100-1129: measured data files (assemblage = file(...), repair = ...) ----
let assemblageWithState = def 1100 "assemblageWithState" Error "a scenario takes its data from 'state = ...' or from 'assemblage = file(...)', not both (the state is at line {0})"
let dataFileNotFound = def 1101 "dataFileNotFound" Error "cannot read assemblage file '{0}'"
let dataFileInvalid = def 1102 "dataFileInvalid" Error "assemblage file {0}"
let dataNotAssemblage = def 1103 "dataNotAssemblage" Error "the data in '{0}' are not a valid assemblage (tolerance {1}): the worst violation is {2}{3}. Add 'repair = nearest' (or run with --repair) to use the nearest valid assemblage in the Frobenius norm, with the distance reported in every row; or correct the data"
let dataOutcomeCounts = def 1105 "dataOutcomeCounts" Error "node '{0}': in an assemblage file every setting of a node has the same number of outcomes; its settings have {1}"
let dataRepaired = def 1106 "dataRepaired" Warning "the data in '{0}' are not a valid assemblage ({1}); they are replaced by the nearest valid assemblage, Frobenius distance {2} ({3})"
let dataRepairRefused = def 1107 "dataRepairRefused" Error "cannot repair the data in '{0}': {1}"
// ---- 1130–1159: measured data (docs/formulations/measured-probabilities.md) ----
let dataForm = def 1130 "dataForm" Error "unknown data form '{0}'; use 'assemblage' (σ of the state, the default) or 'probabilities' (the trusted node's statistics p(a b c | x y z))"
let repairMode = def 1131 "repairMode" Error "unknown repair '{0}'; use 'nearest' (without a repair line, measured data that are not no-signalling are refused)"
let trustedNotMeasured = def 1132 "trustedNotMeasured" Error "probabilities need what the trusted node '{0}' measures (add e.g. 'measure {0}: X Z')"
let trustedMeasuredUnused = def 1133 "trustedMeasuredUnused" Error "'{0}' is trusted and measured, but the data are the assemblage (full tomography); add 'data = probabilities' to certify from its statistics, or remove its measure line"
let probabilitiesWithState = def 1134 "probabilitiesWithState" Error "the probabilities file holds the data, so the state would not be used; remove 'state = ...', or compute the probabilities from the state with 'data = probabilities'"
let boundNeedsModel = def 1135 "boundNeedsModel" Error "bound '{0}' needs a model state; the data here are a probabilities file"
let probabilitiesFileSwept = def 1136 "probabilitiesFileSwept" Error "a probabilities file is one data point, but the scenario sweeps '{0}'"
let dataConflict = def 1137 "dataConflict" Error "{0}"
let trustedAbstract = def 1138 "trustedAbstract" Error "the trusted node '{0}' needs concrete measurements (X, Y, Z, mub(k), bloch(...), povm(...)), not abstract settings"
let inequalityPoint = def 1140 "inequalityPoint" Error "inequality = steering({0} = ...): {1}"
let repairUnused = def 1139 "repairUnused" Warning "'repair = nearest' has nothing to repair: the data are computed exactly from the state"

// ---- 2xxx: checking ----
let duplicateName = def 2001 "duplicateName" Error "{0} '{1}' is already declared at line {2}"
let unknownNode = def 2002 "unknownNode" Error "unknown node '{0}'{1}"
let unknownSetting = def 2003 "unknownSetting" Error "node '{0}' has no setting '{1}'; its settings are {2}"
let noTrustedNode = def 2004 "noTrustedNode" Error "{0} needs a trusted node (declare one with 'node <name> trusted dim <d>')"
let trustedNodeMeasured = def 2005 "trustedNodeMeasured" Error "'{0}' is trusted: it does tomography, measurements are given for untrusted nodes only"
let nodeNotMeasured = def 2006 "nodeNotMeasured" Error "untrusted node '{0}' has no measurements (add 'measure {0}: ...')"
let valueOutOfRange = def 2007 "valueOutOfRange" Error "{0} must be between {1} and {2}, got {3}"
let ketLabelLength = def 2008 "ketLabelLength" Error "ket |{0}> has {1} labels but the scenario has {2} nodes ({3})"
let ketLabelDigit = def 2009 "ketLabelDigit" Error "ket |{0}>: label {1} for node '{2}' must be below its dimension {3}"
let stateTooLarge = def 2010 "stateTooLarge" Error "the joint dimension {0} of all nodes exceeds the limit {1}"
let sweepTooLarge = def 2011 "sweepTooLarge" Error "the parameter grid has {0} points; the limit is {1}"
let emptyRange = def 2012 "emptyRange" Error "range {0} .. {1} step {2} is empty{3}"
let notReal = def 2013 "notReal" Error "{0} must be real, got {1}"
let notConstant = def 2014 "notConstant" Error "{0} must be constant, but it depends on the swept parameter '{1}'"
let missingNodes = def 2015 "missingNodes" Error "the scenario declares no untrusted node"
let qubitOnly = def 2016 "qubitOnly" Error "'{0}' is a qubit measurement but node '{1}' has dimension {2}"
let mubIndex = def 2017 "mubIndex" Error "mub({0}) on dimension {1}: {2}"
let blochTooLong = def 2018 "blochTooLong" Error "Bloch vector ({0}): {1}"
let povmInvalid = def 2019 "povmInvalid" Error "POVM '{0}': {1}"
let fileNotFound = def 2020 "fileNotFound" Error "cannot read data file '{0}'"
let fileNumbers = def 2021 "fileNumbers" Error "data file '{0}': {1}"
let notAState = def 2022 "notAState" Error "{0}"
let weightsSum = def 2023 "weightsSum" Error "the state at {0}: {1}"
let familyNeedsEqualDims = def 2024 "familyNeedsEqualDims" Error "{0} needs all nodes to have the same dimension ({1})"
let familyNeedsQubits = def 2025 "familyNeedsQubits" Error "{0} is defined for qubits only ({1})"
let familyArguments = def 2026 "familyArguments" Error "{0}"
let badGuess = def 2027 "badGuess" Error "{0}"
let bellNotLinear = def 2028 "bellNotLinear" Error "{0}"
let correlatorOutcomes = def 2029 "correlatorOutcomes" Error "correlator needs two-outcome settings; {0}.{1} has {2} outcomes"
let outcomeOutOfRange = def 2030 "outcomeOutOfRange" Error "outcome {0} of {1}.{2} must be below {3}"
let npaLevel = def 2031 "npaLevel" Error "NPA level {0}: {1}"
let duplicateOption = def 2032 "duplicateOption" Error "{0} is given twice"
let boundNeeds = def 2033 "boundNeeds" Error "bound '{0}' needs {1}"
let plotAxis = def 2034 "plotAxis" Error "{0}"
let outputFormat = def 2035 "outputFormat" Error "{0}"
let missingState = def 2036 "missingState" Error "{0} needs a state (add 'state = ...')"
let missingObjective = def 2037 "missingObjective" Error "the scenario has no objective (add 'objective <name> = guess ...' or '= bell ...')"
let missingBounds = def 2038 "missingBounds" Error "the scenario requests no bounds (add e.g. 'bounds ns, npa 2')"
let duplicateStatement = def 2039 "duplicateStatement" Error "{0} is given twice (first at line {1})"
let abstractWithState = def 2040 "abstractWithState" Error "node '{0}' has abstract settings, but a state is given: name concrete measurements (X, mub(1), bloch(...), povm(...))"
let reservedName = def 2041 "reservedName" Error "'{0}' is a reserved name"
let ketNotNormalised = def 2042 "ketNotNormalised" Warning "{0} has norm {1}; it is normalised to 1"
let unknownMeasurement = def 2043 "unknownMeasurement" Error "unknown measurement '{0}'; use X, Y, Z, F, mub(k), bloch(x, y, z), angles(theta, phi) or povm(\"file\")"
let physicalState = def 2044 "physicalState" Error "the state at {0} is not physical: {1}"
let tooManySettings = def 2045 "tooManySettings" Error "{0} must be between 1 and {1}"
let bellWithTrustedNode = def 2046 "bellWithTrustedNode" Error "Bell objectives are maximised over correlations of untrusted nodes only; this scenario has the trusted node '{0}' (use a guess objective, or declare every node untrusted)"

// ---- 1160-1179: detection loss (`efficiency` statements) ----
let efficiencyRange = def 1160 "efficiencyRange" Error "the detection efficiency of '{0}' must be between 0 and 1, got {1} at {2}"
let efficiencyNode = def 1161 "efficiencyNode" Error "efficiency of '{0}': {1}"
let efficiencyTwice = def 1162 "efficiencyTwice" Error "the efficiency of '{0}' is given twice (first at line {1})"
let noClickOutcome = def 1163 "noClickOutcome" Error "noclick -> {0}: setting {1} of '{2}' has {3} outcomes (0 .. {4})"
let efficiencySwept = def 1164 "efficiencySwept" Error "the steering test compares with white noise under the same measurements at one efficiency, so the efficiency of '{0}' must not depend on the swept parameter '{1}' (fix it with --set, or use one scenario per value)"
// device-independent data (docs/formulations/device-independent.md); SR1190–SR1195 are the CV language's
let functionalFileNotFound = def 1200 "functionalFileNotFound" Error "cannot read functional file '{0}'"
let functionalFileInvalid = def 1201 "functionalFileInvalid" Error "functional file {0}"
let functionalFileUse = def 1202 "functionalFileUse" Error "inequality = file(\"{0}\"): {1}"
// an observed steering-functional value, `inequality = ... value beta` (docs/formulations/measured-probabilities.md)
let observedValueBound = def 1211 "observedValueBound" Error "bound '{0}' needs the state the data come from; with 'inequality = ... value ...' the data are one observed number (remove the bound, or leave out 'value' to take the value from the state)"
let observedValueState = def 1212 "observedValueState" Error "inequality = file(\"{0}\") value ...: the value is the data, so the state would not be used; remove 'state = ...', or leave out 'value' to compute the value from the state"
let observedValueRange = def 1213 "observedValueRange" Error "inequality ... value: the value {0} at {1} is outside [{2}, {3}], what Σ Tr[F σ] can take on any assemblage (docs/formulations/measured-probabilities.md)"
let diGuessWithoutData = def 1196 "diGuessWithoutData" Error "a guess objective without a trusted node needs device-independent data: the observed value of a Bell objective, e.g. 'inequality = bell({0} = 2.7)'"
let bellValueObjective = def 1197 "bellValueObjective" Error "inequality = bell({0} = ...): {1}"
let bellValueRange = def 1198 "bellValueRange" Error "inequality = bell({0} = ...): the value {1} at {2} is outside [{3}, {4}], what the expression can take on any correlations"
let bellValueConflict = def 1199 "bellValueConflict" Error "inequality = bell(...) gives the data of a scenario without a trusted node; {0}"

// ---- 3xxx: evaluating expressions ----
let unknownName = def 3001 "unknownName" Error "unknown name '{0}'{1}"
let unknownFunction = def 3002 "unknownFunction" Error "unknown function '{0}'; the functions are {1}"
let arity = def 3003 "arity" Error "'{0}' takes {1} argument(s), got {2}"
let divisionByZero = def 3004 "divisionByZero" Error "division by zero"
let notFinite = def 3005 "notFinite" Error "{0} is not a finite number"
let notANumber = def 3006 "notANumber" Error "{0} cannot be used as a number here"

// ---- 9xxx: defects of the front end itself (never expected; reported instead of crashing) ----
let internalError = def 9999 "internalError" Error "internal error in the scenario front end: {0}"

/// Every definition, for documentation and for the test that numbers and keys are unique.
let all =
    [ syntaxError; nestingTooDeep; lineTooLong; includeNotFound; includeCycle; includeTooDeep; tooManyErrors; fileTooLarge
      duplicateName; unknownNode; unknownSetting; noTrustedNode; trustedNodeMeasured; nodeNotMeasured
      valueOutOfRange; ketLabelLength; ketLabelDigit; stateTooLarge; sweepTooLarge; emptyRange; notReal
      notConstant; missingNodes; qubitOnly; mubIndex; blochTooLong; povmInvalid; fileNotFound; fileNumbers
      notAState; weightsSum; familyNeedsEqualDims; familyNeedsQubits; familyArguments; badGuess; bellNotLinear
      correlatorOutcomes; outcomeOutOfRange; npaLevel; duplicateOption; boundNeeds; plotAxis; outputFormat
      missingState; missingObjective; missingBounds; duplicateStatement; abstractWithState; reservedName
      ketNotNormalised; unknownMeasurement; physicalState; tooManySettings; bellWithTrustedNode
      unknownName; unknownFunction; arity; divisionByZero; notFinite; notANumber; internalError
      efficiencyRange; efficiencyNode; efficiencyTwice; noClickOutcome; efficiencySwept
      dataForm; repairMode; trustedNotMeasured; trustedMeasuredUnused; probabilitiesWithState; boundNeedsModel
      probabilitiesFileSwept; dataConflict; trustedAbstract; repairUnused; inequalityPoint
      assemblageWithState; dataFileNotFound; dataFileInvalid; dataNotAssemblage; dataOutcomeCounts
      dataRepaired; dataRepairRefused
      diGuessWithoutData; bellValueObjective; bellValueRange; bellValueConflict
      functionalFileNotFound; functionalFileInvalid; functionalFileUse
      observedValueBound; observedValueState; observedValueRange ]
