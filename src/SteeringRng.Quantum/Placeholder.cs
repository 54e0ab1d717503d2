namespace SteeringRng.Quantum; internal static class Placeholder { }
