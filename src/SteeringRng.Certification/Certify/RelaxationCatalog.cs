using SteeringRng.Certification.Bounds;
using SteeringRng.Certification.Seesaw;
using SteeringRng.Quantum;

namespace SteeringRng.Certification.Certify;

/// <summary>Builds the requested relaxations; a relaxation that cannot be built becomes a failed result with the reason.</summary>
internal static class RelaxationCatalog
{
    /// <summary>A built relaxation, or the failed result explaining why it could not be built.</summary>
    public sealed record Entry(IRelaxationBound? Relaxation, BoundResult? Failure);

    public static IReadOnlyList<Entry> Build(Assemblage data, GuessTarget guess, BoundRequest request)
    {
        var entries = new List<Entry>();
        if (request.Global) entries.Add(Unavailable(BoundKind.Global, 0));
        if (request.NoSignalling) entries.Add(Unavailable(BoundKind.NoSignalling, 0));
        foreach (var level in request.NpaLevels) entries.Add(Unavailable(BoundKind.Npa, level));
        return entries;
    }

    private static Entry Unavailable(BoundKind kind, int level) => new(null, new BoundResult
    {
        Kind = kind, Level = level, GuessingProbability = double.NaN, Status = BoundStatus.Failed,
        Statistics = SolverStatistics.None("none"), Message = "this relaxation's builder is not in this build yet",
    });
}
