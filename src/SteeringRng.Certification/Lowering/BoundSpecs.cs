using SteeringRng.Certification.Bounds;
using SteeringRng.Certification.Seesaw;
using Checked = SteeringRng.Scenario.Checked;

namespace SteeringRng.Certification.Lowering;

/// <summary>A checked <c>bounds</c> entry as the engine's <see cref="BoundSpec"/> (NPA levels as structured words over party indices).</summary>
public static class BoundSpecs
{
    public static BoundSpec Of(ScenarioModel model, Checked.Bound bound) => Of(bound, model.PartyOf);

    /// <summary>The bound's name as rows carry it ("ns", "npa 1+BC", "seesaw dim 10"); needs no model.</summary>
    public static string NameOf(Checked.Bound bound) => Of(bound, _ => 0).Name;

    /// <param name="partyOf">The untrusted-party index of a node index.</param>
    private static BoundSpec Of(Checked.Bound bound, Func<int, int> partyOf) => bound switch
    {
        Checked.Bound.Npa n => new BoundSpec.Npa(n.level.Base, n.level.Extra.Select(w => w.Select(partyOf).ToArray()).ToArray(), n.level.Text,
            n.level.Words.Select(w => w.Select(l => new NpaLetter(partyOf(l.Node), l.Setting, l.Outcome)).ToArray()).ToArray()),
        Checked.Bound.Seesaw z => new BoundSpec.Dimension(SeesawOptions.Default with
        {
            Dimension = z.options.Dim, RandomStarts = z.options.Restarts, Seed = z.options.Seed,
            BlockSize = Microsoft.FSharp.Core.FSharpOption<int>.get_IsSome(z.options.Block) ? z.options.Block!.Value : null,
        }),
        _ when bound.IsNoSignalling => new BoundSpec.NoSignalling(),
        _ when bound.IsGlobal => new BoundSpec.Global(),
        _ => new BoundSpec.Steering(),
    };
}
