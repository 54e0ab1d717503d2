using SteeringRng.Quantum.Gaussian;

namespace SteeringRng.Quantum.Tests.Gaussian;

/// <summary>The Fig. 4(a) network in both models: an x-squeezed (mode 0) and a p-squeezed (mode 1) input on η1, then mode 1 with the vacuum (mode 2) on η2.</summary>
internal static class Fig4Network
{
    public const double R = 0.345;

    public static GaussianState Gaussian(double eta2, double r = R, double eta1 = 0.5)
    {
        var v = GaussianState.Vacuum(3)
            .Apply(SymplecticMap.Squeezer(3, 0, r, 0))
            .Apply(SymplecticMap.Squeezer(3, 1, r, Math.PI / 2));
        return v.Apply(SymplecticMap.BeamSplitter(3, 0, 1, eta1)).Apply(SymplecticMap.BeamSplitter(3, 1, 2, eta2));
    }

    public static FockBruteForce Fock(double eta2, int maxPhotons, double r = R, double eta1 = 0.5)
    {
        var f = new FockBruteForce(maxPhotons);
        f.Squeeze(0, r, squeezeP: false);
        f.Squeeze(1, r, squeezeP: true);
        f.BeamSplitter(0, 1, eta1);
        f.BeamSplitter(1, 2, eta2);
        return f;
    }
}
