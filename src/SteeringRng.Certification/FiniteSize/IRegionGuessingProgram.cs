namespace SteeringRng.Certification.FiniteSize;

/// <summary>
/// A guessing program that can also solve its relaxation over a box of statistics (the data equalities as two-sided
/// inequalities, docs/formulations/finite-size.md §4.1) and certify the optimum: the i.i.d. analysis's method of choice.
/// </summary>
public interface IRegionGuessingProgram : IGuessingProgram
{
    /// <summary>max P_g over |w − centre| ≤ radius (componentwise), proven from the relaxation's primal X̂.</summary>
    /// <exception cref="FiniteSizeInputException">SR1224 when the relaxation over the box does not solve.</exception>
    RegionGuessingBound MaxOverBox(IReadOnlyList<double> centre, IReadOnlyList<double> radius, CancellationToken cancel = default);
}

/// <summary>
/// The two-sided relaxation's optimum over a box. <see cref="Pguess"/> = offset − ⟨C, X̂⟩ computed exactly and rounded up
/// (when <see cref="Certified"/>), an upper bound on P_g of every strategy whose statistics lie in the box.
/// <see cref="Dual"/> is an affine bound read from the same X̂ (λ_j = x⁻_j − x⁺_j, the slack multipliers) with
/// max over the box of α + λ·w = <see cref="Pguess"/> + margin: what a run certificate records and `steer verify` recomputes.
/// </summary>
public sealed record RegionGuessingBound(double Pguess, double RawPguess, bool Certified, string Method, AffineGuessingBound Dual);
