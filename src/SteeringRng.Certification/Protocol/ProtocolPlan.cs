using SteeringRng.Certification.FiniteSize;
using SteeringRng.Sdp;

namespace SteeringRng.Certification.Protocol;

/// <summary>
/// The plan of a declared protocol from its model (docs/formulations/finite-protocol.md §3): the EAT rate per round
/// against n (next to the asymptotic (1 − γ)·H_min of the same dual) on a log grid, the point at the declared n, and the
/// smallest n for the declared output length (RatePlanner of the finite-size library; one relaxation solve in all).
/// </summary>
public sealed record ProtocolPlan(BoundProtocol Protocol, IReadOnlyList<PlanPoint> Curve, PlanPoint AtDeclared, RoundsPlan? ForOutput, string Description)
{
    /// <summary>n = 10^3 … 10^14 in steps of 10^0.25: the curve's grid.</summary>
    public static IEnumerable<double> Grid => RatePlanner.LogGrid(3, 14, 0.25);

    public static ProtocolPlan Make(BoundProtocol protocol, long? outputBits, ISdpSolver? solver, CancellationToken cancel)
    {
        var program = new SteeringGuessingProgram(protocol.Run.Model, protocol.Guess, protocol.Spec, solver);
        var parameters = FiniteSizeRunAnalysis.Parameters(protocol, program.Statistics.Count);
        var expected = protocol.ExpectedProbabilities;
        var eat = FiniteSizeAnalysis.Eat(program, parameters, expected, cancel: cancel);
        var curve = RatePlanner.Curve(program, eat.Dual, parameters, expected, Grid, cancel);
        var at = RatePlanner.PointAt(program, eat.Dual, parameters, expected);
        var bits = outputBits ?? protocol.Declared.OutputBits;
        var rounds = bits is { } m ? RatePlanner.RoundsFor(program, eat.Dual, parameters.WithRounds, expected, m, cancel) : null; // at the declared δ
        return new ProtocolPlan(protocol, curve, at, rounds, program.Description + (eat.Dual.Certified ? "; dual certified: " + eat.Dual.Method : "; dual NOT certified: " + eat.Dual.Method));
    }
}
