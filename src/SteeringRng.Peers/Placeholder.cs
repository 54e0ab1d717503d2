namespace SteeringRng.Peers; internal static class Placeholder { }
