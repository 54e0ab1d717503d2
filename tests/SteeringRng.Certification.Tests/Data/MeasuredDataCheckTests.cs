using SteeringRng.Quantum;
using SteeringRng.Quantum.Data;

namespace SteeringRng.Certification.Tests.Data;

/// <summary>
/// What `assemblage = file(...)` and `repair = ...` report through the engine's loader (files read next to the scenario):
/// invalid data refused with the worst violation and the option that repairs, repair on request (statement or the
/// loader's flag) with the distance, and the statements' misuses.
/// </summary>
public class MeasuredDataCheckTests
{
    private static string Scenario(string data, string extra = "") => $"""
        scenario "data"
        node Alice trusted dim 2
        node Bob, Charlie untrusted
        measure Bob, Charlie: settings 3 outcomes 2
        {data}
        {extra}
        objective joint = guess Bob.0, Charlie.0
        bounds ns
        """;

    private static Assemblage Signalling()
    {
        // GHZ at μ = 0.6 with the block (Bob 0, Charlie 0 | Bob 2, Charlie 1) shifted by 0.005 I.
        var sigma = Ghz(0.6);
        return new Assemblage(2, [3, 3], [2, 2], (a, x) =>
        {
            var block = sigma[a, x];
            if (x[0] == 2 && x[1] == 1 && a[1] == 0 && a[0] == 0)
                for (var i = 0; i < 2; i++) block[i, i] += 0.005;
            return block;
        });
    }

    internal static Assemblage Ghz(double mu)
    {
        IReadOnlyList<Povm> xyz = [Measurements.PauliX, Measurements.PauliY, Measurements.PauliZ];
        return AssemblageBuilder.Build(States.NoisyGhz(3, 2, mu), [0], [xyz, xyz]);
    }

    [Fact]
    public void Invalid_data_are_refused_naming_the_worst_violation_and_the_repair()
    {
        using var folder = new DataFolder();
        folder.Write("s.npy", AssemblageFile.Write(Signalling(), "s.npy"));
        var loaded = CertificationEngine.Load(folder.Write("t.scn", Scenario("assemblage = file(\"s.npy\")")));
        Assert.False(loaded.Result.Succeeded);
        var text = loaded.Result.RenderDiagnostics();
        // Analytic sizes: the trace at (Bob 2, Charlie 1) is 1 + 2 · 0.005; the marginals differ by 0.005 I, Frobenius norm 0.005 √2.
        Assert.Contains("t.scn:5:19: error SR1103: the data in 's.npy' are not a valid assemblage (tolerance 1E-09): the worst violation is " +
                        "normalisation violated by 0.01 (Σ_a Tr σ_{a|x} = 1.01 at settings (Bob 2, Charlie 1)); also ", text);
        Assert.Contains("no-signalling of Bob violated by 0.00707 (Bob's settings 0 and 2, with Charlie setting 1 outcome 0)", text);
        Assert.Contains("no-signalling of Charlie violated by 0.00707 (Charlie's settings 0 and 1, with Bob setting 2 outcome 0)", text);
        Assert.Contains("Add 'repair = nearest' (or run with --repair)", text);
    }

    [Theory]
    [InlineData("repair = nearest", false)]
    [InlineData("", true)]
    public void Repair_on_request_gives_valid_data_and_a_warning_with_the_distance(string statement, bool flag)
    {
        using var folder = new DataFolder();
        folder.Write("s.npy", AssemblageFile.Write(Signalling(), "s.npy"));
        var loaded = CertificationEngine.Load(folder.Write("t.scn", Scenario("assemblage = file(\"s.npy\")", statement)), repair: flag);
        Assert.True(loaded.Result.Succeeded, loaded.Result.RenderDiagnostics());
        var warning = Assert.Single(loaded.Result.Diagnostics);
        Assert.Equal("SR1106", warning.Code);
        Assert.Contains("replaced by the nearest valid assemblage, Frobenius distance", warning.Message);
        var data = loaded.Result.Scenarios[0].Measured!.Value;
        Assert.Empty(AssemblageValidity.Violations(data.Assemblage, ["Bob", "Charlie"]));
        // The repair is at most as far as the valid GHZ data the perturbation started from (0.005·√2 per block, two blocks).
        Assert.True(data.Repair!.Value.Distance <= 0.01 + 1e-12, $"{data.Repair!.Value.Distance}");
    }

    [Fact]
    public void Repair_none_keeps_the_refusal_even_with_the_flag()
    {
        using var folder = new DataFolder();
        folder.Write("s.npy", AssemblageFile.Write(Signalling(), "s.npy"));
        var loaded = CertificationEngine.Load(folder.Write("t.scn", Scenario("assemblage = file(\"s.npy\")", "repair = none")), repair: true);
        Assert.Contains("SR1103", loaded.Result.RenderDiagnostics());
    }

    public static TheoryData<string, string, string> Misuses() => new()
    {
        { "assemblage = file(\"s.npy\")\nstate = ghz", "", "error SR1100: a scenario takes its data from 'state = ...' or from 'assemblage = file(...)', not both (the state is at line 6)" },
        { "state = ghz", "repair = nearest", "error SR2040" },
        { "assemblage = file(\"missing.npy\")", "", "error SR1101: cannot read assemblage file 'missing.npy'" },
        { "assemblage = file(\"bad.npy\")", "", "error SR1102: assemblage file 'bad.npy': header: not a NumPy .npy file" },
        { "assemblage = file(\"s.csv\")", "", "error SR1102: assemblage file 's.csv': an assemblage file is read by its extension: .npy (NumPy) or .json" },
        { "assemblage = file(\"s.npy\")\nassemblage = file(\"s.npy\")", "", "error SR2039: the assemblage is given twice (first at line 5)" },
        { "assemblage = \"s.npy\"", "", "error SR1001: syntax error: expected 'file'" },
    };

    [Theory]
    [MemberData(nameof(Misuses))]
    public void Misuses_are_located_errors(string data, string extra, string expected)
    {
        using var folder = new DataFolder();
        folder.Write("s.npy", AssemblageFile.Write(Ghz(0.5), "s.npy"));
        folder.Write("s.csv", "1,2");
        folder.Write("bad.npy", "not numpy");
        var loaded = CertificationEngine.Load(folder.Write("t.scn", Scenario(data, extra)));
        Assert.False(loaded.Result.Succeeded);
        Assert.Contains(expected, loaded.Result.RenderDiagnostics());
    }

    [Fact]
    public void Repair_without_measured_data_is_a_warning()
    {
        using var folder = new DataFolder();
        var text = """
            node Alice trusted dim 2
            node Bob untrusted
            measure Bob: X Z
            state = ghz
            repair = nearest
            objective b = guess Bob.X
            bounds ns
            """;
        var loaded = CertificationEngine.Load(folder.Write("t.scn", text));
        // One repair statement serves assemblage files and probabilities files; with model data there is nothing to repair.
        Assert.Contains("t.scn:5:10: warning SR1139: 'repair = nearest' has nothing to repair", loaded.Result.RenderDiagnostics());
    }

    [Fact]
    public void Outcome_counts_that_differ_within_a_node_are_refused()
    {
        using var folder = new DataFolder();
        // A trine POVM (three outcomes) next to Z (two): an assemblage array has one outcome axis per node.
        folder.Write("trine.txt", """
            0.6666666666666666 0  0 0
            0.16666666666666666 0.28867513459481287  0.28867513459481287 0.5
            0.16666666666666666 -0.28867513459481287  -0.28867513459481287 0.5
            """);
        var text = """
            node Alice trusted dim 2
            node Bob untrusted
            measure Bob: Z, povm("trine.txt")
            assemblage = file("s.npy")
            objective b = guess Bob.0
            bounds ns
            """;
        var loaded = CertificationEngine.Load(folder.Write("t.scn", text));
        Assert.Contains("error SR1105: node 'Bob': in an assemblage file every setting of a node has the same number of outcomes; its settings have 2, 3", loaded.Result.RenderDiagnostics());
    }
}
