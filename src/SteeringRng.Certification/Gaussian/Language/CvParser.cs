using SteeringRng.Certification.Bounds;
using SteeringRng.Certification.Seesaw;
using SteeringRng.Quantum.Gaussian;

namespace SteeringRng.Certification.Gaussian.Language;

/// <summary>
/// Reads a continuous-variable scenario (grammar in continuous-variables.md §8, in the style of dsl/grammar.md), statement
/// by statement: a line that fails contributes nothing and the next lines are still read. Values are checked at every
/// sweep point (η ∈ [0, 1], r ≥ 0, n̄ ≥ 0, periods > 0), so a bad value is reported at its expression, with the point.
/// </summary>
public sealed class CvParser
{
    /// <summary>The largest sweep, as in the scenario language.</summary>
    public const int MaxPoints = 100_000;

    /// <summary>The longest binning period: the Fourier sum's terms grow linearly with T (continuous-variables.md §5).</summary>
    public const double MaxPeriod = 100;

    /// <summary>The most grid points one period search may evaluate.</summary>
    public const int MaxSearchGrid = 10_000;

    /// <summary>Largest local dimension of a CV seesaw attack.</summary>
    public const int MaxSeesawDimension = 16;

    /// <summary>Largest dimension (K + 1)·d^k of a CV seesaw attack's state (the seesaw's SDPs grow with its square).</summary>
    public const int MaxSeesawStateDimension = 512;

    private readonly List<CvDiagnostic> _errors = [];
    private readonly List<CvParameter> _parameters = [];
    private readonly List<string> _modes = [];
    private readonly Dictionary<string, int> _modeLines = [];
    private readonly List<CvOperation> _operations = [];
    private readonly List<CvNode> _nodes = [];
    private readonly Dictionary<string, (List<CvSetting> Settings, int Bins, int Line)> _homodyne = [];
    private readonly List<(string Name, List<(string Node, string Setting, int Column, int Length)> Targets, int Line, int Column)> _objectives = [];
    private readonly List<BoundSpec> _bounds = [];
    private readonly Dictionary<string, (int Line, int Column)> _boundLines = [];
    private string _title = "";
    private bool _renormalise = true;
    private BinningPeriodSearch _search = new();
    private int _searchLine;
    private (int Line, int Column, int Length)? _seesaw;   // where `seesaw dim d` was written
    private int _dataLine;
    private string? _table, _plot;
    private int _line;
    private readonly HashSet<string> _failed = [];   // statement kinds with a line that failed: no "missing" errors for them
    private string _kind = "";
    private List<CvToken> _t = [];
    private int _p;

    /// <summary>Parses and checks; returns the scenario, or null with the diagnostics.</summary>
    public static (CvScenario? Scenario, IReadOnlyList<CvDiagnostic> Errors) Parse(string text)
    {
        var parser = new CvParser();
        var lines = text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            int hash = line.IndexOf('#');
            if (hash >= 0 && !line[..hash].Contains('"')) line = line[..hash];
            parser.Statement(i + 1, line);
        }
        var scenario = parser.Finish(lines.Length);
        return (parser._errors.Count == 0 ? scenario : null, parser._errors);
    }

    private sealed class StatementError : Exception;

    private void Statement(int line, string text)
    {
        _line = line;
        _t = CvLexer.Tokens(text, out var lexError);
        _p = 0;
        if (lexError is { } e)
        {
            Error(CvCodes.Syntax, $"syntax error: unexpected {e.Text}", e.Column, 1);
            if (_t.Count > 0 && _t[0].Kind == CvTokenKind.Ident) _failed.Add(_t[0].Text);
            return;
        }
        if (_t[0].Kind == CvTokenKind.End) return;
        try
        {
            var keyword = Ident("a statement");
            _kind = keyword.Text;
            switch (keyword.Text)
            {
                case "scenario": _title = String(); break;
                case "param": Param(); break;
                case "mode": Modes(); break;
                case "squeeze": Squeeze(); break;
                case "beamsplitter": BeamSplitterStatement(); break;
                case "phase": _operations.Add(new CvOperation.Phase(Mode(), Expr(), _line)); break;
                case "loss": { var m = Mode(); Keyword("eta"); _operations.Add(new CvOperation.Loss(m, Expr(), _line)); break; }
                case "thermal": { var m = Mode(); Keyword("nbar"); _operations.Add(new CvOperation.Thermal(m, Expr(), _line)); break; }
                case "node": Node(); break;
                case "homodyne": Homodyne(); break;
                case "objective": Objective(); break;
                case "bounds": Bounds(); break;
                case "data": DataReading(); break;
                case "search": Search(); break;
                case "table": _table = String(); break;
                case "plot": _plot = String(); break;
                default:
                    Error(CvCodes.Syntax, $"syntax error: expected a statement (scenario, param, mode, squeeze, beamsplitter, phase, loss, thermal, node, homodyne, objective, bounds, data, search, table, plot), found '{keyword.Text}'", keyword.Column, keyword.Length);
                    return;
            }
            if (Peek.Kind != CvTokenKind.End) Fail(CvCodes.Syntax, $"syntax error: expected the end of the statement, found '{Peek.Text}'", Peek);
        }
        catch (StatementError) { _failed.Add(_kind); }
    }

    // ---- statements ----

    private void Param()
    {
        var name = Ident("a parameter name");
        if (_parameters.Any(p => p.Name == name.Text)) Fail(CvCodes.Duplicate, $"parameter '{name.Text}' is already declared", name);
        Symbol("=");
        if (Accept("["))
        {
            var list = new List<double>();
            do list.Add(Constant(Expr())); while (Accept(","));
            Symbol("]");
            _parameters.Add(new CvParameter(name.Text, list, null, _line));
            return;
        }
        var first = Expr();
        if (Peek.Text == "..")
        {
            _p++;
            var high = Expr();
            Keyword("step");
            var step = Expr();
            double lo = Constant(first), hi = Constant(high), st = Constant(step);
            if (!(st > 0) || hi < lo)
                Fail(CvCodes.Sweep, $"range {CvExpression.Format(lo)} .. {CvExpression.Format(hi)} step {CvExpression.Format(st)} is empty (the step must be > 0 and the end not below the start)", first.Column, step.Column + step.Length - first.Column);
            long count = (long)Math.Floor((hi - lo) / st + 1e-9) + 1;
            if (count > MaxPoints) Fail(CvCodes.Sweep, $"range has {count} points; the limit is {MaxPoints}", first.Column, step.Column + step.Length - first.Column);
            // Points lo + k·step computed from k (no accumulated rounding), the end kept exactly when it lies on the grid.
            var values = Enumerable.Range(0, (int)count).Select(k => Math.Round(lo + k * st, 12)).ToArray();
            _parameters.Add(new CvParameter(name.Text, values, null, _line));
        }
        else
        {
            bool constant = !first.Names().Any();
            _parameters.Add(constant ? new CvParameter(name.Text, [Constant(first)], null, _line) : new CvParameter(name.Text, null, first, _line));
        }
    }

    private void Modes()
    {
        do
        {
            var name = Ident("a mode name");
            if (_modeLines.TryGetValue(name.Text, out var l)) Fail(CvCodes.Duplicate, $"mode '{name.Text}' is already declared at line {l}", name);
            _modeLines[name.Text] = _line;
            _modes.Add(name.Text);
        } while (Accept(","));
    }

    private void Squeeze()
    {
        var mode = Mode();
        var q = Ident("x, p or angle");
        CvExpression angle = q.Text switch
        {
            "x" => new CvExpression.Number(0, q.Column, q.Length),
            "p" => new CvExpression.Number(Math.PI / 2, q.Column, q.Length),
            "angle" => Expr(),
            _ => throw Fail(CvCodes.Syntax, $"syntax error: expected the squeezed quadrature x, p or 'angle <expr>', found '{q.Text}'", q),
        };
        var unit = Ident("r or db");
        if (unit.Text != "r" && unit.Text != "db") Fail(CvCodes.Syntax, $"syntax error: expected 'r <expr>' or 'db <expr>', found '{unit.Text}'", unit);
        _operations.Add(new CvOperation.Squeeze(mode, angle, Expr(), unit.Text == "db", _line));
    }

    private void BeamSplitterStatement()
    {
        var a = Mode();
        Symbol(",");
        var bTok = Peek;
        var b = Mode();
        if (a == b) Fail(CvCodes.ModeUse, "a beam splitter joins two different modes", bTok);
        Keyword("eta");
        _operations.Add(new CvOperation.BeamSplitter(a, b, Expr(), _line));
    }

    private void Node()
    {
        var name = Ident("a node name");
        if (_nodes.Any(n => n.Name == name.Text)) Fail(CvCodes.Duplicate, $"node '{name.Text}' is already declared", name);
        var role = Ident("trusted or untrusted");
        if (role.Text != "trusted" && role.Text != "untrusted") Fail(CvCodes.Syntax, $"syntax error: expected trusted or untrusted, found '{role.Text}'", role);
        Keyword("mode");
        var modeTok = Peek;
        var mode = Mode();
        if (_nodes.FirstOrDefault(n => n.Mode == mode) is { } holder)
            Fail(CvCodes.ModeUse, $"mode '{_modes[mode]}' is already held by node '{holder.Name}' (line {holder.Line})", modeTok);
        int cutoff = -1;
        if (role.Text == "trusted")
        {
            Keyword("cutoff");
            var k = Peek;
            cutoff = Integer("the Fock cut-off K");
            if (cutoff > GaussianAssemblage.MaxCutoff)
                Fail(CvCodes.Cutoff, $"Fock cut-off {cutoff} is too large: Alice's dimension K + 1 = {cutoff + 1L} exceeds 64, the largest trusted dimension the bounds can hold in memory", k);
        }
        _nodes.Add(new CvNode(name.Text, role.Text == "trusted", mode, cutoff, _line));
    }

    private void Homodyne()
    {
        var nodes = new List<CvToken>();
        do nodes.Add(Ident("a node name")); while (Accept(","));
        Symbol(":");
        var settings = new List<CvSetting>();
        do
        {
            var label = Ident("a quadrature: x, p, or NAME angle <expr>");
            CvExpression angle = label.Text switch
            {
                "x" => new CvExpression.Number(0, label.Column, label.Length),
                "p" => new CvExpression.Number(Math.PI / 2, label.Column, label.Length),
                _ => KeywordThen("angle", Expr),
            };
            if (settings.Any(s => s.Label == label.Text)) Fail(CvCodes.Duplicate, $"setting '{label.Text}' is given twice", label);
            Keyword("period");
            CvPeriod period;
            if (Peek.Text == "unbiased")
            {
                _p++;
                if (settings.Count == 0) Fail(CvCodes.Period, "'period unbiased' follows the node's first setting, so the first setting needs its own period", _t[_p - 1]);
                period = new CvPeriod.Unbiased();
            }
            else if (Peek.Text == "optimise" || Peek.Text == "optimize")
            {
                var kw = Peek;
                _p++;
                var lo = Expr();
                Symbol("..");
                var hi = Expr();
                double l = Constant(lo), h = Constant(hi);
                if (!(l > 0) || h < l || h > MaxPeriod)
                    Fail(CvCodes.Period, $"the period range {CvExpression.Format(l)} .. {CvExpression.Format(h)} must be positive, not empty and at most {MaxPeriod}", kw.Column, hi.Column + hi.Length - kw.Column);
                period = new CvPeriod.Optimise(l, h);
            }
            else period = new CvPeriod.Fixed(Expr());
            settings.Add(new CvSetting(label.Text, angle, period, _line));
        } while (Accept(","));
        Keyword("bins");
        var binsTok = Peek;
        int bins = Integer("the number of bins");
        if (bins < 2 || bins > 64) Fail(CvCodes.Bins, $"bins must be between 2 and 64, got {bins}", binsTok);
        foreach (var n in nodes)
        {
            if (_homodyne.ContainsKey(n.Text)) Fail(CvCodes.Duplicate, $"node '{n.Text}' already has a homodyne statement", n);
            _homodyne[n.Text] = (settings, bins, _line);
        }
    }

    private void Objective()
    {
        var name = Ident("an objective name");
        if (_objectives.Any(o => o.Name == name.Text)) Fail(CvCodes.Duplicate, $"objective '{name.Text}' is already declared", name);
        Symbol("=");
        Keyword("guess");
        var targets = new List<(string, string, int, int)>();
        do
        {
            var node = Ident("a node");
            Symbol(".");
            var setting = Ident("a setting");
            targets.Add((node.Text, setting.Text, node.Column, setting.Column + setting.Length - node.Column));
        } while (Accept(","));
        _objectives.Add((name.Text, targets, _line, name.Column));
    }

    private void Bounds()
    {
        do
        {
            var b = Ident("a bound");
            switch (b.Text)
            {
                case "ns": Unlisted("ns", b); _bounds.Add(new BoundSpec.NoSignalling()); break;
                case "global": Unlisted("global", b); _bounds.Add(new BoundSpec.Global()); break;
                case "npa":
                    var levelTok = Peek;
                    int level = Integer("an NPA level");
                    if (level < 1 || level > 8) Fail(CvCodes.Bound, $"NPA level must be between 1 and 8, got {level}", levelTok);
                    Unlisted($"npa {level}", b, levelTok.Column + levelTok.Length - b.Column);
                    _bounds.Add(new BoundSpec.Npa(level, []));
                    break;
                case "seesaw":
                    // One seesaw per run: the rows, the attack check and the SR1260–SR1262 rules are per scenario.
                    Unlisted("seesaw", b);
                    if (Peek.Text == "split")
                    {
                        SplitSeesaw(b);
                        break;
                    }
                    Keyword("dim");
                    var dimTok = Peek;
                    int dim = Integer("a local dimension");
                    if (dim < 1 || dim > MaxSeesawDimension)
                        Fail(CvCodes.SeesawDimension, $"seesaw dimension must be between 1 and {MaxSeesawDimension}, got {dim}", dimTok);
                    // Default one block (BlockSize = d, the unstructured seesaw): the Fock model fills only K + 1 levels, and a classical
                    // copy of a product party's outcomes (η2 = 0: Bob holds the vacuum) needs up to 1 + Σ_y (n_y − 1) levels in block 0.
                    // `blocks b` cuts C^d into blocks of b levels (b = K + 1: room for the split copies of the Fock model, §9.7).
                    int blockSize = dim;
                    var last = dimTok;
                    if (Peek.Text == "blocks")
                    {
                        Keyword("blocks");
                        last = Peek;
                        blockSize = Integer("a block size");
                        if (blockSize < 1 || blockSize > dim)
                            Fail(CvCodes.SeesawBlocks, $"seesaw block size must be between 1 and the dimension {dim}, got {blockSize}", last);
                    }
                    // No random starts: on the Fock model they are multiples of the same pure state and end where the embedded one
                    // does (§9.6), and with blocks they cost the largest state SDPs of the run; the one-sided decompositions do the work.
                    _bounds.Add(new BoundSpec.Dimension(SeesawOptions.Default with
                    {
                        Dimension = dim, BlockSize = blockSize, OneSidedDecomposition = true, ClassicalGuess = true, RandomStarts = 0,
                    }));
                    _seesaw = (_line, b.Column, last.Column + last.Length - b.Column);
                    break;
                default:
                    Fail(CvCodes.Bound, $"bound '{b.Text}' is not available for continuous-variable data; use ns, npa k, global or seesaw dim d (continuous-variables.md §9)", b);
                    break;
            }
        } while (Accept(","));
    }

    /// <summary>
    /// Refuses a bound listed twice (SR1263): the second copy would compute the same rows again (hours for a searched
    /// sweep) and make the table's columns ambiguous. Bounds are keyed by kind (and NPA level); a second seesaw of
    /// another dimension is refused too, since a run holds one seesaw.
    /// </summary>
    private void Unlisted(string key, CvToken at, int? length = null)
    {
        if (_boundLines.TryGetValue(key, out var first))
            Fail(CvCodes.DuplicateBound, key == "seesaw"
                ? $"a seesaw bound is already listed at line {first.Line}, column {first.Column}; a run holds one seesaw"
                : $"bound '{key}' is already listed at line {first.Line}, column {first.Column}", at.Column, length ?? at.Length);
        _boundLines[key] = (_line, at.Column);
    }

    private void DataReading()
    {
        var r = Ident("renormalised or projected");
        if (r.Text != "renormalised" && r.Text != "projected") Fail(CvCodes.Syntax, $"syntax error: expected renormalised or projected, found '{r.Text}'", r);
        _renormalise = r.Text == "renormalised";
        _dataLine = _line;
    }

    private void Search()
    {
        _searchLine = _line;
        while (Peek.Kind != CvTokenKind.End)
        {
            var option = Ident("grid, resolution or starts");
            var valueTok = Peek;
            switch (option.Text)
            {
                case "grid":
                    var g = Constant(Expr());
                    if (!(g > 0)) Fail(CvCodes.Search, $"the search grid step must be > 0, got {CvExpression.Format(g)}", valueTok);
                    _search = _search with { GridStep = g };
                    break;
                case "resolution":
                    var r = Constant(Expr());
                    if (!(r > 0)) Fail(CvCodes.Search, $"the search resolution must be > 0, got {CvExpression.Format(r)}", valueTok);
                    _search = _search with { Resolution = r };
                    break;
                case "starts":
                    var s = Integer("the number of starts");
                    if (s < 1 || s > 100) Fail(CvCodes.Search, $"starts must be between 1 and 100, got {s}", valueTok);
                    _search = _search with { Starts = s };
                    break;
                default: Fail(CvCodes.Syntax, $"syntax error: expected grid, resolution or starts, found '{option.Text}'", option); break;
            }
        }
    }

    // ---- the whole scenario ----

    private CvScenario? Finish(int lastLine)
    {
        _line = lastLine;
        var trusted = _nodes.Where(n => n.Trusted).ToList();
        var untrusted = _nodes.Where(n => !n.Trusted).ToList();
        if (_modes.Count == 0 && !_failed.Contains("mode")) Missing("the scenario declares no modes (add 'mode A, B, C')");
        if (trusted.Count > 1 || (trusted.Count == 0 && !_failed.Contains("node"))) Missing(trusted.Count == 0 ? "the scenario needs one trusted node with a mode and a cut-off ('node Alice trusted mode A cutoff 1')" : $"a CV scenario has exactly one trusted node; found {trusted.Count}");
        if (untrusted.Count == 0 && !_failed.Contains("node")) Missing("the scenario declares no untrusted node ('node Bob untrusted mode B')");
        foreach (var n in untrusted)
            if (!_homodyne.ContainsKey(n.Name) && !_failed.Contains("homodyne")) Missing($"untrusted node '{n.Name}' has no measurements (add 'homodyne {n.Name}: x period 4 bins 4')", n.Line);
        foreach (var (node, h) in _homodyne)
            if (!untrusted.Any(n => n.Name == node)) Error(CvCodes.UnknownName, $"'{node}' is not an untrusted node", 1, 1, h.Line);
        if (_objectives.Count == 0 && !_failed.Contains("objective")) Missing("the scenario has no objective (add 'objective joint = guess Bob.x, Charlie.x')");
        if (_bounds.Count == 0 && !_failed.Contains("bounds")) Missing("the scenario requests no bounds (add 'bounds ns, npa 1')");
        var objectives = new List<CvObjective>();
        foreach (var (name, targets, line, _) in _objectives)
        {
            var resolved = new List<(int, int)>();
            foreach (var (node, setting, column, length) in targets)
            {
                int party = untrusted.FindIndex(n => n.Name == node);
                if (party < 0 || !_homodyne.TryGetValue(node, out var h))
                {
                    if (!_failed.Contains("node") && !_failed.Contains("homodyne")) Error(CvCodes.Guess, $"'{node}' is not an untrusted node with a homodyne statement", column, length, line);
                    continue;
                }
                int s = h.Settings.FindIndex(x => x.Label == setting);
                if (s < 0) { Error(CvCodes.Guess, $"node '{node}' has no setting '{setting}'; its settings are {string.Join(", ", h.Settings.Select(x => x.Label))}", column, length, line); continue; }
                if (resolved.Any(r => r.Item1 == party)) { Error(CvCodes.Guess, $"node '{node}' is guessed twice", column, length, line); continue; }
                resolved.Add((party, s));
            }
            objectives.Add(new CvObjective(name, resolved.OrderBy(r => r.Item1).ToArray(), line));
        }
        CheckValues();
        var free = _homodyne.Values.SelectMany(h => h.Settings).Where(x => x.Period is CvPeriod.Optimise).Select(x => (CvPeriod.Optimise)x.Period).ToArray();
        if (free.Length > 0)
        {
            double span = free.Max(f => f.Upper) - free.Min(f => f.Lower);
            int dims = untrusted.Sum(n => _homodyne.TryGetValue(n.Name, out var h) ? h.Settings.Count(x => x.Period is CvPeriod.Optimise) : 0);
            double grid = Math.Pow(Math.Floor(span / _search.GridStep + 1e-9) + 2, Math.Max(1, dims));
            if (grid > MaxSearchGrid)
                Error(CvCodes.Search, $"the period search grid has about {grid:G3} points (step {CvExpression.Format(_search.GridStep)} over {dims} period(s)); the limit is {MaxSearchGrid}: use a larger 'search grid' step", 1, 1, _searchLine == 0 ? 1 : _searchLine);
        }
        CheckSeesaw(trusted.Count == 1 ? trusted[0].Cutoff : 0, untrusted.Count, free.Length > 0,
            untrusted.Select(n => _homodyne.TryGetValue(n.Name, out var h) ? h.Bins : 2).ToArray(), objectives);
        if (_errors.Count > 0) return null;
        return new CvScenario(_title, _parameters, _modes, _operations, trusted[0], untrusted,
            untrusted.Select(n => (IReadOnlyList<CvSetting>)_homodyne[n.Name].Settings).ToArray(),
            untrusted.Select(n => _homodyne[n.Name].Bins).ToArray(), objectives, _bounds, _renormalise, _search, _table, _plot);
    }

    /// <summary>
    /// `seesaw split b` (continuous-variables.md §9.8): split attacks over Eve's guesses with blocks of b levels (SR1265 when
    /// b &lt; 1 or b &gt; 16). The Fock model may use up to b levels per untrusted mode (its parts need rank ≤ b).
    /// </summary>
    private void SplitSeesaw(CvToken seesaw)
    {
        Keyword("split");
        var sizeTok = Peek;
        int blockSize = Integer("a block size");
        if (blockSize < 1 || blockSize > MaxSeesawDimension)
            Fail(CvCodes.SplitBlock, $"seesaw split block size must be between 1 and {MaxSeesawDimension}, got {blockSize}", sizeTok);
        _bounds.Add(new BoundSpec.Dimension(SeesawOptions.Default with { Dimension = blockSize, SplitBlockSize = blockSize, ClassicalGuess = true, RandomStarts = 0 }));
        _seesaw = (_line, seesaw.Column, sizeTok.Column + sizeTok.Length - seesaw.Column);
    }

    /// <summary>
    /// The local dimensions of a split attack for one objective, in the worse of the two decomposition orders: the g-th
    /// guessed party has Π_{h ≤ g} n_h blocks of b levels, a party not guessed keeps its model's ≤ b levels.
    /// </summary>
    private static double SplitStateDimension(int cutoff, int blockSize, IReadOnlyList<int> bins, CvObjective objective, int parties)
    {
        var guessed = objective.Targets.Select(t => t.Party).Distinct().ToArray();
        double Size(IEnumerable<int> order)
        {
            double size = (cutoff + 1.0) * Math.Pow(blockSize, parties - guessed.Length), blocks = 1;
            foreach (var party in order) size *= (blocks *= bins[party]) * blockSize;
            return size;
        }
        return Math.Max(Size(guessed), Size(guessed.Reverse()));
    }

    /// <summary>
    /// The seesaw on CV data (continuous-variables.md §9): its attacks are normalised states, so the data must be the
    /// renormalised ones; with searched periods it cannot be the first bound (the search maximises the first bound, and
    /// a seesaw value is an upper bound on H, not a certified one); the attack's state must fit in memory.
    /// </summary>
    private void CheckSeesaw(int cutoff, int parties, bool searched, IReadOnlyList<int> bins, IReadOnlyList<CvObjective> objectives)
    {
        if (_seesaw is not { } at) return;
        var seesaw = _bounds.OfType<BoundSpec.Dimension>().First();
        if (!_renormalise)
            Error(CvCodes.SeesawProjected, "the seesaw needs 'data renormalised': projected data have trace p_K < 1, and no normalised state reproduces them", at.Column, at.Length, at.Line);
        if (searched && _bounds[0] is BoundSpec.Dimension)
            Error(CvCodes.SeesawFirst, "the seesaw cannot be the first bound when a period is optimised (the search maximises the first bound); list it after ns or npa k", at.Column, at.Length, at.Line);
        if (seesaw.Options.SplitBlockSize is { } split)
        {
            foreach (var objective in objectives)
            {
                double splitSize = SplitStateDimension(cutoff, split, bins, objective, parties);
                if (splitSize > MaxSeesawStateDimension)
                    Error(CvCodes.SplitTooLarge, $"seesaw split {split} for objective '{objective.Name}' needs more blocks than fit: its attack states have {splitSize:G4} dimensions (Alice's K + 1 = {cutoff + 1}, one block of {split} per guess prefix); the limit is {MaxSeesawStateDimension}: use a smaller block size or fewer bins", at.Column, at.Length, at.Line);
            }
            return;
        }
        double size = (cutoff + 1.0) * Math.Pow(seesaw.Options.Dimension, parties);
        if (size > MaxSeesawStateDimension)
            Error(CvCodes.SeesawDimension, $"seesaw dim {seesaw.Options.Dimension} with {parties} untrusted modes and Alice's K + 1 = {cutoff + 1} gives {size:G4}-dimensional attack states; the limit is {MaxSeesawStateDimension}", at.Column, at.Length, at.Line);
    }

    /// <summary>Every network value and fixed period at every sweep point; the first failure of each expression is reported.</summary>
    private void CheckValues()
    {
        var s = new { Parameters = _parameters, Operations = _operations, Settings = _homodyne.Values.Select(h => h.Settings).Distinct(),
            SweptNames = _parameters.Where(p => p.Values is { Count: > 1 }).Select(p => p.Name).ToArray() };
        IReadOnlyList<IReadOnlyDictionary<string, double>> points;
        try
        {
            points = new CvScenario("", _parameters, [], [], null!, [], [], [], [], [], true, new(), null, null).Points();
        }
        catch (CvEvaluationException e) { Error(CvCodes.Expression, e.Message, e.Where.Column, e.Where.Length, _parameters.Last().Line); return; }
        var reported = new HashSet<CvExpression>();
        void Check(CvExpression e, int line, Func<double, string?> problem, string code)
        {
            if (reported.Contains(e)) return;
            foreach (var pt in points)
            {
                string? why;
                try
                {
                    double v = e.Evaluate(pt);
                    why = double.IsFinite(v) ? problem(v) : $"{CvExpression.Format(v)} is not a finite number";
                }
                catch (CvEvaluationException ex) { why = ex.Message; code = CvCodes.Expression; }
                if (why is null) continue;
                var at = s.SweptNames.Length == 0 ? "" : " at " + string.Join(", ", s.SweptNames.Select(n => $"{n} = {CvExpression.Format(pt[n])}"));
                Error(code, why + at, e.Column, e.Length, line);
                reported.Add(e);
                return;
            }
        }
        foreach (var op in s.Operations)
            switch (op)
            {
                case CvOperation.Squeeze q:
                    Check(q.Amount, q.Line, v => q.Decibels ? null : v < 0 ? $"squeezing r must be ≥ 0 (choose the quadrature with x, p or angle), got {CvExpression.Format(v)}" : null, CvCodes.Squeezing);
                    Check(q.Angle, q.Line, _ => null, CvCodes.Expression);
                    break;
                case CvOperation.BeamSplitter b:
                    Check(b.Transmission, b.Line, v => v is < 0 or > 1 ? $"a beam splitter's transmission η must be in [0, 1], got {CvExpression.Format(v)}" : null, CvCodes.Transmission);
                    break;
                case CvOperation.Loss l:
                    Check(l.Transmission, l.Line, v => v is < 0 or > 1 ? $"a loss channel's transmission η must be in [0, 1], got {CvExpression.Format(v)}" : null, CvCodes.Transmission);
                    break;
                case CvOperation.Thermal t:
                    Check(t.MeanPhotons, t.Line, v => v < 0 ? $"a thermal state's mean photon number must be ≥ 0, got {CvExpression.Format(v)}" : null, CvCodes.Thermal);
                    break;
                case CvOperation.Phase ph:
                    Check(ph.Angle, ph.Line, _ => null, CvCodes.Expression);
                    break;
            }
        foreach (var settings in s.Settings)
            foreach (var setting in settings)
            {
                Check(setting.Angle, setting.Line, _ => null, CvCodes.Expression);
                if (setting.Period is CvPeriod.Fixed f)
                    Check(f.Value, setting.Line, v => v > 0 && v <= MaxPeriod ? null : $"a binning period must be > 0 and at most {MaxPeriod}, got {CvExpression.Format(v)}", CvCodes.Period);
            }
    }

    // ---- tokens ----

    private CvToken Peek => _t[_p];

    private bool Accept(string symbol)
    {
        if (Peek.Kind == CvTokenKind.Symbol && Peek.Text == symbol) { _p++; return true; }
        return false;
    }

    private void Symbol(string symbol)
    {
        if (!Accept(symbol)) Fail(CvCodes.Syntax, $"syntax error: expected '{symbol}', found {Describe(Peek)}", Peek);
    }

    private void Keyword(string word)
    {
        if (Peek.Kind == CvTokenKind.Ident && Peek.Text == word) { _p++; return; }
        Fail(CvCodes.Syntax, $"syntax error: expected '{word}', found {Describe(Peek)}", Peek);
    }

    private T KeywordThen<T>(string word, Func<T> then) { Keyword(word); return then(); }

    private CvToken Ident(string what)
    {
        if (Peek.Kind != CvTokenKind.Ident) Fail(CvCodes.Syntax, $"syntax error: expected {what}, found {Describe(Peek)}", Peek);
        return _t[_p++];
    }

    private string String()
    {
        if (Peek.Kind != CvTokenKind.String) Fail(CvCodes.Syntax, $"syntax error: expected a string, found {Describe(Peek)}", Peek);
        return _t[_p++].Text;
    }

    private int Integer(string what)
    {
        var tok = Peek;
        bool negative = Accept("-");
        if (Peek.Kind != CvTokenKind.Number || Peek.Number != Math.Floor(Peek.Number))
            Fail(CvCodes.Syntax, $"syntax error: expected {what} (an integer), found {Describe(Peek)}", Peek);
        var value = _t[_p++].Number;
        if (negative) value = -value;
        return value > int.MaxValue ? int.MaxValue : value < int.MinValue ? int.MinValue : (int)value;
    }

    private int Mode()
    {
        var name = Ident("a mode name");
        int i = _modes.IndexOf(name.Text);
        if (i < 0) Fail(CvCodes.UnknownName, $"unknown mode '{name.Text}'" + (_modes.Count > 0 ? $"; the modes are {string.Join(", ", _modes)}" : " (declare it with 'mode')"), name);
        return i;
    }

    private static string Describe(CvToken t) => t.Kind == CvTokenKind.End ? "the end of the line" : $"'{t.Text}'";

    // expr = term { (+|-) term }; term = unary { (*|/) unary }; unary = [-] power; power = atom [^ unary]
    private CvExpression Expr()
    {
        var left = Term();
        while (Peek.Text is "+" or "-" && Peek.Kind == CvTokenKind.Symbol)
        {
            char op = _t[_p++].Text[0];
            var right = Term();
            left = new CvExpression.Binary(op, left, right, left.Column, right.Column + right.Length - left.Column);
        }
        return left;
    }

    private CvExpression Term()
    {
        var left = Unary();
        while (Peek.Text is "*" or "/" && Peek.Kind == CvTokenKind.Symbol)
        {
            char op = _t[_p++].Text[0];
            var right = Unary();
            left = new CvExpression.Binary(op, left, right, left.Column, right.Column + right.Length - left.Column);
        }
        return left;
    }

    private CvExpression Unary()
    {
        if (Peek.Kind == CvTokenKind.Symbol && Peek.Text == "-")
        {
            var minus = _t[_p++];
            var operand = Unary();
            return new CvExpression.Unary('-', operand, minus.Column, operand.Column + operand.Length - minus.Column);
        }
        var atom = Atom();
        if (Accept("^"))
        {
            var exponent = Unary();
            return new CvExpression.Binary('^', atom, exponent, atom.Column, exponent.Column + exponent.Length - atom.Column);
        }
        return atom;
    }

    private CvExpression Atom()
    {
        var t = Peek;
        if (t.Kind == CvTokenKind.Number) { _p++; return new CvExpression.Number(t.Number, t.Column, t.Length); }
        if (Accept("("))
        {
            var e = Expr();
            Symbol(")");
            return e;
        }
        if (t.Kind == CvTokenKind.Ident)
        {
            _p++;
            if (Accept("("))
            {
                if (!CvExpression.Call.Functions.Contains(t.Text))
                    Fail(CvCodes.UnknownName, $"unknown function '{t.Text}'; the functions are {string.Join(", ", CvExpression.Call.Functions)}", t);
                var arg = Expr();
                var close = Peek;
                Symbol(")");
                return new CvExpression.Call(t.Text, arg, t.Column, close.Column + 1 - t.Column);
            }
            if (t.Text != "pi" && !_parameters.Any(p => p.Name == t.Text))
                Fail(CvCodes.UnknownName, $"unknown name '{t.Text}'" + (_parameters.Count > 0 ? $"; the parameters are {string.Join(", ", _parameters.Select(p => p.Name))}" : " (declare it with 'param')"), t);
            return new CvExpression.Name(t.Text, t.Column, t.Length);
        }
        throw Fail(CvCodes.Syntax, $"syntax error: expected a number, a name or '(', found {Describe(t)}", t);
    }

    private double Constant(CvExpression e)
    {
        if (e.Names().FirstOrDefault() is { Name: not null } n && n.Name is not null)
            Fail(CvCodes.Sweep, $"this value must be constant, but it uses the parameter '{n.Name}'", e.Column, e.Length);
        try
        {
            double v = e.Evaluate(new Dictionary<string, double>());
            if (!double.IsFinite(v)) Fail(CvCodes.Expression, $"{CvExpression.Format(v)} is not a finite number", e.Column, e.Length);
            return v;
        }
        catch (CvEvaluationException ex) { throw Fail(CvCodes.Expression, ex.Message, ex.Where.Column, ex.Where.Length); }
    }

    // ---- diagnostics ----

    private StatementError Fail(string code, string message, CvToken at) => Fail(code, message, at.Column, at.Length);

    private StatementError Fail(string code, string message, int column, int length)
    {
        Error(code, message, column, length, _line);
        throw new StatementError();
    }

    private void Error(string code, string message, int column, int length, int? line = null) =>
        _errors.Add(new CvDiagnostic(code, message, line ?? _line, column, length));

    private void Missing(string message, int? line = null) => Error(CvCodes.Missing, message, 1, 1, line ?? 1);
}
