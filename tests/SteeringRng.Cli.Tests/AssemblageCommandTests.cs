using System.Diagnostics;
using System.Text.Json;
using SteeringRng.Reporting;

namespace SteeringRng.Cli.Tests;

/// <summary>
/// Measured assemblage data through <c>steer</c>: <c>export --assemblage</c> (.npy read by NumPy, .json), the data read back
/// by <c>run</c> with the model's numbers, <c>--repair</c> and the <c>repair_distance</c> in the JSON and the table header,
/// and bad data files: located errors, exit code 3, never a stack trace.
/// </summary>
public sealed class AssemblageCommandTests : IDisposable
{
    private readonly ScenarioFolder _folder = new("steer-assemblage-");

    public void Dispose() => _folder.Dispose();

    private const string Data = """
        node Alice trusted dim 2
        node Bob untrusted
        measure Bob: settings 2 outcomes 2
        assemblage = file("s.npy")
        objective g = guess Bob.0
        bounds ns, seesaw dim 2
        """;

    private static CliRunner.Result InputError(params string[] args)
    {
        var clock = Stopwatch.StartNew();
        var r = CliRunner.Run(args);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
        Assert.Equal(ExitCodes.InputError, r.ExitCode);
        Assert.DoesNotContain("internal error", r.Stderr);
        Assert.DoesNotContain("   at ", r.Stderr);
        return r;
    }

    [Fact]
    public void Export_writes_the_assemblage_that_run_reads_back_with_the_same_numbers()
    {
        var model = _folder.Write("model.scn", ScenarioFolder.SmallScenario);
        // Two sweep points: export needs one.
        Assert.Contains("has 2 sweep points (mu); --assemblage writes one: choose it with --set, e.g. --set mu=VALUE",
            CliRunner.Run("export", model, "--assemblage", Path.Combine(_folder.Path, "s.npy")).Stderr);
        Assert.Contains("--assemblage needs a .npy or .json file name", CliRunner.Run("export", model, "--assemblage", "s.txt").Stderr);
        var npy = Path.Combine(_folder.Path, "s.npy");
        var r = CliRunner.Run("export", model, "--set", "mu=0.8", "--assemblage", npy);
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("wrote the assemblage (d_A = 2, shape (2, 2, 2, 2))", r.Stdout);
        Assert.Equal(0, CliRunner.Run("export", model, "--set", "mu=0.8", "--assemblage", Path.Combine(_folder.Path, "s.json")).ExitCode);
        using (var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(_folder.Path, "s.json"))))
            Assert.Equal("Bob", json.RootElement.GetProperty("parties")[0].GetProperty("name").GetString());
        // An export never overwrites an input (here the data file the scenario reads).
        Assert.Contains("would destroy an input", InputError("export", _folder.Write("d.scn", Data), "--assemblage", npy).Stderr);

        var modelJson = Path.Combine(_folder.Path, "m.json");
        var dataJson = Path.Combine(_folder.Path, "d.json");
        Assert.Equal(0, CliRunner.Run("run", model, "--set", "mu=0.8", "--json", modelJson, "--no-scenario-outputs").ExitCode);
        var data = _folder.Write("data.scn", Data.Replace("bounds ns, seesaw dim 2", "bounds ns"));
        Assert.Equal(0, CliRunner.Run("run", data, "--json", dataJson).ExitCode);
        var m = ReportJsonReader.Parse(File.ReadAllText(modelJson)).Rows.Single();
        var d = ReportJsonReader.Parse(File.ReadAllText(dataJson)).Rows.Single();
        // One-party NS at μ = 0.8 has the closed form P_g = (1 + μ)/2 = 0.9 (Bob's X on GHZ): both runs give it.
        Assert.True(Math.Abs(m.Pguess!.Value - 0.9) < 1e-7 && Math.Abs(d.Pguess!.Value - m.Pguess.Value) < 1e-9, $"{m.Pguess:R} {d.Pguess:R}");
    }

    [Fact]
    public void Invalid_data_are_refused_and_repair_reports_the_distance_in_the_json_and_the_table()
    {
        // Axes (x, b, i, j). Setting 0: diag(0.4, 0.1) and diag(0.3, 0.2), marginal diag(0.7, 0.3); setting 1: diag(0.25, 0.25)
        // twice, marginal I/2. They differ by D = diag(0.2, −0.2): signalling by ‖D‖_F = 0.2 √2 = 0.283.
        var values = new double[] { 0.4, 0, 0, 0.1, 0.3, 0, 0, 0.2, 0.25, 0, 0, 0.25, 0.25, 0, 0, 0.25 };
        var bytes = new List<byte>();
        var header = "{'descr': '<f8', 'fortran_order': False, 'shape': (2, 2, 2, 2), }";
        header += new string(' ', 64 - (10 + header.Length + 1) % 64) + "\n";
        bytes.AddRange([0x93, .. "NUMPY"u8.ToArray(), 1, 0, (byte)header.Length, 0, .. System.Text.Encoding.ASCII.GetBytes(header)]);
        foreach (var v in values) bytes.AddRange(BitConverter.GetBytes(v));
        File.WriteAllBytes(Path.Combine(_folder.Path, "s.npy"), [.. bytes]);
        var scn = _folder.Write("d.scn", Data);
        var refused = InputError("run", scn);
        Assert.Contains($"{scn}:4:19: error SR1103: the data in 's.npy' are not a valid assemblage (tolerance 1E-09): the worst violation is no-signalling of Bob violated by 0.283 (Bob's settings 0 and 1)", refused.Stderr);
        Assert.Contains("--repair", refused.Stderr);

        var json = Path.Combine(_folder.Path, "r.json");
        var r = CliRunner.Run("run", scn, "--repair", "--json", json);
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("warning SR1106", r.Stderr);
        Assert.Contains("Data: repaired to the nearest valid assemblage, Frobenius distance 0.1414", r.Stdout);
        var rows = ReportJsonReader.Parse(File.ReadAllText(json)).Rows;
        Assert.Equal(2, rows.Count);
        // Nearest: each of the four blocks moves by ∓D/4 (the least-squares correction that equalises the marginals; traces and
        // positivity are untouched), so the distance is √(4 ‖D/4‖²) = ‖D‖/2 = 0.1 √2.
        foreach (var row in rows) Assert.True(Math.Abs(row.RepairDistance!.Value - 0.1414213562373095) < 1e-9, $"{row.RepairDistance:R}");
        Assert.Equal("not-applicable", rows[1].Status);
        using var doc = JsonDocument.Parse(File.ReadAllText(json));
        Assert.True(doc.RootElement.GetProperty("rows")[0].TryGetProperty("repair_distance", out _));
    }

    public static TheoryData<string, byte[], string> BadFiles() => new()
    {
        { "t.npy", "\u0093NUMPY"u8.ToArray()[..4], "header: not a NumPy .npy file" },
        { "t.json", "{\"format\": \"steeringrng-assemblage\", \"version\": 1, \"trusted_dimension\": 2, \"parties\": [{\"settings\": 2, \"outcomes\": 2}], \"blocks\": []}"u8.ToArray(), "blocks: 4 of 4 blocks are missing" },
        { "t.json", "{\"format\": \"steeringrng-assemblage\", \"version\": 1, \"trusted_dimension\": 2, \"parties\": [{\"settings\": 3, \"outcomes\": 2}], \"blocks\": []}"u8.ToArray(), "shape: (3, 2, 2, 2) does not match the scenario, which needs (2, 2, 2, 2)" },
        { "t.json", "[1, 2"u8.ToArray(), "line 1, byte 6: not valid JSON" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void Bad_data_files_are_located_errors_without_a_stack_trace(string name, byte[] content, string expected)
    {
        File.WriteAllBytes(Path.Combine(_folder.Path, name), content);
        var scn = _folder.Write("bad.scn", Data.Replace("s.npy", name));
        var r = InputError("check", scn);
        Assert.Contains($"{scn}:4:19: error SR1102: assemblage file '{name}': {expected}", r.Stderr);
        InputError("run", scn);
    }
}
