namespace SteeringRng.Scenario

/// A 1-based line/column position in a source file.
[<Struct>]
type Pos =
    { Line: int
      Column: int }

    override p.ToString() = sprintf "%d:%d" p.Line p.Column

/// A span of source text: the file it comes from, 1-based start/end positions and the 0-based
/// character offsets [StartIndex, EndIndex) into that file's text (End is exclusive).
[<Struct>]
type SourceRange =
    { File: string
      Start: Pos
      End: Pos
      StartIndex: int
      EndIndex: int }

    override r.ToString() = sprintf "%s:%O" r.File r.Start

/// The text of one source file with a table of line starts, so that character offsets turn into
/// line/column positions and ranges in O(log lines). Lines end in LF, CR LF or a lone CR (a file
/// saved on Windows or an old Mac reads the same); offsets are always into the text as given.
[<Sealed>]
type SourceText(fileName: string, text: string) =
    let lineStarts =
        let starts = ResizeArray [ 0 ]
        for i in 0 .. text.Length - 1 do
            if text[i] = '\n' || (text[i] = '\r' && (i + 1 = text.Length || text[i + 1] <> '\n')) then starts.Add(i + 1)
        starts.ToArray()

    member _.FileName = fileName
    member _.Text = text
    member _.LineCount = lineStarts.Length

    /// The position of a character offset (clamped into [0, text length]).
    member _.PosOf(index: int) =
        let index = max 0 (min index text.Length)
        let mutable lo = 0
        let mutable hi = lineStarts.Length - 1
        // Binary search for the last line start <= index.
        while lo < hi do
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= index then lo <- mid else hi <- mid - 1
        { Line = lo + 1; Column = index - lineStarts[lo] + 1 }

    /// The range covering offsets [startIndex, endIndex), both clamped into the text.
    member this.RangeOf(startIndex: int, endIndex: int) =
        let s = max 0 (min startIndex text.Length)
        let e = max s (min endIndex text.Length)
        { File = fileName; Start = this.PosOf s; End = this.PosOf e; StartIndex = s; EndIndex = e }

    /// The text of a 1-based line without its line terminator ("" outside the file).
    member _.LineText(line: int) =
        if line < 1 || line > lineStarts.Length then
            ""
        else
            let s = lineStarts[line - 1]
            let e = if line < lineStarts.Length then lineStarts[line] else text.Length
            text.Substring(s, e - s).TrimEnd('\n', '\r')

module SourceRange =
    /// The smallest range covering both ranges (they must come from the same file).
    let union (a: SourceRange) (b: SourceRange) =
        if a.File <> b.File then
            a
        else
            let s, sp = if a.StartIndex <= b.StartIndex then a.StartIndex, a.Start else b.StartIndex, b.Start
            let e, ep = if a.EndIndex >= b.EndIndex then a.EndIndex, a.End else b.EndIndex, b.End
            { File = a.File; Start = sp; End = ep; StartIndex = s; EndIndex = e }

    /// A range for diagnostics that concern a whole input rather than a place in it.
    let fileStart (fileName: string) =
        { File = fileName; Start = { Line = 1; Column = 1 }; End = { Line = 1; Column = 1 }; StartIndex = 0; EndIndex = 0 }
