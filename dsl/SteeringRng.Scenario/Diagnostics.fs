namespace SteeringRng.Scenario

open System
open System.Text

/// How serious a diagnostic is. Errors stop a scenario from being checked; warnings do not.
type Severity =
    | Error
    | Warning

/// One entry of the diagnostic catalogue: a stable number (rendered SRnnnn), a stable key, a
/// severity and a message template whose holes are written {0}, {1}, ...
type DiagnosticDef =
    { Number: int
      Key: string
      Severity: Severity
      Template: string }

    member d.Code = sprintf "SR%04d" d.Number

/// A diagnostic about user text: what (code and message) and where (range).
type Diagnostic =
    { Def: DiagnosticDef
      Range: SourceRange
      Message: string }

    member d.Code = d.Def.Code
    member d.Severity = d.Def.Severity
    member d.IsError = d.Def.Severity = Error

module Diagnostic =
    /// Fills a template's {0}, {1}, ... holes with the arguments (missing arguments stay as written).
    let format (template: string) (args: string list) =
        let args = List.toArray args
        let sb = StringBuilder()
        let mutable i = 0
        while i < template.Length do
            let c = template[i]
            if c = '{' && i + 2 < template.Length && Char.IsDigit template[i + 1] && template[i + 2] = '}' then
                let k = int template[i + 1] - int '0'
                (if k < args.Length then sb.Append(args[k]) else sb.Append(template, i, 3)) |> ignore
                i <- i + 3
            else
                sb.Append(c) |> ignore
                i <- i + 1
        sb.ToString()

    let create (def: DiagnosticDef) (range: SourceRange) (args: string list) =
        { Def = def; Range = range; Message = format def.Template args }

    let private severityText =
        function
        | Error -> "error"
        | Warning -> "warning"

    /// Renders `file:line:col: error SRnnnn: message`, then the source line and a caret line under
    /// the range (carets end at the end of the first line when the range spans several lines).
    let render (lineOf: string -> int -> string option) (d: Diagnostic) =
        let r = d.Range
        let head = sprintf "%s:%d:%d: %s %s: %s" r.File r.Start.Line r.Start.Column (severityText d.Severity) d.Code d.Message
        match lineOf r.File r.Start.Line with
        | None -> head
        | Some line ->
            let startCol = min (r.Start.Column - 1) line.Length
            let endCol =
                if r.End.Line = r.Start.Line then max (startCol + 1) (min (r.End.Column - 1) line.Length) else max (startCol + 1) line.Length
            // Keep tabs in the caret prefix so that the caret lines up under tab-indented text.
            let prefix = String(line.Substring(0, startCol) |> Seq.map (fun c -> if c = '\t' then '\t' else ' ') |> Seq.toArray)
            sprintf "%s\n  %s\n  %s%s" head line prefix (String('^', endCol - startCol))
