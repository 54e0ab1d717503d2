using SteeringRng.Certification.Bounds;
using SteeringRng.Certification.Seesaw;
using SteeringRng.Quantum;
using SteeringRng.Relaxation.Steering;

namespace SteeringRng.Certification.Certify;

/// <summary>Builds the requested relaxations; a relaxation that cannot be built becomes a failed result with the reason.</summary>
internal static class RelaxationCatalog
{
    /// <summary>A built relaxation, or the failed result explaining why it could not be built.</summary>
    public sealed record Entry(IRelaxationBound? Relaxation, BoundResult? Failure);

    public static IReadOnlyList<Entry> Build(Assemblage data, GuessTarget guess, BoundRequest request)
    {
        var entries = new List<Entry>();
        if (request.Global)
            entries.Add(IsJointOverAll(guess, data.PartyCount)
                ? Try(BoundKind.Global, 0, () => new SteeringRelaxationBound(BoundKind.Global,
                    SteeringRelaxations.Global(data, guess.Settings.ToArray())))
                : Failed(BoundKind.Global, 0, "H^Glo needs a joint guess of every untrusted party"));
        if (request.NoSignalling)
            entries.Add(Try(BoundKind.NoSignalling, 0, () => NoSignalling(data, guess)));
        foreach (var level in request.NpaLevels)
            entries.Add(Try(BoundKind.Npa, level, () => new NpaRelaxationBound(level,
                SteeringRng.Relaxation.Relaxations.QLevel(data, guess.Parties.ToArray(), guess.Settings.ToArray(),
                    level.ToString(System.Globalization.CultureInfo.InvariantCulture)))));
        return entries;
    }

    /// <summary>
    /// H^NS: the symmetry-reduced Q at level 0 when the data have a symmetry that merges Eve's guesses (the same
    /// program, much smaller: GHZ with N = 4, d = 3 goes from tens of thousands of variables to a few hundred), else
    /// the plain no-signalling program.
    /// </summary>
    private static IRelaxationBound NoSignalling(Assemblage data, GuessTarget guess)
    {
        if (SteeringRng.Relaxation.Relaxations.TryNoSignallingBySymmetry(data, guess.Parties.ToArray(), guess.Settings.ToArray(), out var reduced))
            return new NpaRelaxationBound(0, reduced, BoundKind.NoSignalling);
        return new SteeringRelaxationBound(BoundKind.NoSignalling,
            SteeringRelaxations.NoSignalling(data, guess.Parties.ToArray(), guess.Settings.ToArray()));
    }

    /// <summary>The same relaxation for new data; data it refuses become a failed result for that point.</summary>
    public static Entry WithData(Entry entry, Assemblage data)
    {
        if (entry.Relaxation is not { } relaxation) return entry;
        return Try(relaxation.Kind, relaxation.Level, () => relaxation.WithData(data));
    }

    private static bool IsJointOverAll(GuessTarget guess, int partyCount) =>
        guess.Parties.Count == partyCount;

    /// <summary>Builds one relaxation; data a builder refuses (ArgumentException) becomes a failed result with its reason.</summary>
    private static Entry Try(BoundKind kind, int level, Func<IRelaxationBound> build)
    {
        try { return new Entry(build(), null); }
        catch (ArgumentException refused) { return Failed(kind, level, refused.Message); }
    }

    private static Entry Failed(BoundKind kind, int level, string message) => new(null, new BoundResult
    {
        Kind = kind, Level = level, GuessingProbability = double.NaN, Status = BoundStatus.Failed,
        Statistics = SolverStatistics.None("none"), Message = message,
    });
}
