namespace SteeringRng.Sdp.Tests;

/// <summary>
/// The same SDP in other units. Each mode multiplies one part of the data by s and says what the optimum becomes:
/// C ↦ sC scales the optimum by s; b ↦ sb (X ↦ sX) scales it by s; (A_i, b_i) ↦ (sA_i, sb_i) leaves the feasible
/// set and the optimum as they are (y ↦ y/s).
/// </summary>
public enum ScaleMode
{
    Objective,
    RightHandSide,
    Constraints,
}

public static class ScaledProblems
{
    public static SdpProblem Scale(SdpProblem p, ScaleMode mode, double s) => mode switch
    {
        ScaleMode.Objective => new SdpProblem(p.Blocks, Times(p.C, s), p.A, p.B),
        ScaleMode.RightHandSide => new SdpProblem(p.Blocks, p.C, p.A, p.B.Select(v => v * s).ToArray()),
        _ => new SdpProblem(p.Blocks, p.C, p.A.Select(a => Times(a, s)).ToArray(), p.B.Select(v => v * s).ToArray()),
    };

    /// <summary>The factor by which the optimum changes.</summary>
    public static double OptimumFactor(ScaleMode mode, double s) => mode == ScaleMode.Constraints ? 1 : s;

    private static SdpMatrix Times(SdpMatrix m, double s) =>
        new(m.Entries.Select(e => e with { Value = e.Value * s, Imag = e.Imag * s }).ToArray());
}
