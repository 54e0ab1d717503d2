using SteeringRng.Certification.Bounds;
using SteeringRng.Certification.Seesaw;
using SteeringRng.Quantum;
using SteeringRng.Relaxation;

namespace SteeringRng.Certification.FiniteSize;

/// <summary>
/// The inner guessing relaxation (NS, Glo or Q_k, built in full: no symmetry reduction, which depends on the data) of
/// a measured-data relaxation for a guess target: the builder <see cref="Relaxations.MeasuredData(SteeringRng.Relaxation.Steering.MeasuredDataForm, Assemblage, Func{Assemblage, bool, IRelaxation}, bool, double)"/>
/// takes; <see cref="SteeringGuessingProgram"/> and the box relaxation of <see cref="SteeringRegionProgram"/> share it.
/// </summary>
internal static class GuessingRelaxationBuilder
{
    public static Func<Assemblage, bool, IRelaxation> For(GuessTarget guess, BoundSpec bound)
    {
        var (parties, settings) = (guess.Parties.ToArray(), guess.Settings.ToArray());
        return bound switch
        {
            BoundSpec.NoSignalling => (a, _) => Relaxations.NoSignalling(a, parties, settings, false),
            BoundSpec.Global => (a, _) => Relaxations.Global(a, settings),
            BoundSpec.Npa npa => (a, _) => Relaxations.QLevel(a, parties, settings, NpaGeneratingSet.Of(npa), false),
            _ => throw new FiniteSizeInputException(FiniteSizeDiagnostics.ShapeMismatch, $"bound '{bound.Name}' has no finite-size analysis (use ns, global or npa)"),
        };
    }
}
