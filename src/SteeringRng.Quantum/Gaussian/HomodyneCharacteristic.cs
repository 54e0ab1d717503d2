using Complex = System.Numerics.Complex;
using MathNet.Numerics.LinearAlgebra;

namespace SteeringRng.Quantum.Gaussian;

/// <summary>
/// The operator O(ω) = E_x[e^{iω·x} ρ_A(x)] = Tr_U[ρ (I_A ⊗ e^{iω_1 q̂_1} ⊗ … ⊗ e^{iω_m q̂_m})] on the trusted mode, in the
/// Fock basis up to K, where q̂_k = cos θ_k x̂ + sin θ_k p̂ on mode k and ρ_A(x) is the trusted mode's unnormalised
/// conditional state at homodyne outcomes x (density included). Closed form (continuous-variables.md §3):
/// V_M = Cov(q), C = Cov(r_A, q), G = C V_M⁻¹, V_c = V_A − C V_M⁻¹ Cᵀ, σ_Q = V_c + I/2, S = σ_Q⁻¹,
/// P = V_M⁻¹ + GᵀSG, H = LᵀSG:
///   O(ω) generating function = exp(½ zᵀ(H P⁻¹ Hᵀ − LᵀSL) z + uv + i (H P⁻¹ ω)ᵀ z − ½ ωᵀP⁻¹ω) / √(det σ_Q det V_M det P)  (eq. 3.2)
/// O(0) = ρ_A (the trusted mode's reduced state).
/// </summary>
public sealed class HomodyneCharacteristic
{
    private readonly int _cutoff;
    private readonly Complex _auu, _auv, _avv;
    private readonly Matrix<Complex> _linear;   // 2×m: b = i H P⁻¹ ω
    private readonly Matrix<double> _decay;     // P⁻¹ (m×m)
    private readonly double _prefactor;

    /// <param name="state">The Gaussian state.</param>
    /// <param name="trustedMode">Alice's mode.</param>
    /// <param name="measured">The measured modes and quadrature angles (distinct modes, none the trusted one).</param>
    /// <param name="cutoff">The Fock cut-off K of the trusted mode.</param>
    public HomodyneCharacteristic(GaussianState state, int trustedMode, IReadOnlyList<(int Mode, double Angle)> measured, int cutoff)
    {
        if (cutoff < 0) throw new ArgumentOutOfRangeException(nameof(cutoff), "The Fock cut-off must be ≥ 0.");
        if (measured.Select(q => q.Mode).Distinct().Count() != measured.Count || measured.Any(q => q.Mode == trustedMode))
            throw new ArgumentException("Each measured mode must be distinct and not the trusted mode.");
        _cutoff = cutoff;
        int m = measured.Count, nq = 2 * state.Modes;
        var v = Matrix<double>.Build.DenseOfArray(state.Covariance);
        // Rows e_k with cos θ at x_k and sin θ at p_k: q_k = e_k r.
        var e = Matrix<double>.Build.Dense(m, nq);
        for (int k = 0; k < m; k++)
        {
            e[k, 2 * measured[k].Mode] = Math.Cos(measured[k].Angle);
            e[k, 2 * measured[k].Mode + 1] = Math.Sin(measured[k].Angle);
        }
        var a = Matrix<double>.Build.Dense(2, nq);
        a[0, 2 * trustedMode] = 1;
        a[1, 2 * trustedMode + 1] = 1;
        var vA = a * v * a.Transpose();
        var vM = e * v * e.Transpose();
        var c = a * v * e.Transpose();
        var id2 = Matrix<double>.Build.DenseIdentity(2);
        Matrix<double> sigmaQ, p;
        Matrix<double> g;
        double detVm = 1;
        if (m == 0)
        {
            sigmaQ = vA + 0.5 * id2;
            g = Matrix<double>.Build.Dense(2, 0);
            p = Matrix<double>.Build.Dense(0, 0);
        }
        else
        {
            var vMinv = vM.Inverse();
            detVm = vM.Determinant();
            g = c * vMinv;
            sigmaQ = vA - c * vMinv * c.Transpose() + 0.5 * id2;
            var s0 = sigmaQ.Inverse();
            p = vMinv + g.Transpose() * s0 * g;
        }
        var s = sigmaQ.Inverse();
        var sc = s.Map(x => new Complex(x, 0));
        var nMat = SingleModeFock.L.Transpose() * sc * SingleModeFock.L;
        var pinv = m == 0 ? p : p.Inverse();
        var h = SingleModeFock.L.Transpose() * sc * g.Map(x => new Complex(x, 0));
        var quad = (m == 0 ? Matrix<Complex>.Build.Dense(2, 2) : h * pinv.Map(x => new Complex(x, 0)) * h.Transpose()) - nMat;
        // z = (v, u): index 0 is v (ket), 1 is u (bra).
        _auu = 0.5 * quad[1, 1];
        _avv = 0.5 * quad[0, 0];
        _auv = quad[0, 1] + 1;
        _linear = m == 0 ? Matrix<Complex>.Build.Dense(2, 0) : Complex.ImaginaryOne * h * pinv.Map(x => new Complex(x, 0));
        _decay = pinv;
        _prefactor = 1 / Math.Sqrt(sigmaQ.Determinant() * detVm * (m == 0 ? 1 : p.Determinant()));
        MeasuredCount = m;
        SmallestDecay = m == 0 ? double.PositiveInfinity : pinv.Evd(MathNet.Numerics.LinearAlgebra.Symmetricity.Symmetric).EigenValues.Min(x => x.Real);
        LinearNorm = m == 0 ? 0 : _linear.L2Norm();
    }

    public int MeasuredCount { get; }

    /// <summary>λ_min(P⁻¹): |O(ω)| decays at least like exp(−½ λ_min |ω|²).</summary>
    public double SmallestDecay { get; }

    /// <summary>‖i H P⁻¹‖₂: the linear coefficients satisfy |b_u|, |b_v| ≤ this · |ω|.</summary>
    public double LinearNorm { get; }

    /// <summary>⟨m|O(ω)|n⟩, m, n ≤ K.</summary>
    public Complex[,] At(ReadOnlySpan<double> omega)
    {
        if (omega.Length != MeasuredCount) throw new ArgumentException($"Give {MeasuredCount} frequencies.");
        Complex bv = 0, bu = 0;
        double quadratic = 0;
        for (int k = 0; k < omega.Length; k++)
        {
            bv += _linear[0, k] * omega[k];
            bu += _linear[1, k] * omega[k];
            for (int l = 0; l < omega.Length; l++) quadratic += omega[k] * _decay[k, l] * omega[l];
        }
        var e = FockCoefficients.Elements(_cutoff, _auu, _auv, _avv, bu, bv);
        double f = _prefactor * Math.Exp(-0.5 * quadratic);
        for (int i = 0; i <= _cutoff; i++)
            for (int j = 0; j <= _cutoff; j++) e[i, j] *= f;
        return e;
    }

    /// <summary>
    /// A bound B(t) ≥ max_{m,n ≤ K} |⟨m|O(ω)|n⟩| for every ω with |ω| = t:
    /// prefactor · exp(−½ λ_min t²) · √(m!n!) g⁺_{m,n}(|a|, ‖iHP⁻¹‖ t) (the recursion on magnitudes).
    /// </summary>
    public double Bound(double t)
    {
        var g = FockCoefficients.Majorant(_cutoff, _auu.Magnitude, _auv.Magnitude, _avv.Magnitude, LinearNorm * t, LinearNorm * t);
        double max = 0;
        foreach (var x in g) max = Math.Max(max, x);
        return _prefactor * Math.Exp(-0.5 * SmallestDecay * t * t) * max;
    }
}
