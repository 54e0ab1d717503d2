/// Explicit operator words in NPA level strings, written the way `steer show` prints them: a letter is a node
/// (its initial, or its name), an outcome, '|' and a setting, so B0|1 is Bob's projector for outcome 0 of setting 1
/// ("1+B0|1C0|0", "1+B0|1 C0|0", "1+Bob0|1*Charlie0|0"). A '+' term is a word exactly when it holds a '|': party
/// patterns ("BC", "B^2C", "Bob*Charlie") never do, so the two cannot be confused.
module internal SteeringRng.Scenario.NpaWords

open System
open SteeringRng.Scenario.Checked

/// Whether a '+' term of a level string is an explicit word.
let isWord (term: string) = term.Contains '|'

/// The node a reference names: an untrusted node's full name, else (one character) the only untrusted node with
/// that initial.
let nodeNamed (untrusted: Node[]) (reference: string) : Result<Node, string> =
    match untrusted |> Array.tryFind (fun n -> n.Name = reference) with
    | Some n -> Result.Ok n
    | None when reference.Length = 1 ->
        match untrusted |> Array.filter (fun n -> n.Name[0] = reference[0]) with
        | [| n |] -> Result.Ok n
        | [||] -> Result.Error(sprintf "no untrusted node starts with '%s'" reference)
        | _ -> Result.Error(sprintf "several untrusted nodes start with '%s'; write names joined by '*' (e.g. Bob*Charlie)" reference)
    | None -> Result.Error(sprintf "'%s' is not an untrusted node" reference)

/// One letter "<node><outcome>|<setting>", checked against the node's settings. Only Collins–Gisin generators are
/// letters: the last outcome of a setting is I − Σ of the others (docs/formulations/npa-levels.md), so a word with it
/// is a signed sum of words without it, and those are what a generating set must list.
let private letter (node: Node) (reference: string) (outcome: int) (setting: int) : Result<NpaLetter, string> =
    let text = sprintf "%s%d|%d" reference outcome setting
    if setting >= node.Settings.Length then
        let labels = node.Settings |> Array.mapi (fun k s -> sprintf "%d = %s" k s.Label) |> String.concat ", "
        Result.Error(sprintf "%s: %s has settings 0..%d (%s), not %d" text node.Name (node.Settings.Length - 1) labels setting)
    else
        let s = node.Settings[setting]
        if outcome >= s.Outcomes then
            Result.Error(sprintf "%s: setting %d (%s) of %s has outcomes 0..%d, not %d" text setting s.Label node.Name (s.Outcomes - 1) outcome)
        elif outcome = s.Outcomes - 1 then
            let others = [ for b in 0 .. s.Outcomes - 2 -> sprintf "%s%d|%d" reference b setting ] |> String.concat " − "
            Result.Error(
                sprintf "%s is the last outcome of setting %d (%s) of %s, which is not a generator: it is I − %s, so a word with it is a sum of words without it; list those words instead"
                    text setting s.Label node.Name others)
        else
            Result.Ok { Node = node.Index; Setting = setting; Outcome = outcome }

/// Splits "Bob10" (the text before '|') into a node and an outcome. Names may end in digits, so every split whose
/// tail is all digits is tried; exactly one must name a node (nodes Bob and Bob1 make "Bob10" ambiguous).
let private nodeAndOutcome (untrusted: Node[]) (head: string) : Result<Node * string * int, string> =
    let splits =
        [ for k in 1 .. head.Length - 1 do
              let tail = head.Substring k
              if tail |> Seq.forall Char.IsAsciiDigit then
                  match nodeNamed untrusted (head.Substring(0, k)), Int32.TryParse tail with
                  | Result.Ok n, (true, b) -> yield n, head.Substring(0, k), b
                  | _ -> () ]
    match splits with
    | [ one ] -> Result.Ok one
    | [] ->
        let reference = head.TrimEnd([| '0' .. '9' |])
        if reference.Length = head.Length then
            Result.Error(sprintf "'%s|' needs an outcome before '|' (a letter is node, outcome, '|', setting: B0|1 is B's outcome 0 of setting 1)" head)
        else
            match nodeNamed untrusted reference with
            | Result.Error e -> Result.Error e
            | Result.Ok _ -> Result.Error(sprintf "the outcome in '%s|' is too large" head)
    | several ->
        let readings = several |> List.map (fun (n, _, b) -> sprintf "%s outcome %d" n.Name b) |> String.concat " or "
        Result.Error(sprintf "'%s|' is ambiguous: it reads as %s" head readings)

/// The canonical form: letters of different nodes commute (sorted by node, stable within a node); P² = P merges equal
/// neighbours; different outcomes of one setting are orthogonal, so such neighbours make the word zero.
let private canonical (term: string) (letters: NpaLetter list) : Result<NpaLetter[], string> =
    let sorted = letters |> List.sortBy (fun l -> l.Node) // List.sortBy is stable
    let rec reduce acc rest =
        match acc, rest with
        | _, [] -> Result.Ok(acc |> List.rev |> Array.ofList)
        | p :: _, l :: more when p.Node = l.Node && p.Setting = l.Setting && p.Outcome = l.Outcome -> reduce acc more
        | p :: _, l :: _ when p.Node = l.Node && p.Setting = l.Setting ->
            Result.Error(sprintf "the word \"%s\" is zero: outcomes %d and %d of one setting are orthogonal projectors" term p.Outcome l.Outcome)
        | _, l :: more -> reduce (l :: acc) more
    reduce [] sorted

/// Reads one word: letters separated by nothing, blanks or '*'.
let parse (untrusted: Node[]) (term: string) : Result<NpaLetter[], string> =
    let isNameChar (c: char) = Char.IsAsciiLetterOrDigit c || c = '_'
    let rec read (i: int) (acc: NpaLetter list) =
        if i >= term.Length then
            canonical term (List.rev acc)
        elif Char.IsWhiteSpace term[i] || term[i] = '*' then
            read (i + 1) acc
        else
            let mutable j = i
            while j < term.Length && isNameChar term[j] do
                j <- j + 1
            let head = term.Substring(i, j - i)
            if head = "" || Char.IsAsciiDigit head[0] then
                Result.Error(sprintf "in the word \"%s\", expected a node at '%s' (a letter is node, outcome, '|', setting: B0|1)" term (term.Substring i))
            elif j >= term.Length || term[j] <> '|' then
                Result.Error(sprintf "in the word \"%s\", '%s' is not a letter: write node, outcome, '|', setting (B0|1 is B's outcome 0 of setting 1)" term head)
            else
                let mutable k = j + 1
                while k < term.Length && Char.IsAsciiDigit term[k] do
                    k <- k + 1
                match nodeAndOutcome untrusted head, Int32.TryParse(term.AsSpan(j + 1, k - j - 1)) with
                | Result.Error e, _ -> Result.Error e
                | Result.Ok _, (false, _) when k = j + 1 -> Result.Error(sprintf "in the word \"%s\", '%s|' needs a setting after '|'" term head)
                | Result.Ok _, (false, _) -> Result.Error(sprintf "in the word \"%s\", the setting after '%s|' is too large" term head)
                | Result.Ok(node, reference, outcome), (true, setting) ->
                    match letter node reference outcome setting with
                    | Result.Error e -> Result.Error e
                    | Result.Ok l -> read k (l :: acc)
    read 0 []
