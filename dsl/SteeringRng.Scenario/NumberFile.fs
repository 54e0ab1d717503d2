/// Reads data files (state vectors, density matrices, POVMs) given as text: numbers separated by
/// blanks, commas, semicolons or new lines; a complex number is written without blanks, as in
/// 0.5+0.25i, -0.3i or 1e-3-2e-2i; `#` starts a comment.
module internal SteeringRng.Scenario.NumberFile

open System
open System.Globalization
open System.Numerics
open System.Text.RegularExpressions

/// The limit has its one home with the other reading limits (InputLimits).
let maxNumbers = InputLimits.MaxDataNumbers

let private real = @"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?"
let private number = Regex($"^{real}$")
let private imaginaryOnly = Regex($"^(?<im>{real})i$")
let private complexFull = Regex($"^(?<re>{real})(?<im>[+-](?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?)i$")

let private parseReal (s: string) = Double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture)

/// One token as a complex number, or None.
let parseToken (token: string) : Complex option =
    let finite (z: Complex) = if Double.IsFinite z.Real && Double.IsFinite z.Imaginary then Some z else None
    if number.IsMatch token then finite (Complex(parseReal token, 0.0))
    elif token = "i" || token = "+i" then Some Complex.ImaginaryOne
    elif token = "-i" then Some(-Complex.ImaginaryOne)
    else
        let m = imaginaryOnly.Match token
        if m.Success then finite (Complex(0.0, parseReal m.Groups["im"].Value))
        else
            let m = complexFull.Match token
            if m.Success then finite (Complex(parseReal m.Groups["re"].Value, parseReal m.Groups["im"].Value)) else None

/// All numbers of a file, or a message naming the line of the first bad token.
let read (text: string) : Result<Complex[], string> =
    let values = ResizeArray<Complex>()
    // Line ends as in scenario files (LF, CR LF, CR), so that "line N" in a message counts every kind.
    let lines = text.Replace("\r\n", "\n").Split([| '\n'; '\r' |])
    let mutable error = None
    let mutable lineNo = 0
    while error.IsNone && lineNo < lines.Length do
        let content = lines[lineNo].Split('#')[0]
        for token in content.Split([| ' '; '\t'; '\u00A0'; ','; ';' |], StringSplitOptions.RemoveEmptyEntries) do
            if error.IsNone then
                match parseToken token with
                | Some z when values.Count < maxNumbers -> values.Add z
                | Some _ -> error <- Some(sprintf "more than %d numbers" maxNumbers)
                | None -> error <- Some(sprintf "line %d: cannot read '%s' as a number" (lineNo + 1) token)
        lineNo <- lineNo + 1
    match error with
    | Some e -> Result.Error e
    | None -> Result.Ok(values.ToArray())
