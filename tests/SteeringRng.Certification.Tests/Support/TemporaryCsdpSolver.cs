using System.Diagnostics;
using System.Globalization;
using System.Text;
using SteeringRng.Sdp;

namespace SteeringRng.Certification.Tests.Support;

/// <summary>
/// Stand-in until SteeringRng.Peers.CsdpSolver lands in main: writes the problem as an SDPA file (Hermitian
/// blocks embedded as [[Re, −Im], [Im, Re]], which doubles inner products, so b is doubled), runs csdp, reads X back.
/// </summary>
internal sealed class TemporaryCsdpSolver : ISdpSolver
{
    public const string Binary = "/usr/bin/csdp";

    public string Name => "csdp";

    public (bool Available, string Reason) Availability =>
        File.Exists(Binary) ? (true, "") : (false, $"{Binary} not found");

    public SdpSolution Solve(SdpProblem problem, SdpSettings? settings = null, CancellationToken cancellation = default)
    {
        var clock = Stopwatch.StartNew();
        var dir = Directory.CreateTempSubdirectory("seesaw-csdp");
        try
        {
            var sizes = problem.Blocks.Select(b => b.Kind == SdpConeKind.HermitianPsd ? 2 * b.Size : b.Kind == SdpConeKind.Nonnegative ? -b.Size : b.Size).ToArray();
            var text = new StringBuilder();
            var inv = CultureInfo.InvariantCulture;
            text.AppendLine(problem.ConstraintCount.ToString(inv));
            text.AppendLine(problem.Blocks.Count.ToString(inv));
            text.AppendLine(string.Join(" ", sizes));
            text.AppendLine(string.Join(" ", problem.B.Select(v => (2 * v).ToString("R", inv))));
            void Write(int matrix, SdpMatrix m, double scale)
            {
                foreach (var e in m.Entries)
                {
                    var kind = problem.Blocks[e.Block].Kind;
                    int n = problem.Blocks[e.Block].Size, blk = e.Block + 1;
                    double s = kind == SdpConeKind.HermitianPsd ? scale : 2 * scale;
                    void Line(int r, int c, double v) { if (v != 0) text.AppendLine(string.Create(inv, $"{matrix} {blk} {r + 1} {c + 1} {(s * v):R}")); }
                    if (kind != SdpConeKind.HermitianPsd) { Line(e.Row, e.Col, e.Value); continue; }
                    Line(e.Row, e.Col, e.Value);
                    Line(n + e.Row, n + e.Col, e.Value);
                    if (e.Row != e.Col) { Line(e.Row, n + e.Col, -e.Imag); Line(e.Col, n + e.Row, e.Imag); }
                }
            }
            Write(0, problem.C, 1);
            for (int i = 0; i < problem.ConstraintCount; i++) Write(i + 1, problem.A[i], 1);
            string input = Path.Combine(dir.FullName, "p.dat-s"), output = Path.Combine(dir.FullName, "p.sol");
            File.WriteAllText(input, text.ToString());
            var start = new ProcessStartInfo(Binary, [input, output]) { RedirectStandardOutput = true, RedirectStandardError = true };
            using var process = Process.Start(start)!;
            string log = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            int iterations = log.Split('\n').Count(l => l.StartsWith("Iter:", StringComparison.Ordinal));
            var status = process.ExitCode switch { 0 => SdpStatus.Optimal, 3 => SdpStatus.NearOptimal, 1 => SdpStatus.PrimalInfeasible, 2 => SdpStatus.DualInfeasible, 4 => SdpStatus.IterationLimit, _ => SdpStatus.NumericalFailure };
            var x = new List<SdpBlockValue>();
            double[] y = new double[problem.ConstraintCount];
            if (File.Exists(output))
            {
                var lines = File.ReadAllLines(output);
                y = lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(v => double.Parse(v, inv)).ToArray();
                var dense = sizes.Select(s => new double[Math.Abs(s), Math.Abs(s)]).ToArray();
                foreach (var line in lines.Skip(1))
                {
                    var f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    if (f.Length < 5 || f[0] != "2") continue;
                    int b = int.Parse(f[1], inv) - 1, r = int.Parse(f[2], inv) - 1, c = int.Parse(f[3], inv) - 1;
                    double v = double.Parse(f[4], inv);
                    dense[b][r, c] = v;
                    dense[b][c, r] = v;
                }
                for (int b = 0; b < problem.Blocks.Count; b++)
                {
                    int n = problem.Blocks[b].Size;
                    var re = new double[n * n];
                    var im = new double[n * n];
                    for (int r = 0; r < n; r++)
                        for (int c = 0; c < n; c++)
                        {
                            re[r * n + c] = (dense[b][r, c] + dense[b][n + r, n + c]) / 2;
                            im[r * n + c] = (dense[b][n + r, c] - dense[b][r, n + c]) / 2;
                        }
                    x.Add(new SdpBlockValue(problem.Blocks[b], re, im));
                }
            }
            return new SdpSolution
            {
                Status = status, PrimalObjective = double.NaN, DualObjective = double.NaN, Y = y, X = x,
                Dimacs = new double[6], Iterations = iterations, Seconds = clock.Elapsed.TotalSeconds, Solver = Name,
            };
        }
        finally { dir.Delete(recursive: true); }
    }
}
