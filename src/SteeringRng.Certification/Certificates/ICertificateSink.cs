using SteeringRng.Certification.Results;
using SteeringRng.Sdp.Certificates;

namespace SteeringRng.Certification.Certificates;

/// <summary>Where a run puts the certificate files of its relaxation rows and steering-test rows (<c>steer run --certificates DIR</c>).</summary>
public interface ICertificateSink
{
    /// <summary>Stores one row's certificate; must be safe to call from parallel points.</summary>
    void Write(ParameterSet parameters, string objective, string bound, CertificateFile file);

    /// <summary>Stores one steering-test row's witness certificate; must be safe to call from parallel points.</summary>
    void Write(ParameterSet parameters, string objective, string bound, WitnessCertificate file);
}
