module SteeringRng.Relaxation.Tests.Main

open Expecto

[<EntryPoint>]
let main argv =
    if argv |> Array.contains "--benchmark" then
        BuildTiming.run ()
        0
    else
        runTestsInAssemblyWithCLIArgs [] argv
