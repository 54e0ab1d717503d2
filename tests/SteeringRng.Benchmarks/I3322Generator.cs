using Microsoft.FSharp.Collections;
using SteeringRng.Algebra;
using SteeringRng.Relaxation;

namespace SteeringRng.Benchmarks;

/// <summary>
/// The NPA relaxation of the I3322 Bell expression at a given level, built by the F# relaxation builder.
/// I3322 in Collins–Gisin form (Collins &amp; Gisin, J. Phys. A 37, 1775 (2004)):
///   −p_A(0|0) − 2 p_B(0|0) − p_B(0|1) + Σ_{xy} c_xy p(00|xy),  c = [[1, 1, 1], [1, 1, −1], [1, −1, 0]].
/// Value of the relaxation = ObjectiveOffset − bᵀy (see <see cref="Relaxation.MomentValue"/>).
/// </summary>
public static class I3322Generator
{
    /// <summary>
    /// Published optima of the NPA levels 2, 3, 4 (Pál &amp; Vértesi, PRA 82, 022116 (2010)), the benchmark's
    /// accuracy reference.
    /// </summary>
    public static readonly IReadOnlyDictionary<int, double> KnownOptimum = new Dictionary<int, double>
    {
        [2] = 0.2509397216, [3] = 0.2508755621, [4] = 0.2508753845,
    };

    public static Relaxation.Relaxation Create(int level)
    {
        var scenario = new Scenario(ListModule.OfSeq([PartyModule.uniform("A", 3, 2), PartyModule.uniform("B", 3, 2)]));
        Polynomial Pa(int x) => scenario.Projector(0, x, 0);
        Polynomial Pb(int y) => scenario.Projector(1, y, 0);
        double[,] c = { { 1, 1, 1 }, { 1, 1, -1 }, { 1, -1, 0 } };
        var e = -1.0 * Pa(0) - 2.0 * Pb(0) - Pb(1);
        for (var x = 0; x < 3; x++)
        for (var y = 0; y < 3; y++)
            if (c[x, y] != 0) e += c[x, y] * (Pa(x) * Pb(y));
        return Relaxations.NpaBell(scenario, e, level);
    }
}
