using System.Numerics;

namespace SteeringRng.Quantum.Gaussian;

/// <summary>
/// The assemblage of a Gaussian network with a trusted mode cut off in the Fock basis and untrusted parties doing binned
/// homodyne measurements (continuous-variables.md §3–§6):
///   σ_{b|y} = Π_K Tr_U[(I ⊗ χ_{b_1|y_1}(q̂_1) ⊗ … ) ρ] Π_K = Σ_{j ∈ Z^m} Π_k d_{b_k,j_k} O(ω_j),   |j_k| ≤ J_k,
/// with Π_K the projector onto {|0⟩, …, |K⟩}, d the bins' Fourier coefficients (<see cref="HomodyneSetting.FourierCoefficient"/>)
/// and O(ω) the closed form of <see cref="HomodyneCharacteristic"/>. Every matrix element is within <see cref="ErrorBound"/>
/// of the exact projection. No-signalling is exact by construction: Σ_b d_{b,j} = δ_{j,0}, so the marginal of a party is
/// the j = 0 term, whatever its setting.
/// </summary>
public sealed class GaussianAssemblage
{
    /// <summary>The largest Fock cut-off: the engine's trusted dimension limit is 64 (K + 1 ≤ 64).</summary>
    public const int MaxCutoff = 63;

    private GaussianAssemblage(Assemblage projected, double success, double errorBound, int[][] terms)
    {
        Projected = projected;
        SuccessProbability = success;
        ErrorBound = errorBound;
        Terms = terms;
    }

    /// <summary>The projected, sub-normalised assemblage Π_K σ Π_K: Tr Σ_b σ_{b|y} = <see cref="SuccessProbability"/>.</summary>
    public Assemblage Projected { get; }

    /// <summary>
    /// The projected assemblage divided by Tr Σ_b σ_{b|y}: the data conditioned on Alice's projection onto the Fock span
    /// succeeding (the reading that reproduces the paper; continuous-variables.md §6).
    /// </summary>
    public Assemblage Renormalised => AssemblageOperations.Combine(1 / SuccessProbability, Projected, 0, Projected);

    /// <summary>p_K = Σ_{n ≤ K} ⟨n|ρ_A|n⟩: the probability that Alice's projection onto {|0⟩, …, |K⟩} succeeds.</summary>
    public double SuccessProbability { get; }

    /// <summary>A proven bound on |computed − exact| of every matrix element of every block of <see cref="Projected"/> (the truncated Fourier tail).</summary>
    public double ErrorBound { get; }

    /// <summary>Terms[y-tuple index][k] = J_k: the Fourier terms kept per party at each setting tuple.</summary>
    public IReadOnlyList<int[]> Terms { get; }

    /// <param name="state">The network's output state.</param>
    /// <param name="trustedMode">Alice's mode (cut off at K).</param>
    /// <param name="untrustedModes">One mode per untrusted party, in party order.</param>
    /// <param name="settings">Per party its settings; all settings of one party must have the same number of bins.</param>
    /// <param name="cutoff">K: Alice's Fock space is {|0⟩, …, |K⟩}, dimension K + 1.</param>
    /// <param name="tolerance">Target for the proven truncation error of each matrix element.</param>
    public static GaussianAssemblage Build(GaussianState state, int trustedMode, IReadOnlyList<int> untrustedModes,
        IReadOnlyList<IReadOnlyList<HomodyneSetting>> settings, int cutoff, double tolerance = 1e-15)
    {
        if (cutoff < 0 || cutoff > MaxCutoff) throw new ArgumentOutOfRangeException(nameof(cutoff), $"The Fock cut-off must be between 0 and {MaxCutoff}, got {cutoff}.");
        if (untrustedModes.Count == 0 || untrustedModes.Count != settings.Count)
            throw new ArgumentException("Give one mode and a list of settings per untrusted party.");
        for (int p = 0; p < settings.Count; p++)
        {
            if (settings[p].Count == 0) throw new ArgumentException($"Party {p} has no settings.");
            if (settings[p].Any(s => s.Bins != settings[p][0].Bins))
                throw new ArgumentException($"Party {p}: every setting needs the same number of bins.");
        }
        int k = settings.Count, d = cutoff + 1;
        var settingCounts = settings.Select(s => s.Count).ToArray();
        var outcomeCounts = settings.Select(s => s[0].Bins).ToArray();
        var blocks = new Dictionary<(int, int), Complex[,]>();
        var terms = new List<int[]>();
        double worst = 0;
        var reduced = new HomodyneCharacteristic(state, trustedMode, [], cutoff).At([]);
        double success = 0;
        for (int n = 0; n < d; n++) success += reduced[n, n].Real;

        int settingIndex = 0;
        foreach (var y in Assemblage.Tuples(settingCounts))
        {
            var chosen = Enumerable.Range(0, k).Select(p => settings[p][y[p]]).ToArray();
            var o = new HomodyneCharacteristic(state, trustedMode, Enumerable.Range(0, k).Select(p => (untrustedModes[p], chosen[p].Angle)).ToArray(), cutoff);
            var (j, bound) = FourierTruncation.Choose(o, chosen, cutoff, tolerance);
            terms.Add(j);
            worst = Math.Max(worst, bound);
            var sums = Accumulate(o, chosen, j, d);
            int outcomeIndex = 0;
            foreach (var _ in Assemblage.Tuples(outcomeCounts))
            {
                blocks[(settingIndex, outcomeIndex)] = Hermitian(sums[outcomeIndex]);
                outcomeIndex++;
            }
            settingIndex++;
        }
        int IndexOf(int[] t, int[] radix) { int i = 0; for (int p = 0; p < t.Length; p++) i = i * radix[p] + t[p]; return i; }
        var assemblage = new Assemblage(d, settingCounts, outcomeCounts,
            (a, x) => blocks[(IndexOf(x, settingCounts), IndexOf(a, outcomeCounts))]);
        return new GaussianAssemblage(assemblage, success, worst, [.. terms]);
    }

    /// <summary>Σ_j Π_k d_{b_k,j_k} O(ω_j) for every outcome tuple b (index lexicographic, last party fastest).</summary>
    private static Complex[][,] Accumulate(HomodyneCharacteristic o, HomodyneSetting[] chosen, int[] j, int d)
    {
        int k = chosen.Length;
        var bins = chosen.Select(s => s.Bins).ToArray();
        int outcomes = bins.Aggregate(1, (p, x) => p * x);
        var sums = new Complex[outcomes][,];
        for (int b = 0; b < outcomes; b++) sums[b] = new Complex[d, d];
        // Per party, the coefficients d_{b,j} for every b and |j| ≤ J (zero for nonzero multiples of n: those terms are skipped).
        var coefficients = new Complex[k][,];
        for (int p = 0; p < k; p++)
        {
            coefficients[p] = new Complex[bins[p], 2 * j[p] + 1];
            for (int b = 0; b < bins[p]; b++)
                for (int t = -j[p]; t <= j[p]; t++) coefficients[p][b, t + j[p]] = chosen[p].FourierCoefficient(b, t);
        }
        var index = new int[k];
        var omega = new double[k];
        var weight = new Complex[outcomes];
        var radix = j.Select(x => 2 * x + 1).ToArray();
        foreach (var t in Assemblage.Tuples(radix))
        {
            bool skip = false;
            for (int p = 0; p < k; p++)
            {
                index[p] = t[p] - j[p];
                if (index[p] != 0 && index[p] % bins[p] == 0) { skip = true; break; }
                omega[p] = chosen[p].Frequency(index[p]);
            }
            if (skip) continue;
            var value = o.At(omega);
            // weight_b = Π_p d_{b_p, j_p}
            for (int b = 0; b < outcomes; b++)
            {
                Complex w = 1;
                int rem = b;
                for (int p = k - 1; p >= 0; p--)
                {
                    w *= coefficients[p][rem % bins[p], t[p]];
                    rem /= bins[p];
                }
                weight[b] = w;
            }
            for (int m = 0; m < d; m++)
                for (int n = 0; n < d; n++)
                {
                    var v = value[m, n];
                    for (int b = 0; b < outcomes; b++) sums[b][m, n] += weight[b] * v;
                }
        }
        return sums;
    }

    /// <summary>(M + M†)/2: the truncated sum is Hermitian up to rounding (terms ±j are adjoint pairs).</summary>
    private static Complex[,] Hermitian(Complex[,] m)
    {
        int d = m.GetLength(0);
        var h = new Complex[d, d];
        for (int i = 0; i < d; i++)
            for (int l = 0; l < d; l++) h[i, l] = (m[i, l] + Complex.Conjugate(m[l, i])) / 2;
        return h;
    }
}
