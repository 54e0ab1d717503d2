using System.Globalization;

namespace SteeringRng.Certification.Estimates;

/// <summary>
/// The size of one relaxation before it is built, from word counts only (<see cref="SizeFormulas"/>): its PSD blocks,
/// SDP variables m (an upper bound: the full problem, before symmetry or facial reduction, which only shrink it),
/// nonzeros of the constraint matrices (a close estimate), and memory. Memory = build + solver:
///   build  ≈ 100 bytes per nonzero (builder entries, their sorted copy, the problem) + 40 bytes per moment-matrix entry,
///   solver ≈ 8·m² (the dense Schur complement, held once: formed, factored and solved in place in one aligned
///            buffer; the solver no longer copies it for the native kernels, see docs/peers.md "Memory of the built-in
///            solver"; on the block-arrow path the solver holds only M's nonzero blocks, D_s, E_s, W_s, F, S, and takes
///            that path only when they need ≤ m² doubles, so 8·m² bounds both) + 10 dense copies of every block in the
///            solver's real embedding,
///            10 · 8 · Σ_b (2 s_b)² for Hermitian blocks of size s_b (iterates, directions, factors, workspace),
/// and the work of one interior-point iteration ≈ m³/3 flops (the Cholesky factorisation of the Schur complement).
/// </summary>
/// <param name="What">The relaxation, e.g. "Q(npa 3): 4 guess tuples".</param>
/// <param name="Blocks">(size, count) of the PSD blocks, largest first.</param>
/// <param name="GeneratingSetSize">|S|, the rows of a moment matrix's word layout (0: the relaxation has none, e.g. the LHS model).</param>
public sealed record RelaxationEstimate(string What, IReadOnlyList<(double Size, double Count)> Blocks, double Variables, double Nonzeros,
    double BuildBytes, double SolverBytes, double GeneratingSetSize = 0)
{
    /// <summary>Build and solver together: the problem stays in memory while it is solved.</summary>
    public double TotalBytes => BuildBytes + SolverBytes;

    /// <summary>Floating-point operations of one interior-point iteration: the Cholesky factorisation, m³/3.</summary>
    public double FlopsPerIteration => Variables * Variables * Variables / 3;

    /// <summary>Large enough that its build is worth announcing (progress line): over 256 MB or over 20 000 variables.</summary>
    public bool IsLarge => TotalBytes > 256e6 || Variables > 20_000;

    /// <summary>"blocks 4×1652, 7776×2; ≤ 3.1e+05 variables; ~2.2e+07 nonzeros; ~7.7e+02 GB (build 2.3 GB, solver 7.7e+02 GB)".</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"blocks {BlockText(Blocks)}; <= {Number(Variables)} variables (upper bound); ~{Number(Nonzeros)} nonzeros; " +
        $"~{Bytes(TotalBytes)} (build {Bytes(BuildBytes)}, solver {Bytes(SolverBytes)}); ~{Number(FlopsPerIteration)} flops per iteration");

    public static string BlockText(IReadOnlyList<(double Size, double Count)> blocks) =>
        blocks.Count == 0 ? "none" : string.Join(", ", blocks.Select(b => b.Count == 1 ? Number(b.Size) : $"{Number(b.Count)}x{Number(b.Size)}"));

    /// <summary>Exact below a million, else 3 significant digits ("1.23e+09").</summary>
    public static string Number(double x) => x < 1e6
        ? x.ToString("0", CultureInfo.InvariantCulture)
        : x.ToString("0.00e+00", CultureInfo.InvariantCulture);

    public static string Bytes(double b) => b switch
    {
        < 1e6 => string.Create(CultureInfo.InvariantCulture, $"{b / 1e3:0.#} kB"),
        < 1e9 => string.Create(CultureInfo.InvariantCulture, $"{b / 1e6:0.#} MB"),
        < 1e12 => string.Create(CultureInfo.InvariantCulture, $"{b / 1e9:0.#} GB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{b / 1e12:0.##e+00} TB"),
    };
}
