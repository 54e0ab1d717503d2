using SteeringRng.Certification.Run;
using SteeringRng.Scenario;

namespace SteeringRng.Certification.Tests.Support;

/// <summary>Scenario text checked and planned through the engine, as a caller of the library would.</summary>
internal static class Scenarios
{
    public static ScenarioRun Plan(string text, RunSettings? settings = null)
    {
        var result = ScenarioLanguage.Check("t.scn", text);
        Assert.True(result.Succeeded, result.RenderDiagnostics());
        return ScenarioRun.Plan(result.Scenarios[0], settings);
    }
}
