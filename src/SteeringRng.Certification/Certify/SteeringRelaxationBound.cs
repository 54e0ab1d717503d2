using SteeringRng.Certification.Bounds;
using SteeringRng.Quantum;
using SteeringRng.Relaxation.Steering;
using SteeringRng.Sdp;

namespace SteeringRng.Certification.Certify;

/// <summary>H^NS or H^Glo through the steering relaxation builders (formulations §1, §2).</summary>
internal sealed class SteeringRelaxationBound(BoundKind kind, GuessingRelaxation relaxation) : IRelaxationBound
{
    public BoundKind Kind => kind;
    public int Level => 0;
    public SdpProblem Problem => relaxation.Problem;

    public BoundResult Read(SdpSolution solution, double wallSeconds)
    {
        var value = relaxation.Evaluate(solution);
        return RelaxationReading.From(kind, 0, solution, value.GuessingProbability, wallSeconds);
    }

    /// <summary>
    /// The Glo relaxation was built on the grouped assemblage (all untrusted parties as one), so new data are
    /// grouped the same way before the swap.
    /// </summary>
    public IRelaxationBound WithData(Assemblage data) => new SteeringRelaxationBound(kind,
        relaxation.WithData(kind == BoundKind.Global ? AssemblageOperations.GroupUntrusted(data) : data));
}

/// <summary>How a relaxation's solve becomes a bound: a number only when the solver reached the optimum.</summary>
internal static class RelaxationReading
{
    /// <param name="guessingProbability">P_g from the dual side of the maximisation (an upper bound on P_g).</param>
    public static BoundResult From(BoundKind kind, int level, SdpSolution solution, double guessingProbability, double wallSeconds)
    {
        bool solved = solution.Status is SdpStatus.Optimal or SdpStatus.NearOptimal;
        return new BoundResult
        {
            Kind = kind, Level = level,
            GuessingProbability = solved ? guessingProbability : double.NaN,
            Status = solved ? BoundStatus.Valid : BoundStatus.Failed,
            Statistics = new SolverStatistics(solution.Solver, 1, solution.Iterations, solution.Seconds, wallSeconds),
            Message = solved ? (solution.Status == SdpStatus.NearOptimal ? "near-optimal solve" : "")
                : $"the {solution.Solver} solver ended with {solution.Status}{(solution.Message.Length > 0 ? ": " + solution.Message : "")}",
        };
    }
}
