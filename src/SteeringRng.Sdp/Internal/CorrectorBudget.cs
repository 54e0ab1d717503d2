namespace SteeringRng.Sdp.Internal;

/// <summary>
/// How many higher-order correctors an iteration may try, from what they cost against what they save. A corrector
/// reuses the Schur factor; it costs one triangular solve pair with the m×m factor and, per dense block of size n, a few
/// n×n products and two step-length eigenvalue problems. An iteration saved costs forming and factoring M again.
/// In rough cycles (measured with OpenBLAS on an AMD EPYC, where the m³/3 multiply–adds of the factorisation run at
/// ≈ 8 per cycle, the memory-bound solve at ≈ 1.4, and the n = 50…250 block work takes ≈ 5.6 n³ cycles per corrector):
///   iteration ≈ Schur + m³/24,   corrector ≈ 1.4 m² + 5.6 Σ_blocks n³,   ratio = iteration / corrector.
/// Correctors typically save a quarter to a third of the iterations when four are allowed; with the last (rejected)
/// candidate included they cost about K + 1 solves per iteration, so they pay from ratio ≈ 3 on:
///   K = clamp(⌊ratio⌋ − 2, 0, 4).
/// Examples: the NPA relaxation of I3322 at level 3 (n = 88, m = 867) has ratio ≈ 7 (K = 4), at level 2 (n = 28,
/// m = 153) ≈ 1.7 (K = 0); max-cut on 200 vertices (n = m = 200) ≈ 0.01 (K = 0).
/// </summary>
internal static class CorrectorBudget
{
    /// <summary>The largest budget chosen automatically (more did not save further iterations on I3322 level 3).</summary>
    public const int Automatic = 4;

    /// <summary>K for the problem, given the Schur complement's estimated cost per formation in rough cycles.</summary>
    public static int For(InternalProblem p, double schurCycles)
    {
        var m = (double)p.M;
        var iteration = schurCycles + m * m * m / 24;
        var blockWork = p.Layout.Where(l => !l.IsDiagonal).Sum(l => 5.6 * l.Dim * (double)l.Dim * l.Dim);
        var corrector = 1.4 * m * m + blockWork + p.TotalDim;
        return iteration > 0 && corrector > 0 ? (int)Math.Clamp(Math.Floor(iteration / corrector) - 2, 0, Automatic) : 0;
    }
}
