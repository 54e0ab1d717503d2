using SteeringRng.Certification;
using SteeringRng.Certification.Results;
using SteeringRng.Sdp;

namespace SteeringRng.Cli.Tests;

/// <summary>
/// <c>steer export --functional F.json</c> (docs/formulations/measured-probabilities.md, "A functional from a file"): the
/// steering test's optimal functional at μ = 0.7, read back with <c>inequality = file("F.json")</c>, gives the P_g of
/// <c>inequality = steering(mu = 0.7)</c> (1e-12) at every point and bound; a bad output name is a usage error.
/// </summary>
public class FunctionalExportTests
{
    private static string Scenario(string mu, string data) => $"""
        scenario "GHZ"
        node Alice trusted dim 2
        node Bob, Charlie untrusted dim 2
        param mu = {mu}
        state = mu * ghz + (1 - mu) * white
        measure Bob, Charlie: X Y Z
        objective joint = guess Bob.X, Charlie.X
        {data}
        bounds ns, npa 1
        """;

    [Fact]
    public void Exported_functional_read_back_gives_the_steering_point_s_bounds()
    {
        var dir = Directory.CreateTempSubdirectory("steer-functional-").FullName;
        try
        {
            var model = Path.Combine(dir, "model.scn");
            File.WriteAllText(model, Scenario("0.7", ""));
            var export = CliRunner.Run(["export", model, "--functional", Path.Combine(dir, "F.json")]);
            Assert.True(export.ExitCode == 0, export.Stderr);
            Assert.Contains("critical visibility 0.6122", export.Stdout);
            var rows = new[] { "inequality = steering(mu = 0.7)", "inequality = file(\"F.json\")" }.Select((data, i) =>
            {
                var path = Path.Combine(dir, $"s{i}.scn");
                File.WriteAllText(path, Scenario("[0.6, 0.8]", data));
                var loaded = CertificationEngine.Load(path);
                Assert.True(loaded.Result.Succeeded, loaded.Result.RenderDiagnostics());
                return CertificationEngine.Plan(loaded)[0].Execute(new InteriorPointSolver()).Rows;
            }).ToArray();
            Assert.Equal(4, rows[1].Count);
            foreach (var (point, file) in rows[0].Zip(rows[1]))
            {
                Assert.Equal(RowStatus.Optimal, file.Status);
                Assert.Equal(point.Pguess!.Value, file.Pguess!.Value, 1e-12);
            }
            Assert.Equal(2, CliRunner.Run(["export", model, "--functional", Path.Combine(dir, "F.txt")]).ExitCode);
        }
        finally { Directory.Delete(dir, recursive: true); }
    }
}
