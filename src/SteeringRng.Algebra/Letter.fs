namespace SteeringRng.Algebra

/// A generator B_{b|y} of the operator algebra, packed into one int so that words are plain int arrays:
/// bits 24..30 hold the party index, bits 12..23 the setting y, bits 0..11 the outcome b.
/// The packing makes the int order the (party, setting, outcome) order, which canonical words rely on.
module Letter =

    /// Largest party index, setting and outcome a letter can hold.
    [<Literal>]
    let MaxParty = 127

    [<Literal>]
    let MaxSetting = 4095

    [<Literal>]
    let MaxOutcome = 4095

    /// Packs (party, setting, outcome); fails with the offending field when one is out of range.
    let make (party: int) (setting: int) (outcome: int) : int =
        if party < 0 || party > MaxParty then
            invalidArg (nameof party) $"Party index {party} is outside 0..{MaxParty}."
        if setting < 0 || setting > MaxSetting then
            invalidArg (nameof setting) $"Setting {setting} is outside 0..{MaxSetting}."
        if outcome < 0 || outcome > MaxOutcome then
            invalidArg (nameof outcome) $"Outcome {outcome} is outside 0..{MaxOutcome}."
        (party <<< 24) ||| (setting <<< 12) ||| outcome

    let inline party (letter: int) = letter >>> 24

    let inline setting (letter: int) = (letter >>> 12) &&& 0xFFF

    let inline outcome (letter: int) = letter &&& 0xFFF

    /// Same party and same setting: the two projectors belong to one measurement.
    let inline sameMeasurement (x: int) (y: int) = (x >>> 12) = (y >>> 12)
