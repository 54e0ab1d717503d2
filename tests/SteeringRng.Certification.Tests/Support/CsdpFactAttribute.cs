namespace SteeringRng.Certification.Tests.Support;

/// <summary>A fact that needs the CSDP binary: skipped, with the reason shown, when it is not installed.</summary>
public sealed class CsdpFactAttribute : FactAttribute
{
    public CsdpFactAttribute()
    {
        if (!File.Exists(TemporaryCsdpSolver.Binary)) Skip = $"CSDP is not installed ({TemporaryCsdpSolver.Binary} not found)";
    }
}
