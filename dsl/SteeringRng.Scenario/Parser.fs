/// Reads a file into the syntax tree: splits it into logical lines, parses each with the grammar
/// (so every line with a syntax error gets its own diagnostic), splices includes, and groups the
/// statements into scenarios. Never throws; every problem becomes a Diagnostic.
module SteeringRng.Scenario.Parser

open System
open FParsec

/// Resolves an include or data file name (as written) to its text, reading at most the given number of
/// bytes (InputLimits). The host supplies it; the front end itself never touches the file system.
type Resolver = string -> int64 -> FileContent

/// A statement lost to an error: a line that failed to parse, by its words ("measure", "Dora", "X", ...),
/// or text never read (an include that failed, lines after the error limit), which could have held anything.
type LostStatement =
    | Unread
    | Words of string list

type ParseOutput =
    { File: SynFile
      Diagnostics: Diagnostic list
      /// Every source read (the main file and its includes), for rendering diagnostics.
      Sources: SourceText list
      /// The statements lost to errors, so that the checker's "missing ..." diagnostics they explain can be left out.
      Lost: LostStatement list }

let maxIncludeDepth = 8
let maxErrorsPerFile = 100

let private quote (s: string) = "'" + s + "'"

/// Joins labels as "a, b or c".
let private orList (items: string list) =
    match items with
    | [] -> "something else"
    | [ one ] -> one
    | _ ->
        let init = items |> List.take (items.Length - 1)
        String.Join(", ", init) + " or " + List.last items

/// The expected labels of an FParsec error, looking through backtracked (nested) errors.
let rec private expectedOf (messages: ErrorMessageList) (position: Position) : int64 * string list =
    let all = ErrorMessageList.ToSortedArray messages
    let direct =
        [ for m in all do
              match m with
              | :? ErrorMessage.Expected as e -> yield e.Label
              | :? ErrorMessage.ExpectedString as e -> yield quote e.String
              | :? ErrorMessage.ExpectedCaseInsensitiveString as e -> yield quote e.CaseInsensitiveString
              | _ -> () ]
    let nested =
        [ for m in all do
              match m with
              | :? ErrorMessage.NestedError as n -> yield expectedOf n.Messages n.Position
              | :? ErrorMessage.CompoundError as c when not (isNull c.NestedErrorMessages) ->
                  yield expectedOf c.NestedErrorMessages c.NestedErrorPosition
              | _ -> () ]
    // Report the error that got furthest: that is where the user's text stopped making sense.
    let candidates = (position.Index, direct) :: nested |> List.filter (fun (_, e) -> not e.IsEmpty)
    match candidates with
    | [] -> position.Index, []
    | _ -> candidates |> List.maxBy fst

/// Describes the text at an offset for "found ...": a word, a number, a character, or the end.
let private foundAt (text: string) (index: int) (finish: int) =
    if index >= finish || text[index] = '\n' || text[index] = '\r' then
        "end of statement", 0
    else
        let c = text[index]
        if Grammar.isIdentChar c then
            let mutable e = index
            while e < finish && Grammar.isIdentChar text[e] do
                e <- e + 1
            quote (text.Substring(index, e - index)), e - index
        elif LogicalLines.isBlank c then
            "a blank", 1
        else
            quote (string c), 1

let private parseLine (src: SourceText) (start: int) (finish: int) : Result<SynStatement, Diagnostic> =
    // A stream over the statement's characters whose indices are offsets into the whole file
    // (streamBeginIndex = start), so that every range the grammar records is file-absolute.
    use stream = new CharStream<SourceText>(src.Text, start, finish - start, int64 start)
    stream.UserState <- src
    let reply = Grammar.line stream
    if reply.Status = ReplyStatus.Ok then
        Result.Ok reply.Result
    else
        let index, expected = expectedOf reply.Error stream.Position
        let index = int index
        let found, width = foundAt src.Text index finish
        let range = src.RangeOf(index, index + width)
        Result.Error(Diagnostic.create Catalogue.syntaxError range [ orList (List.distinct expected); found ])

/// The names and keywords of a statement that failed to parse, in order.
let private wordsAt (text: string) (start: int) (finish: int) =
    let words = ResizeArray<string>()
    let mutable i = start
    while i < finish do
        if Grammar.isIdentChar text[i] then
            let e = (seq { i .. finish - 1 } |> Seq.tryFind (fun k -> not (Grammar.isIdentChar text[k]))) |> Option.defaultValue finish
            words.Add(text.Substring(i, e - i))
            i <- e
        else
            i <- i + 1
    Words(List.ofSeq words)

let private tooLarge (range: SourceRange) (name: string) =
    Diagnostic.create Catalogue.fileTooLarge range [ name; InputLimits.Describe InputLimits.MaxSourceBytes; "scenario and included files" ]

type private Reader(resolve: Resolver) =
    let sources = ResizeArray<SourceText>()
    let diagnostics = ResizeArray<Diagnostic>()
    let lost = ResizeArray<LostStatement>()

    member _.Sources = List.ofSeq sources
    member _.Diagnostics = List.ofSeq diagnostics
    member _.Lost = List.ofSeq lost

    /// The statements of one file, with includes spliced in place.
    member this.Read(src: SourceText, stack: string list) : SynStatement list =
        sources.Add src
        let statements = ResizeArray<SynStatement>()
        let mutable errors = 0
        let report (d: Diagnostic) =
            if errors < maxErrorsPerFile then diagnostics.Add d
            errors <- errors + 1
        for line in LogicalLines.split src.Text do
            if errors < maxErrorsPerFile then
                match line with
                | LogicalLines.TooLong(s, e) ->
                    lost.Add(wordsAt src.Text s e)
                    report (Diagnostic.create Catalogue.lineTooLong (src.RangeOf(s, min e (s + 1))) [ string LogicalLines.maxLineLength ])
                | LogicalLines.TooDeep(s, e, at) ->
                    lost.Add(wordsAt src.Text s e)
                    report (Diagnostic.create Catalogue.nestingTooDeep (src.RangeOf(at, at + 1)) [ string LogicalLines.maxNesting ])
                | LogicalLines.Line(s, e) ->
                    match parseLine src s e with
                    | Result.Error d ->
                        lost.Add(wordsAt src.Text s e)
                        report d
                    | Result.Ok(SynStatement.Include(path, range)) -> statements.AddRange(this.Include(path, range, stack))
                    | Result.Ok statement -> statements.Add statement
                if errors = maxErrorsPerFile then
                    lost.Add Unread
                    diagnostics.Add(Diagnostic.create Catalogue.tooManyErrors (SourceRange.fileStart src.FileName) [ string maxErrorsPerFile ])
        List.ofSeq statements

    member private this.Include(path: SynString, range: SourceRange, stack: string list) =
        let failed (d: Diagnostic) =
            diagnostics.Add d
            lost.Add Unread
            []
        if List.contains path.Value stack then
            failed (Diagnostic.create Catalogue.includeCycle path.Range [ path.Value ])
        elif stack.Length > maxIncludeDepth then
            failed (Diagnostic.create Catalogue.includeTooDeep range [ string maxIncludeDepth ])
        else
            match resolve path.Value InputLimits.MaxSourceBytes with
            | FileContent.NotFound -> failed (Diagnostic.create Catalogue.includeNotFound path.Range [ path.Value ])
            | FileContent.TooLarge -> failed (tooLarge path.Range path.Value)
            | FileContent.Text text when int64 text.Length > InputLimits.MaxSourceBytes -> failed (tooLarge path.Range path.Value)
            | FileContent.Text text -> this.Read(SourceText(path.Value, text), path.Value :: stack)

/// Groups statements into scenarios: each `scenario` line starts one; statements before the first
/// `scenario` line are shared by every scenario; without `scenario` lines the file is one scenario.
let private group (fileName: string) (statements: SynStatement list) : SynScenario list =
    let isHeader = function SynStatement.Scenario _ -> true | _ -> false
    let rangeOf (header: SourceRange option) (body: SynStatement list) =
        let parts = (Option.toList header) @ (body |> List.map (fun s -> s.Range))
        match parts with
        | [] -> SourceRange.fileStart fileName
        | first :: _ -> parts |> List.filter (fun r -> r.File = first.File) |> List.reduce SourceRange.union
    let prelude = statements |> List.takeWhile (isHeader >> not)
    let rest = statements |> List.skipWhile (isHeader >> not)
    if rest.IsEmpty then
        [ { Title = None; Statements = prelude; Range = rangeOf None prelude } ]
    else
        let rec split acc (items: SynStatement list) =
            match items with
            | SynStatement.Scenario(title, r) :: tail ->
                let body = tail |> List.takeWhile (isHeader >> not)
                let after = tail |> List.skipWhile (isHeader >> not)
                let scenario = { Title = Some title; Statements = prelude @ body; Range = rangeOf (Some r) body }
                split (scenario :: acc) after
            | _ -> List.rev acc
        split [] rest

/// Parses a file (and the files it includes) into the syntax tree and the syntax diagnostics.
let parse (resolve: Resolver) (fileName: string) (text: string) : ParseOutput =
    if int64 text.Length > InputLimits.MaxSourceBytes then
        // Not read at all, and not kept as a source: its first "line" could be megabytes long.
        { File = { FileName = fileName; Scenarios = [] }
          Diagnostics = [ tooLarge (SourceRange.fileStart fileName) fileName ]
          Sources = []
          Lost = [ Unread ] }
    else
        let reader = Reader(resolve)
        let statements = reader.Read(SourceText(fileName, text), [ fileName ])
        { File = { FileName = fileName; Scenarios = group fileName statements }
          Diagnostics = reader.Diagnostics
          Sources = reader.Sources
          Lost = reader.Lost }
