using SteeringRng.Certification.Bounds;
using SteeringRng.Certification.Data;
using SteeringRng.Certification.Seesaw;
using SteeringRng.Quantum.Data;
using SteeringRng.Sdp;

namespace SteeringRng.Certification.Tests.Data;

/// <summary>The library path: an assemblage file read from disk and certified without a scenario file.</summary>
public class AssemblageFilesLibraryTests
{
    private static string Sample(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "samples", "data", name))) return Path.Combine(dir.FullName, "samples", "data", name);
        throw new FileNotFoundException(name);
    }

    [Fact]
    public void The_exact_GHZ_file_certifies_two_bits()
    {
        var measured = AssemblageFiles.Read(Sample("ghz3-exact.npy"), ["Bob", "Charlie"]);
        Assert.Null(measured.Repair);
        var rows = CertificationEngine.Certify(measured.Assemblage, new GuessTarget([0, 1], [0, 0]), [new BoundSpec.NoSignalling()], new InteriorPointSolver());
        // GHZ at μ = 1 with X on both: P_g = 1/4 (2 bits; the paper's Fig. 2(a) at μ = 1).
        Assert.True(Math.Abs(rows[0].Pguess!.Value - 0.25) < 1e-7, $"{rows[0].Pguess:R}");
    }

    [Fact]
    public void The_noisy_file_is_refused_unless_repaired()
    {
        var e = Assert.Throws<DataFileException>(() => AssemblageFiles.Read(Sample("ghz3-noisy.npy"), ["Bob", "Charlie"]));
        Assert.Contains("not a valid assemblage", e.Message);
        Assert.Contains("no-signalling of Bob", e.Message);
        var repaired = AssemblageFiles.Read(Sample("ghz3-noisy.npy"), ["Bob", "Charlie"], repair: true);
        // The noise added by samples/data/make-ghz3-assemblage.py has Frobenius norm 0.01214291681989114 and the exact data are valid.
        Assert.InRange(repaired.Repair!.Distance, 1e-4, 0.01214291681989114);
        Assert.Contains("not found", Assert.Throws<DataFileException>(() => AssemblageFiles.Read("/nonexistent/s.npy")).Message);
    }
}
