// The steer engine from C#: the GHZ bounds of Fig. 2(a) of Li et al., PRL 132, 080201 (2024), two ways.
//
//   dotnet run -c Release --project samples/engine-from-csharp
//
// 1. A scenario file, as `steer run` runs it: load and check, plan (objective × bound × point), execute.
// 2. Data without a scenario file: an assemblage from SteeringRng.Quantum, a guess and the bounds to compute.
// At μ = 1 Eve guesses Bob's and Charlie's X outcomes with P_g = 1/4, i.e. 2 bits, at every bound.
using SteeringRng.Certification;
using SteeringRng.Certification.Bounds;
using SteeringRng.Certification.Input;
using SteeringRng.Certification.Run;
using SteeringRng.Certification.Seesaw;
using SteeringRng.Quantum;
using SteeringRng.Sdp;

var solver = new InteriorPointSolver();

// 1. A scenario file (default: the Fig. 2(a) sample next to this folder), restricted to two points of its sweep.
var file = args.Length > 0 ? args[0]
    : Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "ghz3-fig2a-joint.scn"));
var loaded = CertificationEngine.Load(file, [ParamOverride.Parse("mu=[0.8, 1]")]);
if (!loaded.Result.Succeeded)
{
    Console.Error.WriteLine(loaded.Result.RenderDiagnostics());
    return 3;
}
// The file holds two scenarios; the first (NS, Q1, Glo every 0.01) is run here, restricted to two of its bounds.
var run = ScenarioRun.Plan(loaded.Result.Scenarios[0], RunSettings.Default with { Bounds = ["ns", "npa 1"] });
var report = run.Execute(solver);
foreach (var row in report.Rows)
    Console.WriteLine($"scenario: mu = {row.Parameters[0].Value:F2}, {row.Objective} / {row.Bound}: {row.Status}, P_g = {row.Pguess:F6}, H_min = {row.Hmin:F6} bits");

// 2. Given data: ρ = |GHZ⟩⟨GHZ|, Alice (party 0) trusted, Bob and Charlie measure X, Y, Z.
var rho = States.NoisyGhz(3, 2, 1.0);
IReadOnlyList<Povm> xyz = [Measurements.PauliX, Measurements.PauliY, Measurements.PauliZ];
IReadOnlyList<IReadOnlyList<Povm>> measurements = [xyz, xyz];
var sigma = AssemblageBuilder.Build(rho, [0], measurements);
var rows = CertificationEngine.Certify(sigma, GuessTarget.Joint(0, 0),
    [new BoundSpec.NoSignalling(), new BoundSpec.Npa(1, []), new BoundSpec.Global()], solver);
foreach (var row in rows)
    Console.WriteLine($"data:     {row.Bound}: {row.Status}, P_g = {row.Pguess:F6}, H_min = {row.Hmin:F6} bits");
Console.WriteLine($"P_g = {rows[0].Pguess:F2}");
return 0;
