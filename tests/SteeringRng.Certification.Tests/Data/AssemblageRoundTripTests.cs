using SteeringRng.Certification.Results;
using SteeringRng.Certification.Run;
using SteeringRng.Quantum.Data;
using SteeringRng.Sdp;

namespace SteeringRng.Certification.Tests.Data;

/// <summary>
/// Model → assemblage file (.npy and .json) → <c>assemblage = file(...)</c> gives the same data bit for bit, hence the same
/// SDPs and the same P_g at every bound (1e-12; the solver runs single-threaded on the managed kernels so that two runs
/// of one SDP are bit-identical); the seesaw, which needs a model, is not-applicable for the data.
/// </summary>
public class AssemblageRoundTripTests
{
    private const string Bounds = "bounds ns, npa 1, npa \"1+BC\", global, seesaw dim 2 restarts 0, steering";

    private const string Model = $"""
        scenario "GHZ model"
        node Alice trusted dim 2
        node Bob, Charlie untrusted dim 2
        param mu = 0.8
        state = mu * ghz + (1 - mu) * white
        measure Bob, Charlie: X Y Z
        objective joint = guess Bob.X, Charlie.X
        objective bob = guess Bob.Y
        {Bounds}
        """;

    private static string Data(string file) => $"""
        scenario "GHZ data"
        node Alice trusted dim 2
        node Bob, Charlie untrusted
        measure Bob, Charlie: settings 3 outcomes 2
        assemblage = file("{file}")
        objective joint = guess Bob.0, Charlie.0
        objective bob = guess Bob.1
        {Bounds}
        """;

    internal static readonly RunSettings Deterministic = new()
    {
        Parallelism = 1,
        Sdp = SdpSettings.Default with { Backend = LinearAlgebraBackend.Managed },
    };

    internal static RunReport Run(string path, RunSettings settings, bool repair = false)
    {
        var loaded = CertificationEngine.Load(path, repair: repair);
        Assert.True(loaded.Result.Succeeded, loaded.Result.RenderDiagnostics());
        return CertificationEngine.Plan(loaded, settings)[0].Execute(new InteriorPointSolver());
    }

    [Theory]
    [InlineData("ghz.npy")]
    [InlineData("ghz.json")]
    public void Exported_model_data_give_the_model_s_bounds(string file)
    {
        using var folder = new DataFolder();
        var modelPath = folder.Write("model.scn", Model);
        var model = CertificationEngine.Plan(CertificationEngine.Load(modelPath), Deterministic)[0];
        var sigma = model.Points[0].Assemblage;
        folder.Write(file, AssemblageFile.Write(sigma, file, ["Bob", "Charlie"]));
        var dataPath = folder.Write("data.scn", Data(file));

        var data = CertificationEngine.Plan(CertificationEngine.Load(dataPath), Deterministic)[0];
        Assert.Equal(AssemblageLayout.ToValues(sigma), AssemblageLayout.ToValues(data.Points[0].Assemblage));

        var expected = model.Execute(new InteriorPointSolver()).Rows;
        var actual = Run(dataPath, Deterministic).Rows;
        Assert.Equal(expected.Count, actual.Count);
        foreach (var (m, d) in expected.Zip(actual))
        {
            Assert.Equal((m.Objective, m.Bound), (d.Objective, d.Bound));
            if (m.Bound.StartsWith("seesaw", StringComparison.Ordinal))
            {
                Assert.Equal(RowStatus.NotApplicable, d.Status);
                Assert.Contains("starting from a model of the data (a state and measurements)", d.Message);
                continue;
            }
            Assert.Equal(m.Status, d.Status);
            if (m.Status == RowStatus.NotApplicable) continue;
            Assert.Equal(RowStatus.Optimal, m.Status);
            var (x, y) = m.Pguess is { } p ? (p, d.Pguess!.Value) : (m.CriticalVisibility!.Value, d.CriticalVisibility!.Value);
            Assert.True(Math.Abs(x - y) <= 1e-12, $"{m.Objective} / {m.Bound}: model {x:R}, data {y:R}");
            Assert.Null(d.RepairDistance);
            Assert.DoesNotContain("symmetry", d.Message);
        }
    }
}
