using System.Globalization;

namespace SteeringRng.Certification.Bounds;

/// <summary>
/// Checks the ordering the bounds must obey at one data point, H^Glo ≤ H^NS ≤ H^{Q1} ≤ H^{Q2} ≤ … ≤ H^Dim,
/// i.e. P_g^Glo ≥ P_g^NS ≥ P_g^{Q1} ≥ … ≥ P_g^Dim. A pair out of order by more than the tolerance (in P_g) means
/// at least one of the two numbers is wrong, so both are marked <see cref="BoundStatus.OrderingViolation"/> and the
/// violation is reported as an error instead of numbers.
/// </summary>
public static class BoundOrdering
{
    /// <summary>Default tolerance on P_g: a few times a typical solver accuracy.</summary>
    public const double DefaultTolerance = 1e-6;

    /// <summary>Position in the chain: Glo, NS, Q1, Q2, …, Dim.</summary>
    public static int Rank(BoundResult result) => result.Kind switch
    {
        BoundKind.Global => 0,
        BoundKind.NoSignalling => 1,
        BoundKind.Npa => 1 + Math.Max(result.Level, 1),
        BoundKind.Dimension => int.MaxValue,
        _ => throw new ArgumentOutOfRangeException(nameof(result), $"Unknown bound kind {result.Kind}."),
    };

    public static OrderingCheck Check(IReadOnlyList<BoundResult> results, double tolerance = DefaultTolerance)
    {
        if (!(tolerance >= 0)) throw new ArgumentException($"The tolerance must be non-negative, got {tolerance}.");
        var errors = new List<string>();
        var violated = new HashSet<int>();
        for (int i = 0; i < results.Count; i++)
            for (int j = 0; j < results.Count; j++)
            {
                var (looser, tighter) = (results[i], results[j]);
                if (i == j || !looser.IsValid || !tighter.IsValid || Rank(looser) >= Rank(tighter)) continue;
                // The looser relaxation allows Eve at least as much: P_g(looser) ≥ P_g(tighter).
                double excess = tighter.GuessingProbability - looser.GuessingProbability;
                if (excess > tolerance)
                {
                    violated.Add(i);
                    violated.Add(j);
                    errors.Add(string.Create(CultureInfo.InvariantCulture,
                        $"ordering violated: H^{looser.Name} ≤ H^{tighter.Name} must hold, but P_g^{tighter.Name} exceeds P_g^{looser.Name} by {excess:E2} (tolerance {tolerance:E1}); neither number is reliable"));
                }
            }
        var marked = results.Select((r, i) => violated.Contains(i)
            ? r with { Status = BoundStatus.OrderingViolation, Message = Join(r.Message, "contradicts another bound at this point") }
            : r).ToArray();
        return new OrderingCheck(marked, errors);
    }

    private static string Join(string a, string b) => a.Length == 0 ? b : $"{a}; {b}";
}

/// <summary>The results after the ordering check (violators marked) and one error line per violated pair.</summary>
public sealed record OrderingCheck(IReadOnlyList<BoundResult> Results, IReadOnlyList<string> Errors)
{
    public bool IsConsistent => Errors.Count == 0;
}
