using System.Diagnostics;
using SteeringRng.Certification.Bounds;
using SteeringRng.Certification.Seesaw;
using SteeringRng.Quantum;
using SteeringRng.Sdp;

namespace SteeringRng.Certification.Certify;

/// <summary>
/// Runs the requested bounds for an assemblage and a guess: the relaxations (NS, Glo, Q_k; lower bounds on
/// H_min) through the SteeringRng.Relaxation builders and the seesaw (H^Dim; an upper bound), all through one
/// injected solver, then checks their ordering. The smallest P_g among the relaxations solved to optimality (read
/// from the conservative side) is the seesaw's <see cref="SeesawOptions.Target"/>: it stops once an attack meets it. <see cref="Sweep"/> does this over a one-parameter family,
/// building each relaxation once and only swapping the data, with points run in parallel.
/// </summary>
public sealed class Certifier
{
    private readonly ISdpSolver _solver;

    public Certifier(ISdpSolver solver) => _solver = solver ?? throw new ArgumentNullException(nameof(solver));

    /// <param name="realisation">A state and measurements producing the data: needed only for the seesaw.</param>
    public CertificationPoint Certify(Assemblage data, GuessTarget guess, BoundRequest request,
        QuantumRealisation? realisation = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(guess);
        request.Validate();
        guess.ValidateAgainst(data.Settings);
        var relaxations = RelaxationCatalog.Build(data, guess, request);
        return Evaluate(double.NaN, relaxations, data, guess, realisation, request, cancellation);
    }

    /// <summary>
    /// The bounds at every parameter of a family (data, and optionally a realisation for the seesaw, per
    /// parameter). The relaxations are built at the first parameter and re-used with the data swapped.
    /// </summary>
    public IReadOnlyList<CertificationPoint> Sweep(IReadOnlyList<double> parameters,
        Func<double, (Assemblage Data, QuantumRealisation? Realisation)> family, GuessTarget guess, BoundRequest request,
        CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(family);
        ArgumentNullException.ThrowIfNull(guess);
        if (parameters.Count == 0) return [];
        request.Validate();
        var first = family(parameters[0]);
        guess.ValidateAgainst(first.Data.Settings);
        var built = RelaxationCatalog.Build(first.Data, guess, request);
        var points = new CertificationPoint[parameters.Count];
        Parallel.For(0, parameters.Count,
            new ParallelOptions { MaxDegreeOfParallelism = request.Parallelism, CancellationToken = cancellation },
            i =>
            {
                var (data, realisation) = i == 0 ? first : family(parameters[i]);
                var relaxations = i == 0 ? built : built.Select(r => RelaxationCatalog.WithData(r, data)).ToArray();
                points[i] = Evaluate(parameters[i], relaxations, data, guess, realisation, request, cancellation);
            });
        return points;
    }

    private CertificationPoint Evaluate(double parameter, IReadOnlyList<RelaxationCatalog.Entry> relaxations, Assemblage data,
        GuessTarget guess, QuantumRealisation? realisation, BoundRequest request, CancellationToken cancellation)
    {
        var results = new List<BoundResult>();
        double? target = request.Seesaw.Target;
        foreach (var entry in relaxations)
        {
            if (entry.Relaxation is null) { results.Add(entry.Failure!); continue; }
            var clock = Stopwatch.StartNew();
            var solution = _solver.Solve(entry.Relaxation.Problem, request.Sdp, cancellation);
            var result = entry.Relaxation.Read(solution, clock.Elapsed.TotalSeconds);
            results.Add(result);
            // The relaxations read P_g from the (P) side, an upper bound by weak duality; only a solve that reached
            // the optimum (not a near-optimal or failed one) is trusted as the seesaw's target. P_g ≤ 1 always.
            if (solution.Status == SdpStatus.Optimal && result.IsValid && result.GuessingProbability is > 0 and < double.PositiveInfinity)
                target = Math.Min(target ?? double.PositiveInfinity, Math.Min(1.0, result.GuessingProbability));
        }
        if (request.Dimension)
            results.Add(Dimension(data, guess, realisation, request with { Seesaw = request.Seesaw with { Target = target } }, cancellation));
        var check = BoundOrdering.Check(results, request.OrderingTolerance);
        return new CertificationPoint(parameter, check.Results, check.Errors);
    }

    private BoundResult Dimension(Assemblage data, GuessTarget guess, QuantumRealisation? realisation, BoundRequest request,
        CancellationToken cancellation)
    {
        if (realisation is null)
            return new BoundResult
            {
                Kind = BoundKind.Dimension, GuessingProbability = double.NaN, Status = BoundStatus.Failed,
                Statistics = SolverStatistics.None(_solver.Name),
                Message = "the seesaw needs a realisation of the data (a state and measurements) as its first start",
            };
        return new SeesawOptimizer(_solver, request.Seesaw).Run(data, guess, realisation, cancellation).ToBoundResult();
    }
}
