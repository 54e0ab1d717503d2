using System.Numerics;
using SteeringRng.Certification.Data;
using SteeringRng.Certification.Results;
using SteeringRng.Quantum;
using SteeringRng.Sdp;

namespace SteeringRng.Certification.Tests.Data;

/// <summary>
/// <c>inequality = file("F.json")</c> (docs/formulations/measured-probabilities.md, "One functional value"): the steering
/// test's optimal functional written with <see cref="FunctionalFiles.Write"/> and read back gives the same P_g as
/// <c>inequality = steering(mu = 0.7)</c>, which computes that functional itself (1e-12: the same doubles, hence the same
/// SDP); a bad file (another layout, NaN, a non-Hermitian block, an assemblage file) is a located error SR1201.
/// </summary>
public class FunctionalFileTests
{
    private const string Nodes = """
        node Alice trusted dim 2
        node Bob, Charlie untrusted dim 2
        param mu = 0.8
        state = mu * ghz + (1 - mu) * white
        measure Bob, Charlie: X Y Z
        objective joint = guess Bob.X, Charlie.X
        """;

    private static string Scenario(string inequality) => $"""
        scenario "one value"
        {Nodes}
        {inequality}
        bounds ns, npa 1
        """;

    [Fact]
    public void Exported_steering_functional_read_back_gives_the_same_bounds()
    {
        using var folder = new DataFolder();
        var fromTest = folder.Write("test.scn", Scenario("inequality = steering(mu = 0.7)"));
        var plan = CertificationEngine.Plan(CertificationEngine.Load(fromTest), AssemblageRoundTripTests.Deterministic)[0];
        var (target, functional, critical) = MeasuredData.SteeringTestFunctional(plan.Model, "mu", 0.7);
        Assert.InRange(critical, 0.6, 0.62); // GHZ with X, Y, Z: v* = 0.6122 at mu = 0.7 (the sample's header, 0.4286 / 0.7).
        var json = Path.Combine(folder.Path, "F.json");
        FunctionalFiles.Write(json, functional, target, ["Bob", "Charlie"]);
        Assert.Equal(functional, FunctionalFiles.Blocks(FunctionalFiles.Read(json, target, ["Bob", "Charlie"]))); // bit for bit
        var fromFile = folder.Write("file.scn", Scenario("inequality = file(\"F.json\")"));

        var expected = plan.Execute(new InteriorPointSolver()).Rows;
        var actual = AssemblageRoundTripTests.Run(fromFile, AssemblageRoundTripTests.Deterministic).Rows;
        Assert.Equal(2, actual.Count);
        foreach (var (e, a) in expected.Zip(actual))
        {
            Assert.Equal((e.Objective, e.Bound, e.Status), (a.Objective, a.Bound, a.Status));
            Assert.Equal(RowStatus.Optimal, a.Status);
            Assert.Equal(e.Pguess!.Value, a.Pguess!.Value, 1e-12);
            Assert.Contains("the functional F of 'F.json'", a.Message);
        }
        // One value certifies less than the full data (0.5474 bits NS at mu = 0.8, docs): a weaker, not a wrong, bound.
        Assert.InRange(actual[0].Hmin!.Value, 0.3, 0.5474);
    }

    [Theory]
    [InlineData("shape", "F.json")]
    [InlineData("nan", "F.npy")]
    [InlineData("hermitian", "F.json")]
    [InlineData("format", "F.json")]
    public void A_bad_functional_file_is_a_located_error(string fault, string name)
    {
        using var folder = new DataFolder();
        var shape = new Assemblage(2, [3, 3], [2, 2], (_, _) => new Complex[2, 2]);
        var blocks = FunctionalFiles.Blocks(shape);
        var path = Path.Combine(folder.Path, name);
        switch (fault)
        {
            case "shape":
                FunctionalFiles.Write(path, FunctionalFiles.Blocks(new Assemblage(2, [2, 3], [2, 2], (_, _) => new Complex[2, 2])), new Assemblage(2, [2, 3], [2, 2], (_, _) => new Complex[2, 2]));
                break;
            case "nan":
                blocks[5][1, 1] = double.NaN;
                FunctionalFiles.Write(path, blocks, shape);
                break;
            case "hermitian":
                blocks[7][0, 1] = 0.5;
                FunctionalFiles.Write(path, blocks, shape);
                break;
            case "format":
                File.WriteAllBytes(path, SteeringRng.Quantum.Data.AssemblageFile.Write(shape, path));
                break;
        }
        var scenario = folder.Write("s.scn", Scenario($"inequality = file(\"{name}\")"));
        var loaded = CertificationEngine.Load(scenario);
        Assert.False(loaded.Result.Succeeded);
        var message = loaded.Result.RenderDiagnostics();
        Assert.Contains("SR1201", message);
        Assert.Contains(name, message);
        Assert.Contains(fault switch
        {
            "shape" => "does not match the scenario",
            "nan" => "is NaN",
            "hermitian" => "Hermitian",
            _ => "steeringrng-functional",
        }, message);
    }

    [Fact]
    public void A_missing_functional_file_or_no_state_is_refused()
    {
        using var folder = new DataFolder();
        var missing = CertificationEngine.Load(folder.Write("m.scn", Scenario("inequality = file(\"none.json\")")));
        Assert.Contains("SR1200", missing.Result.RenderDiagnostics());
        var noState = Scenario("inequality = file(\"none.json\")").Replace("state = mu * ghz + (1 - mu) * white", "");
        Assert.Contains("SR1202", CertificationEngine.Load(folder.Write("n.scn", noState)).Result.RenderDiagnostics());
    }
}
