namespace SteeringRng.Certification.Tests.Support;

/// <summary>
/// A slow check (e.g. the paper's local dimension 10): runs only when the environment variable
/// STEERINGRNG_BENCHMARKS is 1, and is shown as skipped, with that reason, otherwise.
/// </summary>
public sealed class BenchmarkFactAttribute : FactAttribute
{
    public const string Variable = "STEERINGRNG_BENCHMARKS";

    public BenchmarkFactAttribute()
    {
        if (Environment.GetEnvironmentVariable(Variable) != "1") Skip = $"benchmark: set {Variable}=1 to run";
    }
}
