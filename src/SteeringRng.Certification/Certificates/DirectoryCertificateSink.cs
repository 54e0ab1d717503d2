using System.Text;
using SteeringRng.Certification.Results;
using SteeringRng.Sdp.Certificates;

namespace SteeringRng.Certification.Certificates;

/// <summary>
/// Writes each certificate to DIR/OBJECTIVE_BOUND_PARAMS.cert (e.g. <c>joint_npa-2_mu=0.8.cert</c>, the names of
/// <c>steer export</c>), through a temporary file and a rename so that a file is either whole or absent.
/// </summary>
public sealed class DirectoryCertificateSink(string directory) : ICertificateSink
{
    public string Directory { get; } = directory;

    public void Write(ParameterSet parameters, string objective, string bound, CertificateFile file) =>
        Write(FileName(parameters, objective, bound), file.Write);

    public void Write(ParameterSet parameters, string objective, string bound, WitnessCertificate file) =>
        Write(FileName(parameters, objective, bound), file.Write);

    private void Write(string name, Action<TextWriter> write)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var path = Path.Combine(Directory, name);
        var temporary = path + ".tmp-" + Environment.CurrentManagedThreadId;
        using (var writer = new StreamWriter(temporary, append: false, new UTF8Encoding(false))) write(writer);
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>"joint_npa-2_mu=0.8.cert": objective, bound, parameters (as <c>steer export</c> names its files).</summary>
    public static string FileName(ParameterSet parameters, string objective, string bound)
    {
        var parts = new List<string> { objective, bound };
        parts.AddRange(parameters.Select(p => p.Key + "=" + p.Value.ToString("R", System.Globalization.CultureInfo.InvariantCulture)));
        var invalid = Path.GetInvalidFileNameChars();
        var name = new StringBuilder();
        foreach (var c in string.Join("_", parts))
            name.Append(char.IsWhiteSpace(c) || invalid.Contains(c) || c is '"' or '*' or '?' or ':' or '\\' or '/' or '|' or '<' or '>' ? '-' : c);
        return name.Append(".cert").ToString();
    }
}
