using SteeringRng.Sdp.Internal;
using SteeringRng.Sdp.Kkt;

namespace SteeringRng.Sdp.Tests;

/// <summary>
/// Solves that run at once share the cores (Internal/CoreShare): with as many solves running as there are cores, a
/// solve's parallel loops get one worker each. The Schur complement and a whole solve are the same bit for bit with one
/// worker as with every core (each row and each block is computed by one thread in a fixed order).
/// </summary>
public sealed class CoreShareTests
{
    [Fact]
    public void As_many_running_solves_as_cores_leave_one_worker_each()
    {
        var scopes = Enumerable.Range(0, Environment.ProcessorCount).Select(_ => CoreShare.Solve()).ToArray();
        try { Assert.Equal(1, CoreShare.Workers); }
        finally { foreach (var s in scopes) s.Dispose(); }
    }

    [Fact]
    public void The_Schur_complement_has_the_same_bits_with_one_worker()
    {
        var problem = PlantedProblem.Create(5, PlantedOptimumTests.Blocks("P40,H17,N3"), 24, 0.35).Problem;
        var ip = InternalProblem.From(problem);
        var rng = new Random(3);
        double[][] Blocks() => ip.Layout.Select(l =>
        {
            var n = l.Dim;
            var v = new double[l.IsDiagonal ? n : n * n];
            if (l.IsDiagonal) { for (var k = 0; k < n; k++) v[k] = 1 + rng.NextDouble(); return v; }
            for (var r = 0; r < n; r++)
            for (var c = r; c < n; c++) v[r * n + c] = v[c * n + r] = (r == c ? n : 0) + rng.NextDouble() - 0.5;
            return v;
        }).ToArray();
        var (x, zInv) = (Blocks(), Blocks());
        var schur = new SchurComplement(ip);
        var m = ip.M;
        var parallel = new double[m * m];
        schur.Form(x, zInv, parallel);
        var alone = new double[m * m];
        var scopes = Enumerable.Range(0, Environment.ProcessorCount).Select(_ => CoreShare.Solve()).ToArray();
        try { schur.Form(x, zInv, alone); }
        finally { foreach (var s in scopes) s.Dispose(); }
        Assert.Equal(parallel.Select(BitConverter.DoubleToInt64Bits), alone.Select(BitConverter.DoubleToInt64Bits));
        Assert.Contains(parallel, v => v != 0);
    }
}
