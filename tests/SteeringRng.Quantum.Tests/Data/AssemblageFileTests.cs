using System.Numerics;
using System.Text;
using SteeringRng.Quantum.Data;

namespace SteeringRng.Quantum.Tests.Data;

/// <summary>Assemblage files: the axes convention, JSON and .npy round trips, and located errors for bad data.</summary>
public class AssemblageFileTests
{
    private static readonly AssemblageLayout Ghz = new(2, [3, 3], [2, 2]);

    [Fact]
    public void The_npy_axes_are_settings_then_outcomes_then_row_and_column()
    {
        var sigma = DataSamples.NoisyGhz(0.7);
        var values = NpyFile.Read(AssemblageFile.Write(sigma, "s.npy"), "s.npy").Values;
        // Entry [y, z, b, c, i, j] at ((((y·3 + z)·2 + b)·2 + c)·2 + i)·2 + j.
        foreach (var x in sigma.SettingTuples())
            foreach (var a in sigma.OutcomeTuples())
            {
                var block = sigma[a, x];
                for (var i = 0; i < 2; i++)
                    for (var j = 0; j < 2; j++)
                        Assert.Equal(block[i, j], values[((((x[0] * 3 + x[1]) * 2 + a[0]) * 2 + a[1]) * 2 + i) * 2 + j]);
            }
    }

    [Theory]
    [InlineData("s.npy")]
    [InlineData("s.json")]
    public void A_written_assemblage_reads_back_bit_for_bit(string name)
    {
        var sigma = DataSamples.WithNoise(DataSamples.NoisyGhz(0.83), 1e-3, seed: 5);
        var back = AssemblageFile.Read(AssemblageFile.Write(sigma, name, DataSamples.Names), name, Ghz, DataSamples.Names);
        Assert.Equal(AssemblageLayout.ToValues(sigma), AssemblageLayout.ToValues(back));
    }

    [Fact]
    public void Real_float64_npy_data_are_accepted()
    {
        // GHZ at μ = 0.5 with X and Z only is real: written as float64 by hand.
        var sigma = DataSamples.NoisyGhz(0.5);
        // X and Z only (settings 0 and 2): real.
        var xz = new Assemblage(2, [2, 2], [2, 2], (a, x) => sigma[a, [2 * x[0], 2 * x[1]]]);
        var xzReal = AssemblageLayout.ToValues(xz).Select(z => z.Real).ToArray();
        Assert.All(AssemblageLayout.ToValues(xz), z => Assert.Equal(0, z.Imaginary));
        var back = AssemblageFile.Read(NpyFileTests.Npy("{'descr': '<f8', 'fortran_order': False, 'shape': (2, 2, 2, 2, 2, 2), }", NpyFileTests.Doubles(xzReal)), "xz.npy");
        Assert.Equal(AssemblageLayout.ToValues(xz), AssemblageLayout.ToValues(back));
    }

    public static TheoryData<string, string, string> BadJson() => new()
    {
        { "not json", "{ \"format\": ", "line 1" },
        { "format", "{\"format\": \"other\"}", "format: must be \"steeringrng-assemblage\"" },
        { "missing blocks", Head(2) + "}", "blocks: missing" },
        { "missing block", Head(2) + ", \"blocks\": [" + Block(0, 0, 0, 0) + "]}", "35 of 36 blocks are missing, the first is settings (0, 0), outcomes (0, 1)" },
        { "twice", Head(2) + ", \"blocks\": [" + Block(0, 0, 0, 0) + "," + Block(0, 0, 0, 0) + "]}", "blocks[1]: the block settings (0, 0), outcomes (0, 0) is given twice (first as blocks[0])" },
        { "index", Head(2) + ", \"blocks\": [" + Block(3, 0, 0, 0) + "]}", "blocks[0].settings[0]: must be an integer from 0 to 2, got 3" },
        { "size", Head(2) + ", \"blocks\": [{\"settings\": [0, 0], \"outcomes\": [0, 0], \"real\": [[1]]}]}", "blocks[0].real: must be a 2×2 array" },
        { "entry", Head(2) + ", \"blocks\": [{\"settings\": [0, 0], \"outcomes\": [0, 0], \"real\": [[1, \"x\"], [0, 0]]}]}", "blocks[0].real[0][1]: must be a finite number, got a string" },
        { "overflow", Head(2) + ", \"blocks\": [{\"settings\": [0, 0], \"outcomes\": [0, 0], \"real\": [[1, 1e999], [0, 0]]}]}", "blocks[0].real[0][1]: must be a finite number" },
        { "name", Head(2).Replace("\"Bob\"", "\"Dora\"") + ", \"blocks\": []}", "parties[0].name: is 'Dora', but untrusted node 1 of the scenario is 'Bob'" },
        { "dimension", Head(3) + ", \"blocks\": []}", "shape: (3, 3, 2, 2, 3, 3) does not match the scenario, which needs (3, 3, 2, 2, 2, 2)" },
    };

    private static string Head(int d) =>
        $"{{\"format\": \"steeringrng-assemblage\", \"version\": 1, \"trusted_dimension\": {d}, \"parties\": [{{\"name\": \"Bob\", \"settings\": 3, \"outcomes\": 2}}, {{\"settings\": 3, \"outcomes\": 2}}]";

    private static string Block(int y, int z, int b, int c) =>
        $"{{\"settings\": [{y}, {z}], \"outcomes\": [{b}, {c}], \"real\": [[0.25, 0], [0, 0.25]]}}";

    [Theory]
    [MemberData(nameof(BadJson))]
    public void Bad_json_files_name_the_place(string what, string text, string expected)
    {
        var e = Assert.Throws<DataFileException>(() => AssemblageFile.Read(Encoding.UTF8.GetBytes(text), "sigma.json", Ghz, DataSamples.Names));
        Assert.True(e.Message.Contains(expected, StringComparison.Ordinal), $"{what}: {e.Message}");
        Assert.StartsWith("'sigma.json': ", e.Message);
    }

    [Fact]
    public void NaN_infinity_and_non_Hermitian_npy_entries_name_the_entry()
    {
        var values = AssemblageLayout.ToValues(DataSamples.NoisyGhz(0.7));
        var nan = (Complex[])values.Clone();
        nan[((((1 * 3 + 2) * 2 + 0) * 2 + 1) * 2 + 1) * 2 + 0] = new Complex(double.NaN, 0);
        var e = Assert.Throws<DataFileException>(() => AssemblageFile.Read(NpyFile.Write(Ghz.Shape, nan), "n.npy", Ghz));
        Assert.Equal("'n.npy': entry [1, 2, 0, 1, 1, 0] (settings (1, 2), outcomes (0, 1), row 1, column 0): is NaN, not a finite number", e.Message);
        var inf = (Complex[])values.Clone();
        inf[5] = new Complex(0, double.PositiveInfinity);
        Assert.Contains("is infinite", Assert.Throws<DataFileException>(() => AssemblageFile.Read(NpyFile.Write(Ghz.Shape, inf), "i.npy", Ghz)).Message);
        var skew = (Complex[])values.Clone();
        skew[1] += 0.01; // block (0,0|0,0), row 0 column 1 only
        var h = Assert.Throws<DataFileException>(() => AssemblageFile.Read(NpyFile.Write(Ghz.Shape, skew), "h.npy", Ghz));
        Assert.Contains("entry [0, 0, 0, 0, 0, 1]", h.Message);
        Assert.Contains("not Hermitian: |σ_ij − conj(σ_ji)| = 0.01", h.Message);
    }

    [Fact]
    public void A_shape_that_is_not_the_scenario_s_is_refused_with_both_shapes()
    {
        var sigma = DataSamples.NoisyGhz(0.7);
        var e = Assert.Throws<DataFileException>(() => AssemblageFile.Read(AssemblageFile.Write(sigma, "s.npy"), "s.npy", new AssemblageLayout(2, [2, 3], [2, 2])));
        Assert.Contains("shape: (3, 3, 2, 2, 2, 2) does not match the scenario, which needs (2, 3, 2, 2, 2, 2)", e.Message);
        var odd = Assert.Throws<DataFileException>(() => AssemblageFile.Read(NpyFile.Write([3, 2, 2], new Complex[12]), "o.npy"));
        Assert.Contains("has 3 axes", odd.Message);
        Assert.Contains("an assemblage file is read by its extension", Assert.Throws<DataFileException>(() => AssemblageFile.Read([], "s.txt")).Message);
    }
}
