using SteeringRng.Certification.Lowering;
using SteeringRng.Certification.Input;
using SteeringRng.Certification.Thresholds;

namespace SteeringRng.Certification.Tests.Thresholds;

/// <summary>Requests that do not fit the scenario are usage errors with a plain message, before anything is solved.</summary>
public class ThresholdRequestTests
{
    private static Scenario.Checked.Scenario Scenario(string parameters = "param mu = 0 .. 1 step 0.1", string state = "mu * ghz + (1 - mu) * white") =>
        GhzThresholdTests.Check($"""
            node Alice trusted dim 2
            node Bob, Charlie untrusted dim 2
            {parameters}
            state = {state}
            measure Bob, Charlie: X Y
            objective joint = guess Bob.X, Charlie.X
            bounds ns, steering
            """);

    private static string UsageMessage(Scenario.Checked.Scenario scenario, ThresholdRequest request)
    {
        var e = Assert.Throws<ScenarioInputException>(() => ThresholdSearch.Plan(scenario, request));
        Assert.True(e.IsUsage);
        return e.Message;
    }

    [Fact]
    public void An_unknown_parameter_names_the_declared_ones() =>
        Assert.Contains("its parameters are mu", UsageMessage(Scenario(), new ThresholdRequest("nu")));

    [Fact]
    public void A_constant_parameter_is_not_swept() =>
        Assert.Contains("constant", UsageMessage(Scenario("param mu = 0.5"), new ThresholdRequest("mu")));

    [Fact]
    public void A_single_value_is_no_range() =>
        Assert.Contains("single value", UsageMessage(Scenario("param mu = [0.5]"), new ThresholdRequest("mu")));

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1e-5)]
    [InlineData(double.NaN)]
    public void A_width_that_is_not_positive_is_refused(double width) =>
        Assert.Contains("--width", UsageMessage(Scenario(), new ThresholdRequest("mu") { Width = width }));

    [Fact]
    public void A_second_swept_parameter_must_be_fixed() =>
        Assert.Contains("--set nu=", UsageMessage(
            Scenario("param mu = 0 .. 1 step 0.5\nparam nu = [0, 1]", "mu * ghz + (1 - mu) * white"), new ThresholdRequest("mu")));

    [Fact]
    public void Unknown_bounds_and_objectives_are_named()
    {
        Assert.Contains("'npa 2'", UsageMessage(Scenario(), new ThresholdRequest("mu") { Bounds = ["npa 2"] }));
        Assert.Contains("its objectives are joint", UsageMessage(Scenario(), new ThresholdRequest("mu") { Objective = "bob" }));
    }

    [Fact]
    public void The_range_is_the_declared_one()
    {
        var search = ThresholdSearch.Plan(Scenario("param mu = 0.3 .. 0.9 step 0.2"), new ThresholdRequest("mu"));
        Assert.Equal(0.3, search.RangeLow, 12);
        Assert.Equal(0.9, search.RangeHigh, 12);
    }

    [Fact]
    public void A_state_that_is_not_a_white_noise_mixture_is_said_to_be_so()
    {
        // ρ(0) = |W⟩⟨W|, not I/D: monotonicity is only assumed and the steering test is bisected.
        var scenario = Scenario(state: "mu * ghz + (1 - mu) * w");
        var model = new ScenarioModel(scenario);
        Assert.Contains("is not I/D", WhiteNoiseFamily.Mismatch(model, "mu", 0, 1));
        Assert.Null(WhiteNoiseFamily.Mismatch(new ScenarioModel(Scenario()), "mu", 0, 1));
    }
}
