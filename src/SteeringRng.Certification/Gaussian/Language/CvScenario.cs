using SteeringRng.Certification.Bounds;

namespace SteeringRng.Certification.Gaussian.Language;

/// <summary>A parameter: swept values (a range or a single constant) or derived from earlier parameters.</summary>
public sealed record CvParameter(string Name, IReadOnlyList<double>? Values, CvExpression? Derived, int Line);

/// <summary>One element of the optical network, applied in order to the modes (continuous-variables.md §2).</summary>
public abstract record CvOperation(int Line)
{
    public sealed record Squeeze(int Mode, CvExpression Angle, CvExpression Amount, bool Decibels, int Line) : CvOperation(Line);
    public sealed record BeamSplitter(int First, int Second, CvExpression Transmission, int Line) : CvOperation(Line);
    public sealed record Phase(int Mode, CvExpression Angle, int Line) : CvOperation(Line);
    public sealed record Loss(int Mode, CvExpression Transmission, int Line) : CvOperation(Line);
    public sealed record Thermal(int Mode, CvExpression MeanPhotons, int Line) : CvOperation(Line);
}

/// <summary>How a setting's binning period is chosen.</summary>
public abstract record CvPeriod
{
    public sealed record Fixed(CvExpression Value) : CvPeriod;
    /// <summary>T = 2πn/T_first, the period of the node's first setting (mutual unbiasedness, §4).</summary>
    public sealed record Unbiased : CvPeriod;
    /// <summary>Searched over [Lower, Upper] (§7).</summary>
    public sealed record Optimise(double Lower, double Upper) : CvPeriod;
}

public sealed record CvSetting(string Label, CvExpression Angle, CvPeriod Period, int Line);

public sealed record CvNode(string Name, bool Trusted, int Mode, int Cutoff, int Line);

public sealed record CvObjective(string Name, IReadOnlyList<(int Party, int Setting)> Targets, int Line);

/// <summary>A checked continuous-variable scenario (continuous-variables.md §8): every value already validated at every sweep point.</summary>
public sealed record CvScenario(
    string Title,
    IReadOnlyList<CvParameter> Parameters,
    IReadOnlyList<string> Modes,
    IReadOnlyList<CvOperation> Operations,
    CvNode Trusted,
    IReadOnlyList<CvNode> Untrusted,
    IReadOnlyList<IReadOnlyList<CvSetting>> Settings,
    IReadOnlyList<int> Bins,
    IReadOnlyList<CvObjective> Objectives,
    IReadOnlyList<BoundSpec> Bounds,
    bool Renormalise,
    BinningPeriodSearch Search,
    string? Table,
    string? Plot)
{
    /// <summary>The sweep: every combination of the parameters' values (first declared slowest), derived ones computed.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, double>> Points()
    {
        var points = new List<Dictionary<string, double>> { new() };
        foreach (var p in Parameters)
        {
            if (p.Values is { } values)
                points = points.SelectMany(pt => values.Select(v => new Dictionary<string, double>(pt) { [p.Name] = v })).ToList();
            else
                foreach (var pt in points) pt[p.Name] = p.Derived!.Evaluate(pt);
        }
        return points;
    }

    /// <summary>Names of the parameters that take more than one value.</summary>
    public IReadOnlyList<string> SweptNames => Parameters.Where(p => p.Values is { Count: > 1 }).Select(p => p.Name).ToArray();
}
