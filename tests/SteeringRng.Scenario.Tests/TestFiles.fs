/// Locating test data: the project directory (the Expecto exe runs there under `dotnet test`, but
/// may be started elsewhere), its Cases folder and the repository's samples folder.
module SteeringRng.Scenario.Tests.TestFiles

open System
open System.IO

let projectDir =
    let rec up (dir: DirectoryInfo | null) =
        match dir with
        | null -> failwith "cannot find SteeringRng.Scenario.Tests.fsproj above the working or base directory"
        | d when File.Exists(Path.Combine(d.FullName, "SteeringRng.Scenario.Tests.fsproj")) -> d.FullName
        | d -> up d.Parent
    let fromCwd = Path.Combine(Directory.GetCurrentDirectory(), "SteeringRng.Scenario.Tests.fsproj")
    if File.Exists fromCwd then Directory.GetCurrentDirectory() else up (DirectoryInfo(AppContext.BaseDirectory))

let casesDir = Path.Combine(projectDir, "Cases")
let samplesDir = Path.GetFullPath(Path.Combine(projectDir, "..", "..", "samples"))

/// A resolver that reads files next to the scenario (what a host would do).
let resolverIn (dir: string) : Func<string, string | null> =
    Func<string, string | null>(fun name ->
        let path = Path.Combine(dir, name)
        if File.Exists path then File.ReadAllText path else null)
