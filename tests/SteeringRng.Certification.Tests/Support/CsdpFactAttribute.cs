using SteeringRng.Peers;

namespace SteeringRng.Certification.Tests.Support;

/// <summary>A fact that needs the CSDP binary: skipped, with the reason shown, when it is not available.</summary>
public sealed class CsdpFactAttribute : FactAttribute
{
    public CsdpFactAttribute()
    {
        var (available, reason) = new CsdpSolver().Availability;
        if (!available) Skip = $"CSDP is not available: {reason}";
    }
}
