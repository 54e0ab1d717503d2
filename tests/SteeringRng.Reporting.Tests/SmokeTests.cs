namespace SteeringRng.Reporting.Tests; public class SmokeTests { [Fact] public void Arithmetic_IsSane() => Assert.Equal(4, 2 + 2); }
