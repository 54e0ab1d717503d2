namespace SteeringRng.Algebra

/// An untrusted party: a name (one letter as physicists write it), its number of settings and
/// the number of outcomes of each setting.
type Party = { Name: string; Outcomes: int array }
