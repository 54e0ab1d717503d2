/// Locating test data: the project directory (the Expecto exe runs there under `dotnet test`, but
/// may be started elsewhere), its Cases folder and the repository's samples folder.
module SteeringRng.Scenario.Tests.TestFiles

open System
open System.IO
open SteeringRng.Scenario

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

/// A bounded reader of files next to the scenario (what a host must do, SteeringRng.Certification's
/// BoundedFile): never more than the limit plus one byte is read, so /dev/zero ends as TooLarge.
let readerIn (dir: string) : Func<string, int64, FileContent> =
    Func<string, int64, FileContent>(fun name limit ->
        let path = Path.Combine(dir, name)
        if not (File.Exists path) then
            FileContent.NotFound
        else
            use stream = File.OpenRead path
            let buffer = Array.zeroCreate<byte> (int (min (limit + 1L) (64L * 1024L * 1024L + 1L)))
            let mutable total = 0
            let mutable reading = true
            while reading && total < buffer.Length do
                let n = stream.Read(buffer, total, buffer.Length - total)
                if n = 0 then reading <- false else total <- total + n
            if int64 total > limit then FileContent.TooLarge
            else FileContent.Text(Text.Encoding.UTF8.GetString(buffer, 0, total)))
