using SteeringRng.Algebra;
using SteeringRng.Certification.Bounds;
using SteeringRng.Certification.Results;
using SteeringRng.Certification.Seesaw;
using SteeringRng.Relaxation;

namespace SteeringRng.Certification.Jobs;

/// <summary>
/// The job of one bound for a guess objective (Eve guesses the outcomes of <see cref="GuessTarget.Parties"/> at
/// their settings): NS, Glo and Q_k relaxations (lower bounds on H) and the seesaw (an upper bound).
/// </summary>
public static class GuessJobs
{
    /// <param name="partyCount">The number of untrusted parties (Glo needs a joint guess of all of them).</param>
    /// <param name="symmetry">Reduce NS and Q_k by the data's symmetries (exact; false builds the full problem).</param>
    public static BoundJob For(string objective, GuessTarget guess, int partyCount, BoundSpec bound, bool symmetry = true)
    {
        var (parties, settings) = (guess.Parties.ToArray(), guess.Settings.ToArray());
        switch (bound)
        {
            case BoundSpec.NoSignalling:
                return RelaxationJob.Guessing(objective, bound.Name, BoundRank.NoSignalling,
                    (data, cancellation) => Relaxations.NoSignalling(data, parties, settings, symmetry, cancellation));
            case BoundSpec.Global:
                if (parties.Length != partyCount)
                    return new UnavailableJob(objective, bound.Name, RowStatus.NotApplicable,
                        "global is the bound for a joint guess of every untrusted node (docs/formulations/global.md)");
                return RelaxationJob.Guessing(objective, bound.Name, BoundRank.Global, data => Relaxations.Global(data, settings));
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
