using SteeringRng.Certification.Bounds;
using SteeringRng.Certification.Jobs;
using SteeringRng.Certification.Results;
using SteeringRng.Certification.Run;
using SteeringRng.Certification.Seesaw;
using SteeringRng.Quantum;
using SteeringRng.Sdp;

namespace SteeringRng.Certification.Gaussian;

/// <summary>
/// The bounds of one guess objective, each relaxation built ONCE and re-used for every assemblage it is given
/// afterwards (every binning period tried by the search and every η2 point of a CV run): continuous-variables.md §7.
/// A CV assemblage has the same shape (settings, outcomes, Fock dimension) at every period and point, so the SDP's
/// structure can be kept and only its data swapped (<see cref="SteeringRng.Relaxation.IRelaxation.WithData"/>, through
/// <see cref="RelaxationCache"/> inside each <see cref="RelaxationJob"/>). WithData itself rebuilds whenever the new data
/// need another facial reduction or break the symmetry the structure was reduced by, so the value is that of a fresh
/// build (to solver precision; tested in ReusedRelaxationsTests). Before this, every period evaluation rebuilt the
/// relaxation: the symmetry search and assembly cost more than the solve.
/// Thread-safe: points and grid evaluations may run in parallel.
/// </summary>
public sealed class ReusedRelaxations
{
    private readonly IReadOnlyList<BoundJob> _jobs;
    private readonly SweepRunner _runner;
    private readonly object _gate = new();
    private PointInput? _first;
    private int _count;

    /// <param name="certify">Give rows a checked certificate (exact rational arithmetic). Off for the period search,
    /// whose values only choose the periods: the rows reported at the chosen periods are certified.</param>
    public ReusedRelaxations(GuessTarget guess, int partyCount, IReadOnlyList<BoundSpec> bounds, ISdpSolver solver, RunSettings settings,
        bool certify)
    {
        _jobs = bounds.Select(b =>
        {
            var job = GuessJobs.For("guess", guess, partyCount, b, settings.Symmetry);
            if (job is RelaxationJob r) r.Certify = certify;
            return job;
        }).ToArray();
        _runner = new SweepRunner(solver, settings.Sdp);
    }

    /// <summary>Every bound at these data (rows as <see cref="CertificationEngine.Certify"/> gives them, ordering checked).</summary>
    public IReadOnlyList<ResultRow> Run(Assemblage data, CancellationToken cancellation = default) => Run(data, null, cancellation);

    /// <summary>As above, with a model of the data for a seesaw bound (computed only if a seesaw asks for it).</summary>
    public IReadOnlyList<ResultRow> Run(Assemblage data, Func<QuantumRealisation?>? realisation, CancellationToken cancellation = default)
    {
        PointInput point;
        lock (_gate)
        {
            // The first data given are where every relaxation is built (RelaxationCache builds at SweepStart); later
            // data only swap the constants in.
            point = new PointInput(_count++, ParameterSet.Empty, () => data, realisation, sweepStart: _first);
            _first ??= point;
        }
        return _runner.RunPoint(point, _jobs, cancellation);
    }
}
