using System.Diagnostics;
using System.Numerics;
using SteeringRng.Quantum.Data;

namespace SteeringRng.Quantum.Tests.Data;

/// <summary>A fact that needs NumPy under /usr/bin/python3: skipped, with the reason, when it is missing.</summary>
public sealed class NumpyFactAttribute : FactAttribute
{
    public NumpyFactAttribute()
    {
        if (NumpyInteropTests.Python("import numpy") is { } failure) Skip = $"NumPy is not available under {NumpyInteropTests.Interpreter}: {failure}";
    }
}

/// <summary>
/// .npy files exchanged with real NumPy: arrays NumPy writes (C and Fortran order, complex128, float64, big-endian) read
/// here give the entries a formula gives, and a file written here is what NumPy reads.
/// </summary>
public class NumpyInteropTests
{
    public const string Interpreter = "/usr/bin/python3";

    /// <summary>Runs a Python script; null on success, else the reason (missing interpreter, exit code and stderr).</summary>
    public static string? Python(string script, string? workingDirectory = null)
    {
        if (!File.Exists(Interpreter)) return $"{Interpreter} does not exist";
        var start = new ProcessStartInfo(Interpreter) { RedirectStandardError = true, RedirectStandardOutput = true, WorkingDirectory = workingDirectory ?? "" };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(60_000)) { process.Kill(); return "timed out"; }
        return process.ExitCode == 0 ? null : $"exit {process.ExitCode}: {stderr.Result.Trim()}";
    }

    // Entry [y, z, b, c, i, j] of the test array: distinct for every index, with a nonzero imaginary part off the diagonal.
    private const string Formula = "y + 10*z + 100*b + 1000*c + 0.5*i + 0.25*j + 1j*(i - j)*(1 + y + 3*z)";

    private static Complex Entry(long[] k) =>
        new(k[0] + 10 * k[1] + 100 * k[2] + 1000 * k[3] + 0.5 * k[4] + 0.25 * k[5], (k[4] - k[5]) * (1 + k[0] + 3 * k[1]));

    [NumpyFact]
    public void Arrays_numpy_writes_read_as_the_formula_says()
    {
        var folder = Directory.CreateTempSubdirectory("steer-npy-").FullName;
        try
        {
            var script = $$"""
                import numpy as np
                y, z, b, c, i, j = np.indices((3, 2, 2, 2, 2, 2))
                a = ({{Formula}}).astype(np.complex128)
                np.save("c.npy", a)
                np.save("f.npy", np.asfortranarray(a))
                np.save("big.npy", a.astype(">c16"))
                np.save("real.npy", a.real.astype(np.float64))
                """;
            Assert.Null(Python(script, folder));
            var layout = new AssemblageLayout(2, [3, 2], [2, 2]);
            foreach (var name in new[] { "c.npy", "f.npy", "big.npy", "real.npy" })
            {
                var array = NpyFile.Read(File.ReadAllBytes(Path.Combine(folder, name)), name);
                Assert.Equal(layout.Shape, array.Shape);
                for (long k = 0; k < array.Values.Length; k++)
                {
                    var expected = Entry(layout.Unravel(k));
                    if (name == "real.npy") expected = new Complex(expected.Real, 0);
                    Assert.True(expected == array.Values[k], $"{name} entry {k}: {array.Values[k]} != {expected}");
                }
            }
        }
        finally { Directory.Delete(folder, recursive: true); }
    }

    [NumpyFact]
    public void A_file_written_here_is_the_array_numpy_reads()
    {
        var folder = Directory.CreateTempSubdirectory("steer-npy-").FullName;
        try
        {
            var layout = new AssemblageLayout(2, [3, 2], [2, 2]);
            var values = Enumerable.Range(0, 96).Select(k => Entry(layout.Unravel(k))).ToArray();
            File.WriteAllBytes(Path.Combine(folder, "ours.npy"), NpyFile.Write(layout.Shape, values));
            var script = $$"""
                import numpy as np
                a = np.load("ours.npy", allow_pickle=False)
                y, z, b, c, i, j = np.indices((3, 2, 2, 2, 2, 2))
                assert a.dtype == np.complex128, a.dtype
                assert a.shape == (3, 2, 2, 2, 2, 2), a.shape
                assert np.array_equal(a, {{Formula}}), "entries differ"
                """;
            Assert.Null(Python(script, folder));
        }
        finally { Directory.Delete(folder, recursive: true); }
    }
}
