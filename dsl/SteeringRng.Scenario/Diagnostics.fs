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

    /// Characters that must not reach a terminal as they are: control characters (ESC starts sequences
    /// that recolour, retitle or clear the terminal) and the bidirectional overrides that reorder what is
    /// shown (U+200E, U+200F, U+202A..U+202E, U+2066..U+2069). Tabs stay: they only indent.
    let private unsafe (c: char) =
        (Char.IsControl c && c <> '\t') || c = '\u200E' || c = '\u200F' || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')

    /// How a character is shown: itself, or escaped as \u001B.
    let private shown (c: char) = if unsafe c then sprintf "\\u%04X" (int c) else string c

    /// The text with every unsafe character escaped (\u001B), for anything that goes to a terminal.
    let printable (text: string) =
        if text |> Seq.exists unsafe then String.Join("", text |> Seq.map shown) else text

    /// Renders `file:line:col: error SRnnnn: message`, then the source line and a caret line under
    /// the range (carets end at the end of the first line when the range spans several lines). Text
    /// from the file is shown through `printable`, and the carets count escaped characters at their
    /// shown width, so they stay under the place.
    let render (lineOf: string -> int -> string option) (d: Diagnostic) =
        let r = d.Range
        let head = printable (sprintf "%s:%d:%d: %s %s: %s" r.File r.Start.Line r.Start.Column (severityText d.Severity) d.Code d.Message)
        match lineOf r.File r.Start.Line with
        | None -> head
        | Some line ->
            let startCol = min (r.Start.Column - 1) line.Length
            let endCol =
                if r.End.Line = r.Start.Line then max (startCol + 1) (min (r.End.Column - 1) line.Length) else max (startCol + 1) line.Length
            let width (s: string) = s |> Seq.sumBy (fun c -> (shown c).Length)
            // Keep tabs in the caret prefix so that the caret lines up under tab-indented text.
            let prefix = String.Join("", line.Substring(0, startCol) |> Seq.map (fun c -> if c = '\t' then "\t" else String(' ', (shown c).Length)))
            let carets = max 1 (width (line.Substring(startCol, min endCol line.Length - startCol)))
            sprintf "%s\n  %s\n  %s%s" head (printable line) prefix (String('^', carets))
