namespace SteeringRng.Relaxation

open System
open System.Diagnostics

/// Wall time of the build's phases on stderr, only under the existing diagnostic switch STEERINGRNG_TRACE=1 (the one
/// that also prints internal errors' stack traces), so that a slow relaxation can be profiled without a profiler.
/// Off by default: nothing is measured or printed, and tests never turn it on.
[<AbstractClass; Sealed>]
type PhaseTiming private () =

    static let enabled = lazy (Environment.GetEnvironmentVariable "STEERINGRNG_TRACE" = "1")

    /// Runs `f`; when tracing, prints "[timing] name: seconds" to stderr.
    static member Measure(name: string, f: Func<'T>) : 'T =
        if not enabled.Value then f.Invoke()
        else
            let clock = Stopwatch.StartNew()
            let result = f.Invoke()
            eprintfn "[timing] %s: %.3f s" name clock.Elapsed.TotalSeconds
            result
