/// Splits source text into logical lines (statements) before parsing, so that a syntax error in one
/// statement never hides the next one. A line whose last significant character is a backslash
/// continues on the next line; `#` starts a comment outside string literals.
module internal SteeringRng.Scenario.LogicalLines

/// Blanks between tokens: space, tab, and the no-break space U+00A0 that word processors and web pages put
/// in copied text, where it looks exactly like a space (grammar.md, Lines); also U+FEFF, the byte order
/// mark a host may leave at the start of a text. Line ends (LF, CR LF, CR) are not blanks.
let isBlank c = c = ' ' || c = '\t' || c = '\u00A0' || c = '\uFEFF'

/// Limits that keep every later stage (recursive parsing, evaluation) bounded on any input.
let maxNesting = 64
let maxLineLength = 20000

/// A statement's text span [Start, End) in the file, or the reason it was skipped.
type LogicalLine =
    | Line of start: int * finish: int
    | TooDeep of start: int * finish: int * at: int
    | TooLong of start: int * finish: int

let split (text: string) : LogicalLine list =
    let lines = ResizeArray()
    let mutable start = 0
    let mutable inString = false
    let mutable inComment = false
    let mutable lastSignificant = ' '
    let mutable hasContent = false
    let mutable depth = 0
    let mutable tooDeepAt = -1

    let emit finish =
        if hasContent then
            let line =
                if finish - start > maxLineLength then TooLong(start, finish)
                elif tooDeepAt >= 0 then TooDeep(start, finish, tooDeepAt)
                else Line(start, finish)
            lines.Add line
        hasContent <- false
        depth <- 0
        tooDeepAt <- -1
        lastSignificant <- ' '

    for i in 0 .. text.Length - 1 do
        let c = text[i]
        // CR LF ends a line at its CR (FParsec reads CR LF, and a CR alone, as one line end, so a CR left at the
        // end of a statement would read as a line break inside it); the LF after it is skipped, and the next
        // line starts after it unless the CR continued the statement.
        if c = '\n' && i > 0 && text[i - 1] = '\r' then
            if start = i then start <- i + 1
        elif c = '\n' || c = '\r' then
            inString <- false
            inComment <- false
            if lastSignificant <> '\\' then
                emit i
                start <- i + 1
            else
                lastSignificant <- ' '
        elif inComment then
            ()
        elif inString then
            if c = '"' then inString <- false
            lastSignificant <- c
        elif c = '#' then
            inComment <- true
        elif isBlank c then
            ()
        else
            hasContent <- true
            lastSignificant <- c
            match c with
            | '"' -> inString <- true
            | '('
            | '[' ->
                depth <- depth + 1
                if depth > maxNesting && tooDeepAt < 0 then tooDeepAt <- i
            | ')'
            | ']' -> depth <- max 0 (depth - 1)
            | _ -> ()
    emit text.Length
    List.ofSeq lines
