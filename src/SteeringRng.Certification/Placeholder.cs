namespace SteeringRng.Certification; internal static class Placeholder { }
