using System.Globalization;
using SteeringRng.Certification.Input;
using SteeringRng.Certification.FiniteSize;
using SteeringRng.Certification.Protocol;
using SteeringRng.Cli.Output;
using SteeringRng.Reporting;

namespace SteeringRng.Cli.Commands;

/// <summary>
/// <c>steer plan PROTOCOL [--csv P] [--plot F] [--bits M]</c>: the protocol's commitment (its canonical hash, to be written
/// into it before any data) and its plan from the model: EAT rate against n next to the asymptotic rate (table, CSV and
/// figure, <see cref="RatePlot"/>), the point at the declared n, the n needed for the declared (or --bits) output. The
/// work is <see cref="ProtocolPlan"/>.
/// </summary>
public sealed class PlanCommand(CancellationToken external = default) : ICommand
{
    public string Name => "plan";

    public string Summary => "commit a spot-checking protocol (its SHA-256) and plan it: EAT rate vs n, n needed for the output bits";

    public string Usage => string.Join(Environment.NewLine,
    [
        "Usage: steer plan PROTOCOL [--csv PLAN.csv] [--plot PLAN.svg] [--bits M] [--optimise-reference]",
        "",
        "Prints the protocol's canonical form hash, the line 'commitment = sha256:…' to add to it before any data is taken",
        "(steer finite refuses an uncommitted or changed protocol), and the plan from the scenario's model at the declared",
        "γ, δ and ε's (docs/formulations/finite-protocol.md, finite-size.md): one relaxation solve gives the dual (α, λ); then",
        "for n = 10^3 … 10^14 the EAT rate per round next to the asymptotic (1 − γ) H_min, the entropy k = n·rate, the output",
        "m = ⌊k − 2 log2(1/ε_ext)⌋ and the completeness error ε_c; the point at the declared n; the smallest n for the",
        "declared output-bits (or M).",
        "",
        "  --csv PLAN.csv   the curve as CSV: rounds,rate,asymptotic_rate,entropy_bits,output_bits,completeness_error,beta",
        "  --plot PLAN.svg  the curve as a figure: EAT rate against n (log axis) and the asymptotic (1 − γ) H_min as a",
        "                   dashed line; .svg, .pdf or .png by the extension",
        "  --bits M         plan for M output bits instead of the declared output-bits",
        "  --optimise-reference  also find the reference v = (1 − η) w_exp + η·uniform of the min-tradeoff function that",
        "                   maximises the EAT rate at the declared n (about 17 relaxation solves) and print the line",
        "                   'reference-noise = η' to declare it (before committing: it is part of the protocol's hash)",
    ]);

    public int Execute(IReadOnlyList<string> arguments, TextWriter stdout, TextWriter stderr)
    {
        var o = PlanOptions.Parse(arguments);
        // Every output checked before the relaxation is solved.
        var outputs = new List<OutputTarget>();
        foreach (var (option, target) in new[] { ("--csv", o.Csv), ("--plot", o.Plot) })
        {
            if (target is null) continue;
            if (OutputCheck.Canonical(target) == OutputCheck.Canonical(o.Protocol))
                throw new InputException($"{option} '{target}' is the protocol file; writing it would destroy an input. Choose another path.");
            outputs.Add(new OutputTarget.DataFile(option, target));
        }
        OutputCheck.Check(outputs, []);
        var declared = ProtocolFile.Load(o.Protocol);
        var bound = BoundProtocol.Bind(declared);
        stdout.WriteLine($"protocol    {o.Protocol}: canonical form SHA-256 {bound.Hash}");
        stdout.WriteLine(declared.Commitment is null ? $"commit      add this line to the protocol before taking data:  commitment = sha256:{bound.Hash}"
            : declared.Commitment == bound.Hash ? "commit      the protocol's commitment line matches (committed)"
            : $"commit      the protocol's commitment sha256:{declared.Commitment} does NOT match: the parameters or scenario changed since");

        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(external);
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            cancellation.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        ProtocolPlan plan;
        try { plan = ProtocolPlan.Make(bound, o.Bits, null, cancellation.Token, o.OptimiseReference); }
        catch (OperationCanceledException)
        {
            stderr.WriteLine("steer plan: interrupted; nothing was written.");
            return ExitCodes.Interrupted;
        }
        catch (FiniteSizeInputException e) { throw new InputException($"{o.Protocol}: error {e.Message}"); }
        finally { Console.CancelKeyPress -= onCancel; }

        stdout.WriteLine($"model       {plan.Description}");
        stdout.WriteLine(Line("declared n", plan.AtDeclared));
        if (plan.BestReference is { } best)
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"reference   best at the declared n: reference-noise = {best.Noise:0.###} (EAT rate {best.Rate:0.000000} against {best.DeclaredRate:0.000000} with the declared reference-noise = {declared.ReferenceNoise:0.###}); declare it before committing"));
        if (plan.ForOutput is { } r)
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"needed      n = {r.Rounds:0} rounds for m = {r.RequestedBits} output bits (rate {r.Point.Rate:0.000000}, ε_c = {r.Point.CompletenessError:G3})"));
        stdout.WriteLine();
        stdout.WriteLine("  n            EAT rate     asymptotic   k (bits)         m (bits)         ε_c");
        foreach (var p in plan.Curve)
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {p.Rounds,-12:0.##e+00} {p.Rate,12:0.000000} {p.AsymptoticRate,12:0.000000} {p.Entropy,16:0} {p.OutputBits,16} {p.CompletenessError,10:G3}"));
        if (o.Csv is { } path)
        {
            AtomicFile.Write(path, temporary => File.WriteAllText(temporary, Csv(plan)));
            stdout.WriteLine($"wrote       {path}");
        }
        if (o.Plot is { } figure)
        {
            PlotResult? saved = null;
            AtomicFile.Write(figure, temporary => saved = RatePlot.Save(temporary, Path.GetFileName(o.Protocol),
                [new RateCurve("EAT rate", [.. plan.Curve.Select(p => p.Rounds)], [.. plan.Curve.Select(p => p.Rate)])],
                plan.AtDeclared.AsymptoticRate)); // the temporary file keeps the extension
            stdout.WriteLine($"wrote       {figure}");
            foreach (var line in saved!.Notes.Concat(saved.Warnings)) stdout.WriteLine($"note        {line}");
        }
        return ExitCodes.Optimal;
    }

    private static string Line(string what, PlanPoint p) => string.Create(CultureInfo.InvariantCulture,
        $"{what,-11} n = {p.Rounds:0}: EAT rate {p.Rate:0.000000} bits/round (asymptotic {p.AsymptoticRate:0.000000}), k = {p.Entropy:0} bits, m = {p.OutputBits} bits, ε_c = {p.CompletenessError:G3}");

    /// <summary>The curve as CSV (the project's one CSV writer, CRLF): invariant culture, round-trip digits.</summary>
    private static string Csv(ProtocolPlan plan) => CsvRecords.Write(plan.Curve
        .Select(p => (IReadOnlyList<string>)[R(p.Rounds), R(p.Rate), R(p.AsymptoticRate), R(p.Entropy),
            p.OutputBits.ToString(CultureInfo.InvariantCulture), R(p.CompletenessError), R(p.Beta)])
        .Prepend(["rounds", "rate", "asymptotic_rate", "entropy_bits", "output_bits", "completeness_error", "beta"]));

    private static string R(double x) => x.ToString("R", CultureInfo.InvariantCulture);
}
