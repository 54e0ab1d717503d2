namespace SteeringRng.Extraction.Tests;

/// <summary>Runs only when STEERINGRNG_BENCHMARKS is 1 (as in the certification tests); shown as skipped otherwise.</summary>
public sealed class BenchmarkFactAttribute : FactAttribute
{
    public const string Variable = "STEERINGRNG_BENCHMARKS";

    public BenchmarkFactAttribute()
    {
        if (Environment.GetEnvironmentVariable(Variable) != "1") Skip = $"benchmark: set {Variable}=1 to run";
    }
}
