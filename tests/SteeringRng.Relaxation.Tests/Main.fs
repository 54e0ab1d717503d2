module SteeringRng.Relaxation.Tests.Main

open Expecto

[<EntryPoint>]
let main argv =
    if argv |> Array.contains "--benchmark" then
        BuildTiming.run () |> List.iter (printfn "%s")
        0
    else
        runTestsInAssemblyWithCLIArgs [] argv
