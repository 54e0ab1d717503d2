using SteeringRng.Relaxation.Steering;
using SteeringRng.Sdp;

namespace SteeringRng.Certification.FiniteSize;

/// <summary>
/// The guessing relaxation over a box of statistics (docs/formulations/finite-size.md §4.1): the measured-data
/// relaxation's data equality Λσ = w (σ = Σ_e σ^e) replaced by lo ≤ Λσ ≤ hi, with σ normalised (Tr ρ_A = 1, exact for
/// every strategy). In the moment form of <see cref="MeasuredDataRelaxation"/> (value = offset − opt D,
/// D: min bᵀy s.t. Σ y_i A_i − C ⪰ 0) the observation becomes w = v_c + Σ_i y_i e_i with
/// <list type="bullet">
/// <item>v_c the box centre projected onto the normalised no-signalling observations (<see cref="MeasuredDataForm.Nearest"/>),</item>
/// <item>e_i an orthonormal basis of the directions of that affine set (so Tr ρ_A stays 1), each a new free variable y_i
/// with A_i = −L(e_i), b_i = −ℓ(e_i) where (L, ℓ) is the change of (C, offset) per unit of e_i (C and offset are affine
/// in the data: <see cref="MeasuredDataRelaxation.ConstantsOfObserved"/>),</item>
/// <item>one Nonnegative block of 2K slacks, K the constrained rows j: Z_{2j} = (w − lo)_j ≥ 0 and Z_{2j+1} = (hi − w)_j ≥ 0,
/// i.e. A_i gets e_ij at (2j, 2j) and −e_ij at (2j+1, 2j+1), and C gets lo_j − v_c,j and v_c,j − hi_j there.</item>
/// </list>
/// The unobserved directions of σ (ker Λ) stay the free variables they already are in the relaxation. Every strategy
/// whose statistics lie in the box is feasible, so offset − opt D ≥ max_box P_g.
/// </summary>
internal sealed record TwoSidedGuessingProblem(SdpProblem Problem, double Offset, int SlackBlock, int[] Rows, double[] Centre)
{
    /// <summary>Entries of C's change below this are rounding of the affine constants (as in MeasuredDataRelaxation).</summary>
    private const double Drop = 1e-13;

    /// <param name="relaxation">The measured-data relaxation of the trusted node's statistics (lifted, any data).</param>
    /// <param name="lower">lo, one per observed row (a row with an infinite side is not constrained).</param>
    /// <param name="upper">hi, one per observed row.</param>
    public static TwoSidedGuessingProblem Build(MeasuredDataRelaxation relaxation, MeasuredDataForm form, IReadOnlyList<double> lower,
        IReadOnlyList<double> upper, CancellationToken cancel)
    {
        var m = form.Rows;
        var ones = Enumerable.Repeat(1.0, m).ToArray();
        var centre = form.Nearest(lower.Select((l, j) => double.IsFinite(l) && double.IsFinite(upper[j]) ? (l + upper[j]) / 2 : 0).ToArray(), ones);
        return Build(relaxation.Problem, w => relaxation.ConstantsOfObserved(w).ToValueTuple(), centre, TangentBasis(form, centre, ones), lower, upper, cancel);
    }

    /// <summary>
    /// The general form: any relaxation whose data enter only its constants, (C(w), offset(w)) = <paramref name="constantsAt"/>(w)
    /// affine in w, with (A, b, blocks) of <paramref name="baseProblem"/>; the data move from <paramref name="centre"/> along
    /// the orthonormal <paramref name="basis"/> (Bell values: the unit vectors, every value allowed).
    /// </summary>
    public static TwoSidedGuessingProblem Build(SdpProblem baseProblem, Func<double[], (SdpMatrix C, double Offset)> constantsAt, double[] centre,
        IReadOnlyList<double[]> basis, IReadOnlyList<double> lower, IReadOnlyList<double> upper, CancellationToken cancel)
    {
        var m = centre.Length;
        var (cCentre, offset) = constantsAt(centre);
        // A row with an infinite side (a setting tuple never tested) is left unconstrained.
        var rows = Enumerable.Range(0, m).Where(j => double.IsFinite(lower[j]) && double.IsFinite(upper[j])).ToArray();
        var slackBlock = baseProblem.Blocks.Count;
        var blocks = baseProblem.Blocks.Append(SdpBlock.Nonnegative(2 * rows.Length)).ToArray();
        var a = baseProblem.A.ToList();
        var b = baseProblem.B.ToList();
        foreach (var e in basis)
        {
            cancel.ThrowIfCancellationRequested();
            var (cMoved, offsetMoved) = constantsAt(centre.Select((x, j) => x + e[j]).ToArray());
            var entries = Difference(cCentre, cMoved); // −L(e) = C(v_c) − C(v_c + e)
            for (var q = 0; q < rows.Length; q++)
            {
                var x = e[rows[q]];
                if (x == 0) continue;
                entries.Add(new SdpEntry(slackBlock, 2 * q, 2 * q, x));
                entries.Add(new SdpEntry(slackBlock, 2 * q + 1, 2 * q + 1, -x));
            }
            a.Add(new SdpMatrix(entries));
            b.Add(-(offsetMoved - offset));
        }
        var c = cCentre.Entries.ToList();
        for (var q = 0; q < rows.Length; q++)
        {
            var j = rows[q];
            c.Add(new SdpEntry(slackBlock, 2 * q, 2 * q, lower[j] - centre[j]));
            c.Add(new SdpEntry(slackBlock, 2 * q + 1, 2 * q + 1, centre[j] - upper[j]));
        }
        return new TwoSidedGuessingProblem(new SdpProblem(blocks, new SdpMatrix(c), a, b.ToArray()), offset, slackBlock, rows, centre);
    }

    /// <summary>An orthonormal basis of the directions of the normalised no-signalling observations: the range of the
    /// orthogonal projector P_T e = Nearest(v + e) − v (singular values below 1e-10 dropped).</summary>
    private static List<double[]> TangentBasis(MeasuredDataForm form, double[] centre, double[] ones)
    {
        var m = centre.Length;
        var d = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.Dense(m, m);
        for (var k = 0; k < m; k++)
        {
            var moved = (double[])centre.Clone();
            moved[k] += 1;
            var p = form.Nearest(moved, ones);
            for (var j = 0; j < m; j++) d[j, k] = p[j] - centre[j];
        }
        var svd = d.Svd(true);
        var cut = 1e-10 * (svd.S.Count > 0 ? svd.S[0] : 0);
        var basis = new List<double[]>();
        for (var i = 0; i < svd.S.Count; i++)
            if (svd.S[i] > cut) basis.Add(svd.U.Column(i).ToArray());
        return basis;
    }

    /// <summary>x − y entry by entry (same (block, row, col) keys added), rounding-level entries dropped.</summary>
    private static List<SdpEntry> Difference(SdpMatrix x, SdpMatrix y)
    {
        var sum = new Dictionary<(int, int, int), (double Re, double Im)>();
        void Add(SdpMatrix m, double sign)
        {
            foreach (var e in m.Entries)
            {
                var key = (e.Block, e.Row, e.Col);
                var (re, im) = sum.GetValueOrDefault(key);
                sum[key] = (re + sign * e.Value, im + sign * e.Imag);
            }
        }
        Add(x, 1);
        Add(y, -1);
        var result = new List<SdpEntry>();
        foreach (var ((block, row, col), (re, im)) in sum)
        {
            var r = Math.Abs(re) > Drop ? re : 0;
            var i = row != col && Math.Abs(im) > Drop ? im : 0;
            if (r != 0 || i != 0) result.Add(new SdpEntry(block, row, col, r, i));
        }
        return result;
    }
}
