using System.Numerics;
using MathNet.Numerics.LinearAlgebra;

namespace SteeringRng.Quantum.Data;

/// <summary>
/// The orthogonal projection (Frobenius inner product ⟨A, B⟩ = Re Σ_t Tr A_t† B_t over the blocks t = (a, x)) onto the
/// affine set L of no-signalling, normalised block families:
///   N = { σ : Σ_{a_j} σ_{a|x} does not depend on x_j, for every node j and every (a_{−j}, x_{−j}) },
///   L = N ∩ { σ : Σ_a Tr σ_{a|x} = 1 }.
/// The no-signalling constraints act on the tuple index t alone, the same for every matrix entry, so
/// P_N = (Q Qᵀ) ⊗ id on (tuples) ⊗ (d×d matrices), Q an orthonormal basis of the null space of the constraint matrix
/// (from its SVD). Inside N every Σ_a σ_{a|x} is the same ρ_A, so the normalisation is the one hyperplane
/// ⟨v, σ⟩ = 1 with v = (1/|X|) Σ_{a,x} I at (a, x); with w = P_N v,
///   P_L(σ) = P_N σ + (1 − ⟨w, σ⟩) / ‖w‖² · w
/// (⟨w, P_N σ⟩ = ⟨w, σ⟩ since w ∈ N; the correction is along the hyperplane's normal inside N).
/// P_L maps Hermitian blocks to Hermitian blocks (real coefficients).
/// </summary>
internal sealed class NoSignallingProjector
{
    private readonly double[,] _q; // T × n
    private readonly double[] _w; // w's tuple part: w = w_T ⊗ I_d
    private readonly double _wNorm2; // ‖w‖² = d ‖w_T‖²
    private readonly int _tuples, _n, _d;

    public NoSignallingProjector(Assemblage shape)
    {
        _d = shape.TrustedDimension;
        var outcomeTuples = shape.OutcomeTupleCount;
        _tuples = shape.SettingTupleCount * outcomeTuples;
        int Flat(int[] a, int[] x)
        {
            int ix = 0, ia = 0;
            for (var j = 0; j < shape.PartyCount; j++) (ix, ia) = (ix * shape.Settings[j] + x[j], ia * shape.Outcomes[j] + a[j]);
            return ix * outcomeTuples + ia;
        }
        // Rows: Σ_{a_j} e(a, x) − Σ_{a_j} e(a, x with x_j = 0), for x_j ≥ 1 and a with a_j = 0 standing for a_{−j}.
        var rows = new List<double[]>();
        for (var j = 0; j < shape.PartyCount; j++)
            foreach (var x in shape.SettingTuples())
            {
                if (x[j] == 0) continue;
                var x0 = (int[])x.Clone();
                x0[j] = 0;
                foreach (var a in shape.OutcomeTuples())
                {
                    if (a[j] != 0) continue;
                    var row = new double[_tuples];
                    var b = (int[])a.Clone();
                    for (var o = 0; o < shape.Outcomes[j]; o++)
                    {
                        b[j] = o;
                        row[Flat(b, x)] += 1;
                        row[Flat(b, x0)] -= 1;
                    }
                    rows.Add(row);
                }
            }
        if (rows.Count == 0)
        {
            _n = _tuples;
            _q = new double[_tuples, _tuples];
            for (var t = 0; t < _tuples; t++) _q[t, t] = 1;
        }
        else
        {
            var c = Matrix<double>.Build.Dense(rows.Count, _tuples, (r, t) => rows[r][t]);
            var svd = c.Svd(computeVectors: true);
            var s = svd.S;
            var tol = 1e-10 * Math.Max(1, s.Count > 0 ? s[0] : 0);
            var rank = s.Count(v => v > tol);
            _n = _tuples - rank;
            _q = new double[_tuples, _n];
            for (var k = 0; k < _n; k++)
                for (var t = 0; t < _tuples; t++)
                    _q[t, k] = svd.VT[rank + k, t];
        }
        var v = Enumerable.Repeat(1.0 / shape.SettingTupleCount, _tuples).ToArray();
        _w = ProjectTuples(v);
        _wNorm2 = _d * _w.Sum(z => z * z);
    }

    /// <summary>P_L applied to blocks stored as values[t·d² + i·d + k] (C order of the assemblage layout).</summary>
    public Complex[] Project(Complex[] sigma)
    {
        var d2 = _d * _d;
        var result = new Complex[sigma.Length];
        var column = new double[_tuples];
        for (var e = 0; e < d2; e++)
            for (var part = 0; part < 2; part++)
            {
                for (var t = 0; t < _tuples; t++) column[t] = part == 0 ? sigma[t * d2 + e].Real : sigma[t * d2 + e].Imaginary;
                var projected = ProjectTuples(column);
                for (var t = 0; t < _tuples; t++)
                    result[t * d2 + e] += part == 0 ? new Complex(projected[t], 0) : new Complex(0, projected[t]);
            }
        // ⟨w, σ⟩ = Σ_t w_T[t] Re Tr σ_t.
        double inner = 0;
        for (var t = 0; t < _tuples; t++)
            for (var i = 0; i < _d; i++) inner += _w[t] * sigma[t * d2 + i * _d + i].Real;
        var c = (1 - inner) / _wNorm2;
        for (var t = 0; t < _tuples; t++)
            for (var i = 0; i < _d; i++) result[t * d2 + i * _d + i] += c * _w[t];
        return result;
    }

    // Q (Qᵀ v).
    private double[] ProjectTuples(double[] v)
    {
        var u = new double[_n];
        for (var k = 0; k < _n; k++)
        {
            double s = 0;
            for (var t = 0; t < _tuples; t++) s += _q[t, k] * v[t];
            u[k] = s;
        }
        var r = new double[_tuples];
        for (var t = 0; t < _tuples; t++)
        {
            double s = 0;
            for (var k = 0; k < _n; k++) s += _q[t, k] * u[k];
            r[t] = s;
        }
        return r;
    }
}
