namespace SteeringRng.Reporting; internal static class Placeholder { }
