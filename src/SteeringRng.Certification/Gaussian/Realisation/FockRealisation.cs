using System.Numerics;
using MathNet.Numerics.LinearAlgebra;
using SteeringRng.Certification.Seesaw;
using SteeringRng.Quantum;
using SteeringRng.Quantum.Gaussian;

namespace SteeringRng.Certification.Gaussian.Realisation;

/// <summary>
/// A finite-dimensional quantum model of a CV assemblage, the seesaw's first start (continuous-variables.md §9):
/// Alice's mode cut at K photons (as the data are), each untrusted mode at d − 1 photons, with the compressed
/// binned-homodyne effects P Π_b P:
/// <code>
///   ρ_R = Π ρ Π / Tr[Π ρ Π],   Π = Π_K ⊗ P_d ⊗ … ⊗ P_d,   M_{b|y} = P_d Π_{b|y} P_d  (a POVM on C^d),
///   σ^R_{b|y} = Tr_U[(I ⊗ M_{b_1|y_1} ⊗ …) ρ_R] = Π_K Tr_U[(I ⊗ P Π_{b_1|y_1} P ⊗ …) ρ] Π_K / Tr[Π ρ Π].
/// </code>
/// It reproduces the renormalised data exactly whenever Π_K ρ Π_K lives on at most d − 1 photons per untrusted mode:
/// in the Fig. 4 network Alice's photon number equals the total photon number of Bob's and Charlie's modes (a two-mode
/// squeezed vacuum whose second arm is split with the vacuum), so d = K + 1 is exact. In general the tail is not zero;
/// <see cref="Build"/> takes the smallest d ≤ the seesaw's dimension whose model reproduces the data to
/// <see cref="Tolerance"/>, and the seesaw's own start check and final attack check (exact arithmetic) decide.
/// </summary>
public static class FockRealisation
{
    /// <summary>A model is used only if its assemblage is this close (entry-wise) to the data.</summary>
    public const double Tolerance = 1e-9;

    /// <summary>The model in local dimension d for every untrusted party.</summary>
    /// <param name="state">The network's output state.</param>
    /// <param name="trustedMode">Alice's mode.</param>
    /// <param name="cutoff">K, Alice's cut-off.</param>
    /// <param name="untrustedModes">One mode per untrusted party.</param>
    /// <param name="settings">Per party its binned homodyne settings (at the point's periods).</param>
    public static QuantumRealisation AtDimension(GaussianState state, int trustedMode, int cutoff, IReadOnlyList<int> untrustedModes,
        IReadOnlyList<IReadOnlyList<HomodyneSetting>> settings, int dimension)
    {
        var modes = new[] { trustedMode }.Concat(untrustedModes).ToArray();
        var v = new double[2 * modes.Length, 2 * modes.Length];
        for (int i = 0; i < 2 * modes.Length; i++)
            for (int j = 0; j < 2 * modes.Length; j++)
                v[i, j] = state[2 * modes[i / 2] + i % 2, 2 * modes[j / 2] + j % 2];
        var cutoffs = new[] { cutoff }.Concat(untrustedModes.Select(_ => dimension - 1)).ToArray();
        var projected = MultimodeFock.Elements(v, cutoffs);
        var trace = projected.Diagonal().Sum().Real;
        var rho = projected / trace;
        rho = (rho + rho.ConjugateTranspose()) / 2;
        var povms = settings.Select(party => (IReadOnlyList<IReadOnlyList<Matrix<Complex>>>)party
            .Select(s => BinnedHomodyneEffects.Of(s, dimension)).ToArray()).ToArray();
        return new QuantumRealisation(rho, cutoff + 1, untrustedModes.Select(_ => dimension).ToArray(), povms);
    }

    /// <summary>Max entry-wise |σ^R_{a|x} − σ^data_{a|x}|.</summary>
    public static double Deviation(QuantumRealisation realisation, Assemblage data)
    {
        var produced = realisation.Assemblage();
        double worst = 0;
        foreach (var x in data.SettingTuples())
            foreach (var a in data.OutcomeTuples())
            {
                var p = produced[a, x];
                var q = data[a, x];
                for (int i = 0; i < q.GetLength(0); i++)
                    for (int j = 0; j < q.GetLength(1); j++) worst = Math.Max(worst, (p[i, j] - q[i, j]).Magnitude);
            }
        return worst;
    }

    /// <summary>
    /// The smallest d from K + 1 to <paramref name="maxDimension"/> whose model reproduces <paramref name="data"/> to
    /// <see cref="Tolerance"/>, or null with the reason (the best deviation reached).
    /// </summary>
    public static (QuantumRealisation? Model, string Reason) Build(GaussianState state, int trustedMode, int cutoff, IReadOnlyList<int> untrustedModes,
        IReadOnlyList<IReadOnlyList<HomodyneSetting>> settings, Assemblage data, int maxDimension, CancellationToken cancellation = default)
    {
        double best = double.PositiveInfinity;
        for (int d = Math.Min(cutoff + 1, maxDimension); d <= maxDimension; d++)
        {
            cancellation.ThrowIfCancellationRequested();
            var model = AtDimension(state, trustedMode, cutoff, untrustedModes, settings, d);
            double deviation = Deviation(model, data);
            if (deviation <= Tolerance) return (model, FormattableString.Invariant($"Fock model in local dimension {d} (deviation {deviation:E1})"));
            best = Math.Min(best, deviation);
        }
        return (null, FormattableString.Invariant(
            $"no Fock-truncated model in local dimension <= {maxDimension} reproduces the data (best deviation {best:E2} > {Tolerance:E0}); raise the seesaw dimension"));
    }
}
