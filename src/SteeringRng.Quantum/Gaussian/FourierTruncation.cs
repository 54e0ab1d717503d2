namespace SteeringRng.Quantum.Gaussian;

/// <summary>
/// How many Fourier terms of the periodic bins to keep, with a proven bound on what the rest contributes
/// (continuous-variables.md §5). Keeping |j_k| ≤ J_k (ω_k = 2πj_k/T_k), every matrix element of every σ_{b|y} is off by at most
///   E = A · Σ_k R_k Π_{l≠k} W_l,  A = prefactor · Pol(t_J) e^{−¼λ t_J²},  t_J = min_k 2π(J_k+1)/T_k,
/// where |⟨m|O(ω)|n⟩| ≤ prefactor · Pol(|ω|) e^{−½λ|ω|²} (<see cref="HomodyneCharacteristic.Bound"/>), Pol has degree ≤ 2K
/// and nonnegative coefficients, so Pol(t)e^{−¼λt²} decreases for t² > 4K/λ (then B(|ω|) ≤ A e^{−¼λ|ω|²} off the box);
/// with a_k = ¼λ(2π/T_k)² and |d_{b,j}| ≤ min(1/n, 1/(π|j|)):
///   R_k = Σ_{|j|>J_k} |d| e^{−a_k j²} ≤ 2 e^{−a_k(J_k+1)²} / (π (J_k+1) (1 − e^{−a_k(2J_k+3)})),
///   W_l = Σ_j |d| e^{−a_l j²} ≤ 1/n_l + (2/π) e^{−a_l}/(1 − e^{−a_l}).
/// </summary>
public static class FourierTruncation
{
    /// <summary>The largest number of Fourier terms (product over parties) one setting tuple may need before we refuse.</summary>
    public const long MaxTerms = 50_000_000;

    /// <summary>J_k per party and the bound E they guarantee, for the target <paramref name="tolerance"/>.</summary>
    /// <exception cref="InvalidOperationException">More than <see cref="MaxTerms"/> terms would be needed (periods too large for the state's narrowest quadrature).</exception>
    public static (int[] Terms, double Bound) Choose(HomodyneCharacteristic o, IReadOnlyList<HomodyneSetting> settings, int cutoff, double tolerance)
    {
        int m = settings.Count;
        if (m == 0) return ([], 0);
        double lambda = o.SmallestDecay;
        // Start at the frequency where the Gaussian factor alone is below the tolerance, then grow until the proven bound is.
        double omega = Math.Sqrt(Math.Max(4.0 * cutoff / lambda + 1e-12, 4 * Math.Log(1 / tolerance) / lambda));
        for (int attempt = 0; attempt < 200; attempt++, omega *= 1.1)
        {
            var j = settings.Select(s => Math.Max(1, (int)Math.Ceiling(omega * s.Period / (2 * Math.PI)))).ToArray();
            long terms = j.Aggregate(1L, (p, x) => p * (2L * x + 1));
            if (terms > MaxTerms)
                throw new InvalidOperationException(
                    $"the binned homodyne sum needs more than {MaxTerms} Fourier terms (narrowest measured variance {lambda:G3}, periods {string.Join(", ", settings.Select(s => s.Period))})");
            double bound = Bound(o, settings, j, cutoff);
            if (bound <= tolerance) return (j, bound);
        }
        throw new InvalidOperationException("the Fourier truncation did not reach its tolerance");
    }

    /// <summary>E for given J_k (infinite when the monotonicity condition t_J² > 4K/λ fails).</summary>
    public static double Bound(HomodyneCharacteristic o, IReadOnlyList<HomodyneSetting> settings, int[] j, int cutoff)
    {
        double lambda = o.SmallestDecay;
        double tJ = settings.Select((s, k) => s.Frequency(j[k] + 1)).Min();
        if (tJ * tJ <= 4.0 * cutoff / lambda) return double.PositiveInfinity;
        double a = o.Bound(tJ) * Math.Exp(0.25 * lambda * tJ * tJ); // prefactor · Pol(t_J) e^{−¼λ t_J²}
        var rest = new double[settings.Count];
        var whole = new double[settings.Count];
        for (int k = 0; k < settings.Count; k++)
        {
            double ak = 0.25 * lambda * Math.Pow(2 * Math.PI / settings[k].Period, 2);
            int jk = j[k];
            rest[k] = 2 * Math.Exp(-ak * (jk + 1.0) * (jk + 1.0)) / (Math.PI * (jk + 1) * (1 - Math.Exp(-ak * (2.0 * jk + 3))));
            whole[k] = 1.0 / settings[k].Bins + 2 / Math.PI * Math.Exp(-ak) / (1 - Math.Exp(-ak));
        }
        double sum = 0;
        for (int k = 0; k < settings.Count; k++)
        {
            double term = rest[k];
            for (int l = 0; l < settings.Count; l++) if (l != k) term *= whole[l];
            sum += term;
        }
        return a * sum;
    }
}
