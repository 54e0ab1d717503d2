namespace SteeringRng.Algebra

/// An untrusted party: a name (one letter as physicists write it, e.g. "B"), its number of settings
/// (the length of Outcomes) and the number of outcomes of each setting.
type Party = { Name: string; Outcomes: int array }

module Party =

    /// A party whose m settings all have n outcomes.
    let uniform (name: string) (settings: int) (outcomes: int) = { Name = name; Outcomes = Array.create settings outcomes }

    let settingCount (p: Party) = p.Outcomes.Length
