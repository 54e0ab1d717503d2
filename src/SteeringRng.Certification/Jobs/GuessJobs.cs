using SteeringRng.Algebra;
using SteeringRng.Certification.Bounds;
using SteeringRng.Certification.Results;
using SteeringRng.Certification.Seesaw;
using SteeringRng.Quantum;
using SteeringRng.Relaxation;
using SteeringRng.Relaxation.Steering;

namespace SteeringRng.Certification.Jobs;

/// <summary>
/// The job of one bound for a guess objective (Eve guesses the outcomes of <see cref="GuessTarget.Parties"/> at
/// their settings): NS, Glo and Q_k relaxations (lower bounds on H) and the seesaw (an upper bound).
/// </summary>
public static class GuessJobs
{
    /// <param name="partyCount">The number of untrusted parties (Glo needs a joint guess of all of them).</param>
    /// <param name="symmetry">Reduce NS and Q_k by the data's symmetries (exact; false builds the full problem).</param>
    /// <param name="measured">The data are these measured probabilities, not the assemblage (null: the assemblage).</param>
    public static BoundJob For(string objective, GuessTarget guess, int partyCount, BoundSpec bound, bool symmetry = true,
        MeasuredDataForm? measured = null)
    {
        var (parties, settings) = (guess.Parties.ToArray(), guess.Settings.ToArray());
        if (measured is not null && bound is not BoundSpec.Dimension)
        {
            // The relaxation of the measured probabilities (docs/formulations/measured-probabilities.md); symmetry only
            // where the data determine σ (reconstructed), and only if the run allows it.
            var inner = For(objective, guess, partyCount, bound, symmetry);
            if (inner is not RelaxationJob) return inner;
            Func<Assemblage, bool, IRelaxation> build = bound switch
            {
                BoundSpec.NoSignalling => (a, sym) => Relaxations.NoSignalling(a, parties, settings, sym && symmetry),
                BoundSpec.Global => (a, _) => Relaxations.Global(a, settings),
                BoundSpec.Npa npa => (a, sym) => Relaxations.QLevel(a, parties, settings, NpaGeneratingSet.Of(npa), sym && symmetry),
                _ => throw new InvalidOperationException($"bound '{bound.Name}' has no measured-data form"),
            };
            var rank = ((RelaxationJob)inner).Rank!;
            return RelaxationJob.Guessing(objective, bound.Name, rank, data => Relaxations.MeasuredData(measured, data, build));
        }
        switch (bound)
        {
            case BoundSpec.NoSignalling:
                return RelaxationJob.Guessing(objective, bound.Name, BoundRank.NoSignalling,
                    (data, cancellation) => Relaxations.NoSignalling(data, parties, settings, symmetry, cancellation));
            case BoundSpec.Global:
                if (parties.Length != partyCount)
                    return new UnavailableJob(objective, bound.Name, RowStatus.NotApplicable,
                        "global is the bound for a joint guess of every untrusted node (docs/formulations/global.md)");
                return RelaxationJob.Guessing(objective, bound.Name, BoundRank.Global,
                    (data, cancellation) => Relaxations.Global(data, settings, symmetry, cancellation));
            case BoundSpec.Npa npa:
                return RelaxationJob.Guessing(objective, bound.Name, npa.Rank,
                    (data, cancellation) => Relaxations.QLevel(data, parties, settings, NpaGeneratingSet.Of(npa), symmetry, cancellation));
            case BoundSpec.Dimension seesaw:
                return new SeesawJob(objective, guess, seesaw.Options);
            default:
                return new UnavailableJob(objective, bound.Name, RowStatus.Error, $"bound '{bound.Name}' is not supported for guess objectives");
        }
    }
}
