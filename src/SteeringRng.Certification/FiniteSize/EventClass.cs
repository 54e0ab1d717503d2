namespace SteeringRng.Certification.FiniteSize;

/// <summary>
/// One outcome class of a test round: the settings of every node and the outcomes of every node (for a steering test:
/// the trusted tomography setting and outcome with the untrusted settings and outcomes; for a Bell test: every party's
/// setting and outcome). <see cref="SettingProbability"/> is q(settings), the probability that a test round uses these
/// settings (fixed by the protocol, e.g. uniform).
/// </summary>
public sealed record EventClass(string Name, string SettingsKey, double SettingProbability);
