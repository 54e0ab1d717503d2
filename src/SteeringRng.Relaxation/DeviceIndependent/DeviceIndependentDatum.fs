namespace SteeringRng.Relaxation.DeviceIndependent

open SteeringRng.Algebra

/// One observed number of a device-independent experiment: Σ_e ⟨Expression⟩_e = Value (a Bell-inequality value, or
/// one Collins–Gisin probability p(a b | x y) when the full statistics are given). Name is for messages.
type DeviceIndependentDatum = { Name: string; Expression: Polynomial; Value: float }

