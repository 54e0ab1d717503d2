using MathNet.Numerics.Integration;
using Complex = System.Numerics.Complex;

namespace SteeringRng.Quantum.Tests.Gaussian;

/// <summary>
/// An independent model of the Fig. 4 network for the tests: a pure 3-mode state vector in the Fock basis with total
/// photon number ≤ N (passive optics conserve it, so the network is exact there; only the squeezed inputs' tails beyond N
/// are dropped), and binned homodyne POVMs as (N+1)×(N+1) matrices of Hermite-function integrals by Gauss–Legendre
/// quadrature. No covariance matrices, no generating functions.
/// </summary>
internal sealed class FockBruteForce
{
    private readonly int _n;
    private Complex[,,] _psi; // ψ[n0, n1, n2]

    public FockBruteForce(int maxPhotons)
    {
        _n = maxPhotons;
        _psi = new Complex[_n + 1, _n + 1, _n + 1];
        _psi[0, 0, 0] = 1;
    }

    public Complex[,,] Amplitudes => _psi;

    /// <summary>
    /// Replaces vacuum mode <paramref name="mode"/> by a squeezed vacuum: S(ζ)|0⟩ = Σ_k (−e^{iφ} tanh r)^k √((2k)!)/(2^k k!) |2k⟩ / √cosh r,
    /// φ = 0 squeezes x̂, φ = π squeezes p̂. The mode must be in its vacuum (product state).
    /// </summary>
    public void Squeeze(int mode, double r, bool squeezeP)
    {
        var amp = new double[_n + 1];
        double sign = squeezeP ? 1 : -1;
        for (int k = 0; 2 * k <= _n; k++)
        {
            // √((2k)!)/(2^k k!) computed as a running product to stay finite.
            double f = 1;
            for (int i = 1; i <= k; i++) f *= Math.Sqrt((2.0 * i - 1) * (2.0 * i)) / (2.0 * i);
            amp[2 * k] = Math.Pow(sign * Math.Tanh(r), k) * f / Math.Sqrt(Math.Cosh(r));
        }
        var next = new Complex[_n + 1, _n + 1, _n + 1];
        for (int a = 0; a <= _n; a++)
            for (int b = 0; b <= _n; b++)
                for (int c = 0; c <= _n; c++)
                {
                    var v = _psi[a, b, c];
                    if (v == Complex.Zero) continue;
                    int[] idx = [a, b, c];
                    if (idx[mode] != 0) throw new InvalidOperationException("squeeze a vacuum mode");
                    for (int k = 0; k <= _n; k++)
                    {
                        if (amp[k] == 0) continue;
                        idx[mode] = k;
                        if (idx[0] + idx[1] + idx[2] > _n) continue;
                        next[idx[0], idx[1], idx[2]] += v * amp[k];
                    }
                }
        _psi = next;
    }

    /// <summary>
    /// Beam splitter a_i' = t a_i + r a_j, a_j' = −r a_i + t a_j (t = √η): the state f(a†_in)|0⟩ rewritten in the output modes,
    /// a†_in,i = t a†_i − r a†_j, a†_in,j = r a†_i + t a†_j, by binomial expansion of each monomial.
    /// </summary>
    public void BeamSplitter(int i, int j, double eta)
    {
        double t = Math.Sqrt(eta), r = Math.Sqrt(1 - eta);
        int other = 3 - i - j;
        var next = new Complex[_n + 1, _n + 1, _n + 1];
        var sqrtFact = new double[_n + 1];
        sqrtFact[0] = 1;
        for (int k = 1; k <= _n; k++) sqrtFact[k] = sqrtFact[k - 1] * Math.Sqrt(k);
        var binom = new double[_n + 1, _n + 1];
        for (int a = 0; a <= _n; a++) { binom[a, 0] = 1; for (int b = 1; b <= a; b++) binom[a, b] = binom[a - 1, b - 1] + (b <= a - 1 ? binom[a - 1, b] : 0); }
        for (int o = 0; o <= _n; o++)
            for (int p = 0; p + o <= _n; p++)
                for (int q = 0; p + q + o <= _n; q++)
                {
                    var v = Get(i, p, j, q, other, o);
                    if (v == Complex.Zero) continue;
                    var coeff = v / (sqrtFact[p] * sqrtFact[q]); // polynomial coefficient of a†_i^p a†_j^q
                    for (int k = 0; k <= p; k++)
                        for (int l = 0; l <= q; l++)
                        {
                            double w = binom[p, k] * Math.Pow(t, k) * Math.Pow(-r, p - k) * binom[q, l] * Math.Pow(r, l) * Math.Pow(t, q - l);
                            int ni = k + l, nj = p - k + q - l;
                            Add(next, i, ni, j, nj, other, o, coeff * w * sqrtFact[ni] * sqrtFact[nj]);
                        }
                }
        _psi = next;
    }

    private Complex Get(int i, int ni, int j, int nj, int other, int no)
    {
        var idx = new int[3];
        idx[i] = ni; idx[j] = nj; idx[other] = no;
        return _psi[idx[0], idx[1], idx[2]];
    }

    private static void Add(Complex[,,] target, int i, int ni, int j, int nj, int other, int no, Complex v)
    {
        var idx = new int[3];
        idx[i] = ni; idx[j] = nj; idx[other] = no;
        target[idx[0], idx[1], idx[2]] += v;
    }

    /// <summary>Hermite functions ψ_0..ψ_N at x (vacuum ψ_0 = π^{−1/4} e^{−x²/2}), by the stable three-term recurrence.</summary>
    public static double[] HermiteFunctions(int n, double x)
    {
        var h = new double[n + 1];
        h[0] = Math.Pow(Math.PI, -0.25) * Math.Exp(-x * x / 2);
        if (n >= 1) h[1] = Math.Sqrt(2) * x * h[0];
        for (int k = 1; k < n; k++) h[k + 1] = Math.Sqrt(2.0 / (k + 1)) * x * h[k] - Math.Sqrt((double)k / (k + 1)) * h[k - 1];
        return h;
    }

    /// <summary>
    /// ⟨j'|Π_b|j⟩ = e^{iθ(j'−j)} ∫_{bin b} ψ_j'(x) ψ_j(x) dx for x_θ = cos θ x + sin θ p (|x_θ⟩ = e^{iθn̂}|x⟩), bin b of
    /// period T and n bins, over |x| ≤ 18 (beyond it the Hermite functions up to N = 40 are below 1e-30), Gauss–Legendre on pieces ≤ 0.25 wide.
    /// </summary>
    public static Complex[,] HomodyneElement(int maxPhotons, double angle, int bins, double period, int bin)
    {
        const double Limit = 18;
        var real = new double[maxPhotons + 1, maxPhotons + 1];
        double w = period / bins;
        int first = (int)Math.Floor(-Limit / period) - 1, last = (int)Math.Ceiling(Limit / period) + 1;
        for (int cell = first; cell <= last; cell++)
        {
            double a = Math.Max(-Limit, cell * period + bin * w), b = Math.Min(Limit, cell * period + (bin + 1) * w);
            if (b <= a) continue;
            int pieces = (int)Math.Ceiling((b - a) / 0.25);
            for (int piece = 0; piece < pieces; piece++)
            {
                double pa = a + (b - a) * piece / pieces, pb = a + (b - a) * (piece + 1) / pieces;
                var rule = new GaussLegendreRule(pa, pb, 48);
                for (int q = 0; q < rule.Order; q++)
                {
                    var h = HermiteFunctions(maxPhotons, rule.Abscissas[q]);
                    double wq = rule.Weights[q];
                    for (int r = 0; r <= maxPhotons; r++)
                        for (int s = 0; s <= maxPhotons; s++) real[r, s] += wq * h[r] * h[s];
                }
            }
        }
        var m = new Complex[maxPhotons + 1, maxPhotons + 1];
        for (int r = 0; r <= maxPhotons; r++)
            for (int s = 0; s <= maxPhotons; s++) m[r, s] = Complex.FromPolarCoordinates(1, angle * (r - s)) * real[r, s];
        return m;
    }

    /// <summary>⟨m|σ_{bc}|n⟩ = Σ ψ[m,j,k] conj(ψ[n,j',k']) ⟨j'|Π_b|j⟩ ⟨k'|Π_c|k⟩, Alice = mode 0, Bob = 1, Charlie = 2, m, n ≤ K.</summary>
    public Complex[,] Conditional(Complex[,] bob, Complex[,] charlie, int cutoff)
    {
        int d = _n + 1;
        var sigma = new Complex[cutoff + 1, cutoff + 1];
        var x = new Complex[cutoff + 1][,];
        for (int m = 0; m <= cutoff; m++)
        {
            // X_m = Π_b Ψ_m Π_cᵀ
            var tmp = new Complex[d, d];
            for (int jp = 0; jp < d; jp++)
                for (int k = 0; k < d; k++)
                {
                    Complex acc = 0;
                    for (int j = 0; j < d; j++) acc += bob[jp, j] * _psi[m, j, k];
                    tmp[jp, k] = acc;
                }
            x[m] = new Complex[d, d];
            for (int jp = 0; jp < d; jp++)
                for (int kp = 0; kp < d; kp++)
                {
                    Complex acc = 0;
                    for (int k = 0; k < d; k++) acc += tmp[jp, k] * charlie[kp, k];
                    x[m][jp, kp] = acc;
                }
        }
        for (int m = 0; m <= cutoff; m++)
            for (int n = 0; n <= cutoff; n++)
            {
                Complex acc = 0;
                for (int jp = 0; jp < d; jp++)
                    for (int kp = 0; kp < d; kp++) acc += Complex.Conjugate(_psi[n, jp, kp]) * x[m][jp, kp];
                sigma[m, n] = acc;
            }
        return sigma;
    }
}
