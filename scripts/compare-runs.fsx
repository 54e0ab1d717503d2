// Compares two folders of `steer run` JSON results row by row (scripts/run-samples.sh writes them): every row of
// one must be in the other with the same status and, where present, P_g, H_min, the Bell value and the critical
// visibility equal to within a tolerance (default 1e-9); timing fields (seconds, iterations) and messages are ignored.
//   dotnet fsi scripts/compare-runs.fsx BEFORE_DIR AFTER_DIR [TOLERANCE]
// Exit code 0 when they agree, 1 otherwise (each difference is printed).
open System
open System.IO
open System.Text.Json

let args = fsi.CommandLineArgs |> Array.skip 1
if args.Length < 2 then
    eprintfn "usage: dotnet fsi scripts/compare-runs.fsx BEFORE_DIR AFTER_DIR [TOLERANCE]"
    exit 2
let tolerance = if args.Length > 2 then Double.Parse(args[2], Globalization.CultureInfo.InvariantCulture) else 1e-9

/// (parameters, objective, bound) -> (status, numbers)
let rowsOf (path: string) =
    use doc = JsonDocument.Parse(File.ReadAllText path)
    [ for row in doc.RootElement.GetProperty("rows").EnumerateArray() ->
        let key =
            let ps = [ for p in row.GetProperty("parameters").EnumerateObject() -> $"{p.Name}={p.Value.GetRawText()}" ] |> String.concat ","
            let objective = row.GetProperty("objective").GetString()
            let bound = row.GetProperty("bound").GetString()
            $"{ps} | {objective} | {bound}"
        let number (name: string) =
            match row.TryGetProperty name with
            | true, v when v.ValueKind = JsonValueKind.Number -> Some(v.GetDouble())
            | _ -> None
        key, (row.GetProperty("status").GetString(), [ "pguess"; "hmin"; "value"; "visibility" ] |> List.map (fun n -> n, number n)) ]

let mutable differences = 0
let mutable compared = 0
let mutable largest = 0.0
let report (text: string) =
    differences <- differences + 1
    printfn "%s" text
let files = Directory.GetFiles(args[0], "*.json") |> Array.map Path.GetFileName |> Array.sort
for file in files do
    let other = Path.Combine(args[1], file)
    if not (File.Exists other) then report $"{file}: missing in {args[1]}"
    else
        let before = rowsOf (Path.Combine(args[0], file)) |> Map.ofList
        let after = rowsOf other |> Map.ofList
        for KeyValue(key, (status, numbers)) in before do
            match after.TryFind key with
            | None -> report $"{file}: row missing after: {key}"
            | Some(status2, numbers2) ->
                compared <- compared + 1
                if status <> status2 then report $"{file}: {key}: status {status} -> {status2}"
                for (name, a), (_, b) in List.zip numbers numbers2 do
                    match a, b with
                    | Some x, Some y ->
                        let d = abs (x - y)
                        largest <- max largest d
                        if not (d <= tolerance) then report $"{file}: {key}: {name} {x:R} -> {y:R} (difference {d:E2})"
                    | None, None -> ()
                    | _ -> report $"{file}: {key}: {name} {a} -> {b}"
        for KeyValue(key, _) in after do
            if not (before.ContainsKey key) then report $"{file}: new row after: {key}"
printfn "%d files, %d rows compared, largest difference %.3E, %d difference(s) beyond %.0E" files.Length compared largest differences tolerance
exit (if differences = 0 then 0 else 1)
