namespace SteeringRng.Sdp;

/// <summary>
/// The outcome of checking an infeasibility certificate (<see cref="InfeasibilityCertificate"/>): whether it proves
/// its claim at the tolerance, the measure compared with the tolerance, and a one-line account for messages.
/// </summary>
public sealed record CertificateCheck(bool Valid, double Defect, string Detail);
