/// The FParsec grammar of one statement (see dsl/grammar.md for the EBNF). Token parsers record
/// the exact range of the token and then skip trailing blanks, comments and line continuations;
/// composite nodes take the union of their parts' ranges, so no range ever covers trailing blanks.
/// The parser's user state is the SourceText, which turns offsets into line/column positions.
module internal SteeringRng.Scenario.Grammar

open System
open System.Globalization
open FParsec

type P<'a> = Parser<'a, SourceText>

let private isBlank = LogicalLines.isBlank
let private isIdentStart c = isAsciiLetter c || c = '_'
let isIdentChar c = isAsciiLetter c || isDigit c || c = '_'

let private comment: P<unit> = skipChar '#' >>. skipManySatisfy (fun c -> c <> '\n')

// `\` at the end of a line (before an optional comment) joins the next line to this statement.
let private continuation: P<unit> =
    skipChar '\\' >>. skipManySatisfy isBlank >>. optional comment >>. skipChar '\n'

let private blanks: P<unit> = skipMany (skipMany1Satisfy isBlank <|> comment <|> continuation)

/// Skips blanks, comments and continuations. On success it reports no "expected" messages, so
/// that syntax errors list what may come next in the grammar rather than '#' or '\\'.
let ws: P<unit> =
    fun stream ->
        let reply = blanks stream
        if reply.Status = ReplyStatus.Ok then Reply(()) else reply

/// Runs p, records the range of what it consumed, then skips trailing blanks.
let private tok (p: P<'a>) : P<'a * SourceRange> =
    pipe4 getPosition p getPosition getUserState (fun s x e (src: SourceText) -> x, src.RangeOf(int s.Index, int e.Index))
    .>> ws

let private sym (s: string) : P<SourceRange> = tok (skipString s) |>> snd <?> sprintf "'%s'" s

let private identText: P<string> = many1Satisfy2L isIdentStart isIdentChar "name"

let ident: P<SynIdent> = tok identText |>> fun (n, r) -> { Name = n; Range = r }

/// A keyword: an identifier spelled exactly s (backtracks without consuming otherwise).
let private kw (s: string) : P<SourceRange> =
    attempt (tok (identText >>= fun n -> if n = s then preturn () else fail s)) |>> snd <?> sprintf "'%s'" s

/// An identifier that is one of the given words.
let private oneOf (label: string) (words: string list) : P<SynIdent> =
    attempt (ident >>= fun i -> if List.contains i.Name words then preturn i else fail label) <?> label

/// An identifier that is none of the given words.
let private noneOf (words: string list) : P<SynIdent> =
    attempt (ident >>= fun i -> if List.contains i.Name words then fail "name" else preturn i) <?> "name"

let private toInt (text: string) =
    match Int32.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture) with
    | true, v -> v
    | _ -> Int32.MaxValue

let integer: P<SynInt> =
    tok (many1Satisfy isDigit) |>> (fun (t, r) -> { Value = toInt t; Text = t; Range = r }) <?> "integer"

let stringLit: P<SynString> =
    tok (skipChar '"' >>. manySatisfy (fun c -> c <> '"' && c <> '\n') .>> (skipChar '"' <?> "closing '\"'"))
    |>> (fun (v, r) -> { Value = v; Range = r })
    <?> "string"

// A number never absorbs a following '.', so that `0.3 .. 1` reads as a range.
let private number: P<SynExpr> =
    let literal = regex @"[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?"
    // The imaginary suffix is optional and silent: it never appears in "expected ..." lists.
    let imaginarySuffix = opt (attempt (skipChar 'i' .>> notFollowedBy (satisfy isIdentChar)))
    let imaginary: P<unit option> =
        fun stream ->
            let reply = imaginarySuffix stream
            if reply.Status = ReplyStatus.Ok then Reply(reply.Result) else reply
    tok (literal .>>. imaginary)
    |>> (fun ((t, im), r) ->
        let v = Double.Parse(t, NumberStyles.Float, CultureInfo.InvariantCulture)
        SynExpr.Number(v, im.IsSome, r))
    <?> "number"

let private ket: P<SynExpr> =
    let labels = sepBy1 (many1Satisfy isDigit) (skipChar ',')
    tok (skipChar '|' >>. labels .>> (skipChar '>' <?> "'>' closing the ket"))
    |>> (fun (items, r) ->
        let values =
            match items with
            | [ single ] -> [ for c in single -> int c - int '0' ]
            | many -> List.map toInt many
        SynExpr.Ket(values, String.Join(",", items), r))
    <?> "ket"

let settingRef: P<SynSettingRef> =
    let settingName = tok (many1Satisfy isIdentChar <?> "setting name or index") |>> fun (n, r) -> { Name = n; Range = r }
    ident .>> skipChar '.' .>>. settingName
    |>> fun (node, setting) -> { Node = node; Setting = setting; Range = SourceRange.union node.Range setting.Range }

let expr, private exprRef = createParserForwardedToRef<SynExpr, SourceText> ()

let private correlator: P<SynExpr> =
    pipe3 (sym "<") (many1 (settingRef .>> optional (sym ","))) (sym ">") (fun s refs e ->
        SynExpr.Correlator(refs, SourceRange.union s e))
    <?> "correlator"

let private callOrName: P<SynExpr> =
    let args = sym "(" >>. sepBy expr (sym ",") .>>. sym ")"
    let assignment = settingRef .>> sym "=" .>>. integer
    let probabilityArgs = sym "(" >>. sepBy1 assignment (sym ",") .>>. sym ")"
    ident
    >>= fun id ->
        if id.Name = "P" then
            probabilityArgs |>> fun (items, e) -> SynExpr.Probability(items, SourceRange.union id.Range e)
        else
            opt args
            |>> function
                | Some(a, e) -> SynExpr.Call(id, a, SourceRange.union id.Range e)
                | None -> SynExpr.Name id

let private paren: P<SynExpr> =
    pipe3 (sym "(") expr (sym ")") (fun s e f -> SynExpr.Paren(e, SourceRange.union s f))

let private atom: P<SynExpr> =
    choice [ number; ket; correlator; (stringLit |>> SynExpr.String); paren; callOrName ]
    <?> "expression"

// Any run of leading minus signs collapses to one negation or none: nesting stays flat.
let private signed (p: P<SynExpr>) : P<SynExpr> =
    many (sym "-") .>>. p
    |>> fun (minuses, e) ->
        match minuses with
        | [] -> e
        | first :: _ -> if minuses.Length % 2 = 1 then SynExpr.Negate(e, SourceRange.union first e.Range) else e

let private power: P<SynExpr> =
    atom .>>. many (sym "^" >>. signed atom)
    |>> fun (a, rest) ->
        match rest with
        | [] -> a
        | _ -> SynExpr.Power(a :: rest, SourceRange.union a.Range (List.last rest).Range)

let private unary = signed power

let private product: P<SynExpr> =
    let op = (sym "*" >>% SynOp.Mul) <|> (sym "/" >>% SynOp.Div)
    // Juxtaposition before a ket, a correlator or a probability multiplies: `0.5|01>`, `2 P(A.0=0)`.
    let juxtaposable = skipChar '|' <|> skipChar '<' <|> skipString "P("
    let juxtaposed = followedBy juxtaposable >>. unary |>> fun e -> SynOp.Mul, e
    unary .>>. many ((op .>>. unary) <|> juxtaposed)
    |>> fun (first, rest) ->
        match rest with
        | [] -> first
        | _ -> SynExpr.Product(first, rest, SourceRange.union first.Range (snd (List.last rest)).Range)

let private sum: P<SynExpr> =
    let op = (sym "+" >>% SynOp.Add) <|> (sym "-" >>% SynOp.Sub)
    product .>>. many (op .>>. product)
    |>> fun (first, rest) ->
        match rest with
        | [] -> first
        | _ -> SynExpr.Sum(first, rest, SourceRange.union first.Range (snd (List.last rest)).Range)

exprRef.Value <- sum

// ---- statements ----

let private scenario =
    kw "scenario" .>>. stringLit |>> fun (k, t) -> SynStatement.Scenario(t, SourceRange.union k t.Range)

let private node =
    let roles = [ "trusted"; "untrusted" ]
    let role =
        (kw "trusted" |>> fun r -> SynRole.Trusted, r) <|> (kw "untrusted" |>> fun r -> SynRole.Untrusted, r)
    pipe4 (kw "node") (many1 (noneOf roles .>> optional (sym ","))) role (opt (kw "dim" >>. integer)) (fun k names (role, rr) dim ->
        let last = match dim with Some d -> d.Range | None -> rr
        SynStatement.Node { Names = names; Role = role; RoleRange = rr; Dim = dim; Range = SourceRange.union k last })

let private param =
    let listValue =
        pipe3 (sym "[") (sepBy1 expr (sym ",")) (sym "]") (fun s items e -> SynParamValue.List(items, SourceRange.union s e))
    let rangeOrSingle =
        expr .>>. opt (sym ".." >>. expr .>>. (kw "step" >>. expr))
        |>> fun (low, rest) ->
            match rest with
            | None -> SynParamValue.Single low
            | Some(high, step) -> SynParamValue.Stepped(low, high, step, SourceRange.union low.Range step.Range)
    pipe3 (kw "param") (ident .>> sym "=") (listValue <|> rangeOrSingle) (fun k name value ->
        SynStatement.Param { Name = name; Value = value; Range = SourceRange.union k value.Range })

let private state =
    pipe3 (kw "state") (sym "=") expr (fun k _ e -> SynStatement.State(e, SourceRange.union k e.Range))

let private assemblage =
    pipe4 (kw "assemblage") (sym "=") (kw "file" >>. sym "(" >>. stringLit) (sym ")") (fun k _ s e ->
        SynStatement.Assemblage(s, SourceRange.union k e))

let private measure =
    let abstractSettings =
        pipe3 (kw "settings") integer (kw "outcomes" >>. integer) (fun k m n ->
            SynMeasurement.Abstract(m, n, SourceRange.union k n.Range))
    let spec =
        ident .>>. opt (sym "(" >>. sepBy expr (sym ",") .>>. sym ")")
        |>> fun (id, args) ->
            match args with
            | None -> SynSettingSpec.Named id, id.Range
            | Some(a, e) -> SynSettingSpec.Call(id, a, SourceRange.union id.Range e), SourceRange.union id.Range e
    let setting =
        opt (attempt (ident .>> sym "=")) .>>. spec
        |>> fun (label, (s, r)) ->
            { Label = label; Spec = s; Range = (match label with Some l -> SourceRange.union l.Range r | None -> r) }
    let settings = many1 (setting .>> optional (sym ",")) |>> SynMeasurement.Settings
    pipe4 (kw "measure") (many1 (ident .>> optional (sym ","))) (sym ":") (abstractSettings <|> settings) (fun k nodes _ m ->
        SynStatement.Measure { Nodes = nodes; Measurement = m; Range = SourceRange.union k m.Range })

let private objective =
    let guess =
        kw "guess" .>>. sepBy1 settingRef (sym ",")
        |>> fun (k, refs) -> SynObjectiveBody.Guess(refs, SourceRange.union k (List.last refs).Range)
    let bell = kw "bell" .>>. expr |>> fun (k, e) -> SynObjectiveBody.Bell(e, SourceRange.union k e.Range)
    pipe3 (kw "objective") (ident .>> sym "=") (guess <|> bell <?> "'guess' or 'bell'") (fun k name body ->
        SynStatement.Objective { Name = name; Body = body; Range = SourceRange.union k body.Range })

let private bound =
    let npaLevel = (integer |>> SynNpaLevel.Level) <|> (stringLit |>> SynNpaLevel.Text) <?> "level (2 or \"1+BC\")"
    let option =
        oneOf "'dim', 'block', 'restarts' or 'seed'" [ "dim"; "block"; "restarts"; "seed" ] .>>. integer
        |>> fun (n, v) -> { Name = n; Value = v; Range = SourceRange.union n.Range v.Range }
    choice
        [ kw "ns" |>> SynBound.Ns
          kw "npa" .>>. npaLevel |>> (fun (k, l) -> SynBound.Npa(l, SourceRange.union k l.Range))
          kw "global" |>> SynBound.Global
          kw "seesaw" .>>. many option
          |>> (fun (k, opts) -> SynBound.Seesaw(opts, (match opts with [] -> k | _ -> SourceRange.union k (List.last opts).Range)))
          kw "steering" |>> SynBound.Steering ]
    <?> "bound (ns, npa, global, seesaw or steering)"

let private bounds =
    kw "bounds" .>>. sepBy1 bound (sym ",")
    |>> fun (k, bs) -> SynStatement.Bounds(bs, SourceRange.union k (List.last bs).Range)

let private output =
    let table =
        pipe3 (kw "table") (opt (oneOf "'csv' or 'json'" [ "csv"; "json" ])) stringLit (fun k f s ->
            SynStatement.Output(SynOutput.Table(f, s, SourceRange.union k s.Range)))
    let plot =
        pipe3 (kw "plot") stringLit (opt (kw "over" >>. ident)) (fun k s over ->
            let last = match over with Some o -> o.Range | None -> s.Range
            SynStatement.Output(SynOutput.Plot(s, over, SourceRange.union k last)))
    let export =
        pipe3 (kw "export") (kw "sdpa") stringLit (fun k _ s -> SynStatement.Output(SynOutput.Sdpa(s, SourceRange.union k s.Range)))
    table <|> plot <|> export

let private includeStatement =
    kw "include" .>>. stringLit |>> fun (k, s) -> SynStatement.Include(s, SourceRange.union k s.Range)

/// `efficiency Bob, Charlie = eta` (a no-click outcome added) or `... = eta noclick -> 0` (no-click counted as outcome 0).
let private efficiency =
    let noClick = kw "noclick" >>. sym "->" >>. integer
    pipe4 (kw "efficiency") (many1 (ident .>> optional (sym ","))) (sym "=" >>. expr) (opt noClick) (fun k nodes value bin ->
        let last = match bin with Some b -> b.Range | None -> value.Range
        SynStatement.Efficiency { Nodes = nodes; Value = value; NoClick = bin; Range = SourceRange.union k last })

/// `data = probabilities`, `probabilities = file("counts.csv")`, `repair = nearest` (values checked by the checker).
let private dataStatement =
    let form = pipe3 (kw "data") (sym "=") ident (fun k _ v -> SynStatement.Data(SynData.Form(v, SourceRange.union k v.Range)))
    let file =
        pipe3 (kw "probabilities") (sym "=") (kw "file" >>. sym "(" >>. stringLit .>>. sym ")") (fun k _ (s, e) ->
            SynStatement.Data(SynData.ProbabilitiesFile(s, SourceRange.union k e)))
    let repair = pipe3 (kw "repair") (sym "=") ident (fun k _ v -> SynStatement.Data(SynData.Repair(v, SourceRange.union k v.Range)))
    // `steering(mu = 0.7)` or `bell(chsh = 2.7)`: the keyword decides which data the name and value are.
    let call name make = kw name >>. sym "(" >>. ident .>> sym "=" .>>. expr .>>. sym ")" |>> make
    // `... value beta`: the observed value of a steering functional itself (docs/formulations/measured-probabilities.md).
    let observed = opt (kw "value" >>. expr)
    let through (e: SourceRange) (o: SynExpr option) = match o with Some x -> SourceRange.union e x.Range | None -> e
    let inequality =
        pipe3 (kw "inequality") (sym "=")
            ((call "steering" id .>>. observed |>> fun (((p, v), e), o) k -> SynData.Inequality(p, v, o, SourceRange.union k (through e o)))
             <|> call "bell" (fun ((o, v), e) k -> SynData.BellValue(o, v, SourceRange.union k e))
             <|> (kw "file" >>. sym "(" >>. stringLit .>>. sym ")" .>>. observed
                  |>> fun ((s, e), o) k -> SynData.InequalityFile(s, o, SourceRange.union k (through e o))))
            (fun k _ make -> SynStatement.Data(make k))
    form <|> file <|> repair <|> inequality

let statement: P<SynStatement> =
    choice [ scenario; node; param; state; assemblage; measure; objective; bounds; output; includeStatement; efficiency; dataStatement ]
    <?> "statement (scenario, node, param, state, assemblage, measure, efficiency, objective, bounds, table, plot, export, include, data, probabilities, repair or inequality)"

/// One logical line: exactly one statement and nothing after it.
let line: P<SynStatement> = ws >>. statement .>> (eof <?> "end of statement")
