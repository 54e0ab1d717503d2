using System.Numerics;
using SteeringRng.Quantum.Data;

namespace SteeringRng.Quantum.Tests.Data;

/// <summary>Assemblages for the data-file tests, from the library's own state and measurement model (not from files).</summary>
internal static class DataSamples
{
    /// <summary>μ GHZ + (1 − μ) I/8 on Alice (trusted), Bob, Charlie, with Bob and Charlie measuring X, Y, Z.</summary>
    public static Assemblage NoisyGhz(double mu)
    {
        var rho = States.NoisyGhz(3, 2, mu);
        IReadOnlyList<Povm> xyz = [Measurements.PauliX, Measurements.PauliY, Measurements.PauliZ];
        return AssemblageBuilder.Build(rho, [0], [xyz, xyz]);
    }

    /// <summary>Seeded Hermitian Gaussian noise of standard deviation <paramref name="sd"/> per real and imaginary part, added to every block.</summary>
    public static Assemblage WithNoise(Assemblage sigma, double sd, int seed)
    {
        var random = new Random(seed);
        double Gauss() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        var values = AssemblageLayout.ToValues(sigma);
        var d = sigma.TrustedDimension;
        for (var start = 0; start < values.Length; start += d * d)
            for (var i = 0; i < d; i++)
                for (var j = i; j < d; j++)
                {
                    var z = i == j ? new Complex(sd * Gauss(), 0) : new Complex(sd * Gauss(), sd * Gauss());
                    values[start + i * d + j] += z;
                    if (i != j) values[start + j * d + i] += Complex.Conjugate(z);
                }
        return AssemblageLayout.Of(sigma).ToAssemblage(values);
    }

    public static double Distance(Assemblage p, Assemblage q)
    {
        var (a, b) = (AssemblageLayout.ToValues(p), AssemblageLayout.ToValues(q));
        return Math.Sqrt(a.Zip(b, (x, y) => (x - y).Magnitude * (x - y).Magnitude).Sum());
    }

    /// <summary>⟨p − q, r − q⟩ = Re Σ Tr (p − q)† (r − q).</summary>
    public static double Inner(Assemblage p, Assemblage q, Assemblage r)
    {
        var (a, b, c) = (AssemblageLayout.ToValues(p), AssemblageLayout.ToValues(q), AssemblageLayout.ToValues(r));
        double sum = 0;
        for (var k = 0; k < a.Length; k++) sum += (Complex.Conjugate(a[k] - b[k]) * (c[k] - b[k])).Real;
        return sum;
    }

    public static readonly string[] Names = ["Bob", "Charlie"];
}
