using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace SteeringRng.Sdp.LinearAlgebra;

/// <summary>
/// Dense kernels through the machine's LAPACK/BLAS (Fortran ABI, loaded at run time with
/// <see cref="NativeLibrary.TryLoad(string, out IntPtr)"/>; libopenblas first, then the reference liblapack).
/// Row-major ↔ column-major: a row-major symmetric matrix is its own column-major image, and a row-major lower
/// triangle L is the column-major upper triangle U = Lᵀ, so every LAPACK call uses UPLO = 'U'.
/// </summary>
internal sealed unsafe class NativeLapack : IDenseKernels
{
    private static readonly string[] Candidates =
    [
        "libopenblas.so.0", "libopenblasp-r0.3.21.so", "libopenblas.so", "libopenblasp.so",
        "liblapack.so.3", "liblapack.so", "libopenblas.dll", "liblapack.dll", "libopenblas.dylib",
    ];

    private static readonly Lazy<(NativeLapack? Kernels, string Reason)> Loaded = new(Load);

    private readonly delegate* unmanaged<byte*, int*, double*, int*, int*, nint, void> _dpotrf;
    private readonly delegate* unmanaged<byte*, int*, int*, double*, int*, double*, int*, int*, nint, void> _dpotrs;
    private readonly delegate* unmanaged<byte*, int*, double*, int*, int*, nint, void> _dpotri;
    private readonly delegate* unmanaged<byte*, byte*, int*, int*, int*, double*, double*, int*, double*, int*, double*, double*, int*, nint, nint, void> _dgemm;
    private readonly delegate* unmanaged<byte*, byte*, byte*, byte*, int*, int*, double*, double*, int*, double*, int*, nint, nint, nint, nint, void> _dtrsm;
    private readonly delegate* unmanaged<int*, byte*, int*, double*, int*, double*, int*, int*, nint, void> _dsygst;
    private readonly delegate* unmanaged<byte*, byte*, int*, int*, double*, double*, int*, double*, double*, int*, nint, nint, void> _dsyrk;
    private readonly delegate* unmanaged<byte*, int*, double*, int*, double*, double*, double*, double*, int*, int*, nint, void> _dsytrd;

    private NativeLapack(string library, IntPtr h)
    {
        Library = library;
        _dpotrf = (delegate* unmanaged<byte*, int*, double*, int*, int*, nint, void>)NativeLibrary.GetExport(h, "dpotrf_");
        _dpotrs = (delegate* unmanaged<byte*, int*, int*, double*, int*, double*, int*, int*, nint, void>)NativeLibrary.GetExport(h, "dpotrs_");
        _dpotri = (delegate* unmanaged<byte*, int*, double*, int*, int*, nint, void>)NativeLibrary.GetExport(h, "dpotri_");
        _dgemm = (delegate* unmanaged<byte*, byte*, int*, int*, int*, double*, double*, int*, double*, int*, double*, double*, int*, nint, nint, void>)NativeLibrary.GetExport(h, "dgemm_");
        _dtrsm = (delegate* unmanaged<byte*, byte*, byte*, byte*, int*, int*, double*, double*, int*, double*, int*, nint, nint, nint, nint, void>)NativeLibrary.GetExport(h, "dtrsm_");
        _dsygst = (delegate* unmanaged<int*, byte*, int*, double*, int*, double*, int*, int*, nint, void>)NativeLibrary.GetExport(h, "dsygst_");
        _dsyrk = (delegate* unmanaged<byte*, byte*, int*, int*, double*, double*, int*, double*, double*, int*, nint, nint, void>)NativeLibrary.GetExport(h, "dsyrk_");
        _dsytrd = (delegate* unmanaged<byte*, int*, double*, int*, double*, double*, double*, double*, int*, int*, nint, void>)NativeLibrary.GetExport(h, "dsytrd_");
        // OpenBLAS threads: one by default. Our own parallel loops (Schur complement) never call BLAS, but OpenBLAS's
        // idle workers spin after each call and compete with them, and every small call (n×n blocks, solves) pays a
        // thread wake-up; measured on a busy 2-core machine, the I3322 level-3 solve took 19 s wall with two BLAS
        // threads against 4 s with one. Only the large Schur factorisation uses every core (see Cholesky).
        if (NativeLibrary.TryGetExport(h, "openblas_set_num_threads", out var setThreads))
        {
            _setThreads = (delegate* unmanaged<int, void>)setThreads;
            SetThreads(1);
        }
    }

    /// <summary>Factorisations at least this large run as a tiled factorisation on every core (<see cref="TiledCholesky"/>).</summary>
    internal const int ThreadedCholeskyThreshold = 1500;

    private readonly delegate* unmanaged<int, void> _setThreads;

    /// <summary>Sets OpenBLAS's thread count (no effect on a reference LAPACK).</summary>
    internal void SetThreads(int threads)
    {
        if (_setThreads != null) _setThreads(Math.Max(1, threads));
    }

    public string Name => $"native ({Library})";

    public string Library { get; }

    /// <summary>The loaded kernels, or null and why not.</summary>
    public static (NativeLapack? Kernels, string Reason) TryGet() => Loaded.Value;

    private static (NativeLapack?, string) Load()
    {
        var tried = new List<string>();
        foreach (var name in Candidates)
        {
            if (!NativeLibrary.TryLoad(name, typeof(NativeLapack).Assembly, null, out var h)) { tried.Add(name); continue; }
            string[] needed = ["dpotrf_", "dpotrs_", "dpotri_", "dgemm_", "dtrsm_", "dsygst_", "dsyrk_", "dsytrd_"];
            var missing = needed.Where(s => !NativeLibrary.TryGetExport(h, s, out _)).ToArray();
            if (missing.Length > 0) { tried.Add($"{name} (lacks {string.Join(", ", missing)})"); continue; }
            return (new NativeLapack(name, h), "");
        }
        return (null, $"no LAPACK/OpenBLAS library could be loaded (tried {string.Join(", ", tried)})");
    }

    /// <summary>
    /// Blocks up to this order go to <see cref="ManagedKernels"/> (all kernels but the inverse, see
    /// <see cref="CholeskyInverse"/>): a LAPACK call's fixed costs (the thread gate, aligned copies, the call) dominate
    /// there. Steady state per call at n = 4, native against managed: Cholesky 0.21 / 0.08 µs, L⁻¹ S L⁻ᵀ 0.50 / 0.16,
    /// product 0.34 / 0.13, inverse 0.42 / 0.25, solve 0.34 / 0.07; at n = 8 the product and the inverse are already
    /// faster native (0.31 / 0.61, 0.78 / 1.12). The NS, Q1 and Glo problems of the Fig. 2 sample are 36 to 144 blocks
    /// of order 4.
    /// </summary>
    internal const int ManagedOrder = 4;

    private static ManagedKernels Managed => ManagedKernels.Instance;

    public bool Cholesky(double[] a, int n) => Cholesky(a, 0, n);

    public bool Cholesky(double[] a, int offset, int n)
    {
        if (n == 0) return true;
        if (n <= ManagedOrder) return Managed.Cholesky(a, offset, n);
        // Tiled whatever the core count, so that every machine gives the same bits (the tiles are the same everywhere).
        if (n >= ThreadedCholeskyThreshold) return TiledCholesky.Factor(this, a, offset, n);
        byte u = (byte)'U';
        int info;
        using var gate = BlasThreadGate.Shared();
        using var pa = new AlignedOperand(a, offset, n * n, writeBack: true);
        _dpotrf(&u, &n, pa.Pointer, &n, &info, 1);
        return info == 0;
    }

    /// <summary>
    /// One dpotrf call with OpenBLAS's threads on every core (holding <see cref="BlasThreadGate"/> exclusively): the
    /// machine's own factorisation rate, which the benchmark reports beside the solver's (not used by the solver).
    /// </summary>
    internal bool CholeskyAllThreads(double[] a, int offset, int n)
    {
        byte u = (byte)'U';
        int info;
        using var gate = BlasThreadGate.Exclusive();
        SetThreads(Environment.ProcessorCount);
        try
        {
            using var pa = new AlignedOperand(a, offset, n * n, writeBack: true);
            _dpotrf(&u, &n, pa.Pointer, &n, &info, 1);
        }
        finally { SetThreads(1); }
        return info == 0;
    }

    /// <summary>dpotrf 'U' of the n×n tile at <paramref name="a"/> (leading dimension lda): A = UᵀU in place.</summary>
    internal bool PotrfUpper(double* a, int n, int lda)
    {
        byte u = (byte)'U';
        int info;
        using var gate = BlasThreadGate.Shared();
        _dpotrf(&u, &n, a, &lda, &info, 1);
        return info == 0;
    }

    /// <summary>B ← U⁻ᵀ B (dtrsm 'L', 'U', 'T', 'N'): U the n×n upper triangle at u, B n × cols at b.</summary>
    internal void SolveUpperTransposed(double* u, int n, int cols, double* b, int lda)
    {
        byte l = (byte)'L', up = (byte)'U', t = (byte)'T', nn = (byte)'N';
        double one = 1;
        using var gate = BlasThreadGate.Shared();
        _dtrsm(&l, &up, &t, &nn, &n, &cols, &one, u, &lda, b, &lda, 1, 1, 1, 1);
    }

    /// <summary>C ← C − Aᵀ B (dgemm 'T', 'N'): A k × rows, B k × cols, C rows × cols, all with leading dimension lda.</summary>
    internal void SubtractTransposedProduct(double* a, double* b, double* c, int rows, int cols, int k, int lda)
    {
        byte t = (byte)'T', nn = (byte)'N';
        double minusOne = -1, one = 1;
        using var gate = BlasThreadGate.Shared();
        _dgemm(&t, &nn, &rows, &cols, &k, &minusOne, a, &lda, b, &lda, &one, c, &lda, 1, 1);
    }

    /// <summary>
    /// W ← Aᵀ B in row-major storage: A and B k × n with leading dimension n, W n × n with leading dimension ldw
    /// (dgemm 'N', 'T' on the column-major views: Wᵀ = Bᵀ A). One OpenBLAS thread; the operands must start on
    /// 64-byte boundaries for reproducible bits (<see cref="AlignedOperand"/>).
    /// </summary>
    internal void TransposedProduct(double* a, double* b, double* w, int n, int k, int ldw)
    {
        byte nn = (byte)'N', t = (byte)'T';
        double one = 1, zero = 0;
        using var gate = BlasThreadGate.Shared();
        _dgemm(&nn, &t, &n, &n, &k, &one, b, &n, a, &n, &zero, w, &ldw, 1, 1);
    }

    /// <summary>Upper triangle of C ← C − Aᵀ A (dsyrk 'U', 'T'): A k × n, C n × n, leading dimension lda.</summary>
    internal void SubtractTransposedSquare(double* a, double* c, int n, int k, int lda)
    {
        byte up = (byte)'U', t = (byte)'T';
        double minusOne = -1, one = 1;
        using var gate = BlasThreadGate.Shared();
        _dsyrk(&up, &t, &n, &k, &minusOne, a, &lda, &one, c, &lda, 1, 1);
    }

    /// <summary>
    /// Row-major A (rows × k) is the column-major k × rows Aᵀ and row-major C's lower triangle is the column-major
    /// upper one, so C ← C − A Aᵀ is dsyrk 'U', 'T' with N = rows, K = k: one level-3 call (rows² k flops).
    /// </summary>
    public void SubtractGramLower(double[] a, int aOffset, int rows, int k, double[] c, int cOffset)
    {
        if (rows == 0 || k == 0) return;
        if (rows <= ManagedOrder)
        {
            Managed.SubtractGramLower(a, aOffset, rows, k, c, cOffset);
            return;
        }
        byte up = (byte)'U', t = (byte)'T';
        double minusOne = -1, one = 1;
        using var gate = BlasThreadGate.Shared();
        using var pa = new AlignedOperand(a, aOffset, rows * k, writeBack: false);
        using var pc = new AlignedOperand(c, cOffset, rows * rows, writeBack: true);
        _dsyrk(&up, &t, &rows, &k, &minusOne, pa.Pointer, &k, &one, pc.Pointer, &rows, 1, 1);
    }

    public void CholeskySolve(double[] l, int n, double[] b) => CholeskySolve(l, 0, n, b);

    public void CholeskySolve(double[] l, int offset, int n, double[] b)
    {
        if (n == 0) return;
        if (n <= ManagedOrder)
        {
            Managed.CholeskySolve(l, offset, n, b);
            return;
        }
        byte u = (byte)'U';
        int one = 1, info;
        using var gate = BlasThreadGate.Shared();
        using var pl = new AlignedOperand(l, offset, n * n, writeBack: false);
        using var pb = new AlignedOperand(b, n, writeBack: true);
        _dpotrs(&u, &n, &one, pl.Pointer, &n, pb.Pointer, &n, &info, 1);
    }

    public void ForwardSolveRows(double[] l, int n, double[] rows, int count) => TriangularRows(l, 0, n, rows, 0, count, transpose: true);

    public void BackwardSolveRows(double[] l, int n, double[] rows, int count) => TriangularRows(l, 0, n, rows, 0, count, transpose: false);

    public void ForwardSolveRows(double[] l, int lOffset, int n, double[] rows, int rowsOffset, int count) =>
        TriangularRows(l, lOffset, n, rows, rowsOffset, count, transpose: true);

    public void BackwardSolveRows(double[] l, int lOffset, int n, double[] rows, int rowsOffset, int count) =>
        TriangularRows(l, lOffset, n, rows, rowsOffset, count, transpose: false);

    /// <summary>
    /// Row-major L is the column-major upper U = Lᵀ and count×n rows are the column-major n×count B: L w = b is
    /// Uᵀ w = b (TRANSA = 'T'), Lᵀ x = b is U x = b (TRANSA = 'N'); one dtrsm for all right-hand sides.
    /// </summary>
    private void TriangularRows(double[] l, int lOffset, int n, double[] rows, int rowsOffset, int count, bool transpose)
    {
        if (n == 0 || count == 0) return;
        byte left = (byte)'L', up = (byte)'U', trans = (byte)(transpose ? 'T' : 'N'), nonUnit = (byte)'N';
        double one = 1;
        using var gate = BlasThreadGate.Shared();
        using var pl = new AlignedOperand(l, lOffset, n * n, writeBack: false);
        using var pb = new AlignedOperand(rows, rowsOffset, n * count, writeBack: true);
        _dtrsm(&left, &up, &trans, &nonUnit, &n, &count, &one, pl.Pointer, &n, pb.Pointer, &n, 1, 1, 1, 1);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void CholeskyInverse(double[] l, int n, double[] inv)
    {
        // Stays native at every order (not <see cref="ManagedOrder"/>): with the managed inverse on the blocks of order 4,
        // the W-state counts sample's Q1 for Charlie at N = 1e7 (data 1e-6 inside the boundary, samples/w-table1-counts.scn)
        // ended at DIMACS 1.0e-6, numerical failure, instead of near-optimal; the managed inverse is as accurate (relative
        // error ≈ κ·1e-16), so it is the trajectory that moved, and that row is this fragile (docs/peers.md "Many small solves").
        Array.Copy(l, inv, n * n);
        byte u = (byte)'U';
        int info;
        using (BlasThreadGate.Shared())
        using (var p = new AlignedOperand(inv, n * n, writeBack: true)) _dpotri(&u, &n, p.Pointer, &n, &info, 1);
        // dpotri filled the column-major upper = row-major lower triangle; mirror it.
        for (var i = 0; i < n; i++)
        for (var j = i + 1; j < n; j++) inv[i * n + j] = inv[j * n + i];
    }

    public void Multiply(double[] a, double[] b, double[] c, int n)
    {
        if (n <= ManagedOrder)
        {
            Managed.Multiply(a, b, c, n);
            return;
        }
        // Column-major view of row-major arrays is the transpose: Cᵀ = Bᵀ Aᵀ, i.e. dgemm(B, A).
        byte nn = (byte)'N';
        double one = 1, zero = 0;
        using var gate = BlasThreadGate.Shared();
        using var pa = new AlignedOperand(a, n * n, writeBack: false);
        using var pb = new AlignedOperand(b, n * n, writeBack: false);
        using var pc = new AlignedOperand(c, n * n, writeBack: true);
        _dgemm(&nn, &nn, &n, &n, &n, &one, pb.Pointer, &n, pa.Pointer, &n, &zero, pc.Pointer, &n, 1, 1);
    }

    /// <summary>
    /// From this size on, <see cref="CongruenceByInverseFactor"/> uses dsygst (S kept symmetric: about half the flops of
    /// two triangular solves). Measured with OpenBLAS: n = 200: 1.26 ms against 1.74 ms for two dtrsm; n = 88: 0.11 ms
    /// against 0.09 ms.
    /// </summary>
    private const int SymmetricCongruenceThreshold = 128;

    public void CongruenceByInverseFactor(double[] l, int n, double[] s)
    {
        if (n <= ManagedOrder)
        {
            Managed.CongruenceByInverseFactor(l, n, s);
            return;
        }
        using var gate = BlasThreadGate.Shared();
        if (n >= SymmetricCongruenceThreshold)
        {
            // Column-major: U = Lᵀ is upper and V = Uᵀ U. dsygst (ITYPE = 1) overwrites the upper triangle of S with
            // U⁻ᵀ S U⁻¹ = L⁻¹ S L⁻ᵀ, reading only that triangle of S and of U (the row-major lower ones); then the
            // other triangle is mirrored from it.
            int itype = 1, info;
            byte upper = (byte)'U';
            using (AlignedOperand pl = new(l, n * n, writeBack: false), ps = new(s, n * n, writeBack: true))
                _dsygst(&itype, &upper, &n, ps.Pointer, &n, pl.Pointer, &n, &info, 1);
            for (var i = 0; i < n; i++)
            for (var j = i + 1; j < n; j++) s[i * n + j] = s[j * n + i];
            return;
        }
        // Column-major: U = Lᵀ is upper. L⁻¹ S L⁻ᵀ = U⁻ᵀ S U⁻¹: left solve with Uᵀ, then right solve with U.
        byte left = (byte)'L', right = (byte)'R', up = (byte)'U', t = (byte)'T', nt = (byte)'N', nu = (byte)'N';
        double one = 1;
        using (AlignedOperand pl = new(l, n * n, writeBack: false), ps = new(s, n * n, writeBack: true))
        {
            _dtrsm(&left, &up, &t, &nu, &n, &n, &one, pl.Pointer, &n, ps.Pointer, &n, 1, 1, 1, 1);
            _dtrsm(&right, &up, &nt, &nu, &n, &n, &one, pl.Pointer, &n, ps.Pointer, &n, 1, 1, 1, 1);
        }
        ManagedKernels.Symmetrize(s, n);
    }

    /// <summary>Up to this order <see cref="MinEigenvalue"/> runs managed: a LAPACK call's fixed costs dominate there.</summary>
    internal const int ManagedEigenOrder = 16;

    /// <summary>
    /// λmin by dsytrd (T = Qᵀ S Q, ≈ 4n³/3 flops) and bisection on the Sturm count of T (<see cref="SymmetricEigen"/>).
    /// Before, dsyevr (RANGE = 'I', IL = IU = 1) did the same reduction, and its bisection (dstebz/dlaebz) was 7 % of the
    /// CPU of the Fig. 2 benchmark sample (perf), mostly on blocks of order 4 to 56. Blocks up to
    /// <see cref="ManagedEigenOrder"/> are reduced managed too. Per call (steady state): n = 4 0.55 µs against dsyevr's
    /// 2.6 µs, n = 17 6.5 against 8.3, n = 56 53 against 61 (docs/peers.md "Many small solves").
    /// </summary>
    public double MinEigenvalue(double[] s, int n)
    {
        if (n <= ManagedEigenOrder) return SymmetricEigen.MinEigenvalue(s, n);
        byte up = (byte)'U';
        // The workspace is sized by n alone (dsytrd blocks by at most 64 columns within it), so the algorithm and its
        // bits do not depend on a workspace query, and it sits at a 64-byte boundary: the blocked reduction runs
        // dgemm/dsyr2k on it, whose last bits depended on where an ordinary array landed.
        int lwork = 64 * n, info;
        var d = new double[n];
        var e = new double[n - 1];
        var tau = new double[n - 1];
        using var gate = BlasThreadGate.Shared();
        using var aligned = new AlignedOperand(s, n * n, writeBack: true);
        var ps = aligned.Pointer;
        var pwork = (double*)NativeMemory.AlignedAlloc((nuint)lwork * sizeof(double), 64);
        try
        {
            fixed (double* pd = d, pe = e, ptau = tau)
                _dsytrd(&up, &n, ps, &n, pd, pe, ptau, pwork, &lwork, &info, 1);
        }
        finally { NativeMemory.AlignedFree(pwork); }
        return info == 0 ? SymmetricEigen.SmallestTridiagonal(d, e) : double.NaN;
    }
}
