using SteeringRng.Certification.Bounds;
using SteeringRng.Certification.FiniteSize;
using SteeringRng.Certification.Lowering;
using SteeringRng.Scenario;

namespace SteeringRng.Certification.Tests.FiniteSize;

/// <summary>The scenarios the finite-size tests certify, written out here (model points, not result numbers).</summary>
internal static class FiniteSizeModels
{
    public static ScenarioModel Model(string text)
    {
        var result = ScenarioLanguage.Check("t.scn", text);
        Assert.True(result.Succeeded, result.RenderDiagnostics());
        return new ScenarioModel(result.Scenarios[0]);
    }

    /// <summary>CHSH without a trusted node, Eve guessing A's outcome of setting 0 (samples/di-chsh.scn at one S).</summary>
    public static DeviceIndependentGuessingProgram Chsh(string bound = "npa \"1+AB\"") =>
        ChshProgram(Model($"""
            node A, B untrusted
            measure A, B: settings 2 outcomes 2
            param S = 2.5
            objective chsh = bell <A.0 B.0> + <A.0 B.1> + <A.1 B.0> - <A.1 B.1>
            inequality = bell(chsh = S)
            objective g = guess A.0
            bounds {bound}
            """));

    private static DeviceIndependentGuessingProgram ChshProgram(ScenarioModel model) =>
        new(model, "g", BoundSpecs.Of(model, model.Scenario.Bounds[0]), TestStatistics.Chsh());

    /// <summary>3-qubit GHZ with white noise, Alice trusted measuring X Y Z, Bob and Charlie X Y Z, joint guess of their X.</summary>
    public static (SteeringGuessingProgram Program, ScenarioModel Model) Ghz(double mu, string bound = "ns", string alice = "X Y Z") =>
        Steering($"""
            node Alice trusted dim 2
            node Bob, Charlie untrusted dim 2
            param mu = {mu.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}
            state = mu * ghz + (1 - mu) * white
            data = probabilities
            measure Alice: {alice}
            measure Bob, Charlie: X Y Z
            objective joint = guess Bob.X, Charlie.X
            bounds {bound}
            """);

    public static (SteeringGuessingProgram Program, ScenarioModel Model) Steering(string text)
    {
        var model = Model(text);
        var g = (SteeringRng.Scenario.Checked.ObjectiveKind.Guess)model.Scenario.Objectives[0].Kind;
        return (new SteeringGuessingProgram(model, model.GuessOf(g.targets), BoundSpecs.Of(model, model.Scenario.Bounds[0])), model);
    }

    /// <summary>The model's expected statistics at its (single) point.</summary>
    public static double[] Expected(SteeringGuessingProgram program, ScenarioModel model) => program.StatisticsOf(model.AssemblageAt(0));
}
