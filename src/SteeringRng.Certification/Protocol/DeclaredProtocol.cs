using SteeringRng.Extraction;

namespace SteeringRng.Certification.Protocol;

/// <summary>Which analysis's certified entropy sets the output length (both are computed and recorded).</summary>
public enum EntropyAnalysisKind
{
    /// <summary>Entropy accumulation: general (coherent) attacks with quantum side information.</summary>
    Eat,

    /// <summary>Independent, identically distributed rounds only; labelled as such everywhere.</summary>
    Iid,
}

/// <summary>
/// A spot-checking protocol as declared before any data (docs/formulations/finite-protocol.md): n rounds, each a test
/// round with probability γ; the test statistics with their acceptance intervals; the security parameters ε_s, ε_EA,
/// ε_ext; the extractor and the output length; the scenario, objective and relaxation the entropy is certified with.
/// </summary>
/// <param name="File">The protocol file as given (for messages).</param>
/// <param name="ScenarioPath">The scenario file, resolved against the protocol's folder.</param>
/// <param name="Tolerance">δ of every conditional probability p(o | s) of a test round (the acceptance box the analyses assume).</param>
/// <param name="Statistics">Further acceptance tests: correlators with their own expected values and tolerances (may be empty).</param>
/// <param name="OutputBits">The declared output length m, or null for the largest the certified entropy allows.</param>
/// <param name="Commitment">The <c>commitment = sha256:…</c> line (hex digits), absent before the protocol is committed.</param>
/// <param name="ReferenceNoise">η of the EAT's reference statistic v = (1 − η)·w_exp + η·u (u uniform; ReferenceSearch.Mixed),
/// fixed before the data like every other parameter (<c>reference-noise</c>, optional, 0 = v = w_exp; steer plan
/// --optimise-reference finds the best η for the declared n, γ, δ).</param>
public sealed record DeclaredProtocol(
    string File,
    string Scenario,
    string ScenarioPath,
    string Objective,
    string Bound,
    long Rounds,
    double TestProbability,
    double Tolerance,
    IReadOnlyList<TestStatistic> Statistics,
    ExtractorError EpsilonSmoothing,
    ExtractorError EpsilonAccumulation,
    ExtractorError EpsilonExtractor,
    string Extractor,
    long? OutputBits,
    EntropyAnalysisKind Analysis,
    string? Commitment,
    double ReferenceNoise = 0);
