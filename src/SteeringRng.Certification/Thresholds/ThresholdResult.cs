namespace SteeringRng.Certification.Thresholds;

/// <summary>
/// The threshold of one (objective, bound): the smallest parameter value past the threshold lies in [Lo, Hi] (not
/// past at Lo, past at Hi) when <see cref="Outcome"/> is bracketed; AtLo and AtHi are the evidence at both ends.
/// Below-range: past already at the range's low end (Hi = that end, Lo null). Above-range: not past at the high end
/// (Lo = that end, Hi null). Other outcomes carry no claim, only the evaluations and a message.
/// </summary>
public sealed record ThresholdResult
{
    public required string Objective { get; init; }
    public required string Bound { get; init; }
    public required ThresholdCriterion Criterion { get; init; }
    public required string Method { get; init; }
    public required string Outcome { get; init; }
    public double? Lo { get; init; }
    public double? Hi { get; init; }
    public ThresholdEvidence? AtLo { get; init; }
    public ThresholdEvidence? AtHi { get; init; }

    /// <summary>Every point solved, in the order solved (the ends, then the bisection steps; for the direct method the pure end first).</summary>
    public IReadOnlyList<ThresholdEvidence> Evaluations { get; init; } = [];

    /// <summary>
    /// Randomness, bracketed, white-noise family: the exact threshold (P_g &lt; 1, no tolerance) is at most this, by
    /// concavity (<see cref="ChordExtrapolation"/>); an estimate as accurate as the solver's values. Null otherwise.
    /// </summary>
    public double? ExactAtMost { get; init; }

    /// <summary>What was checked about monotonicity (or why it is only assumed).</summary>
    public string Monotonicity { get; init; } = "";

    /// <summary>Why there is no bracket, or a note on it; empty when there is nothing to say.</summary>
    public string Message { get; init; } = "";
    public double Seconds { get; init; }

    public double? Width => Lo is { } lo && Hi is { } hi ? hi - lo : null;
}
