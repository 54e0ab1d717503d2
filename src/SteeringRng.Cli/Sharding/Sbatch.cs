using System.Diagnostics;
using SteeringRng.Cli.Commands;

namespace SteeringRng.Cli.Sharding;

/// <summary>Submits batch scripts through <c>sbatch --parsable</c> (found on PATH, configured by the cluster's environment).</summary>
public static class Sbatch
{
    /// <returns>The job id.</returns>
    /// <exception cref="InputException">sbatch is missing, refuses the script, or prints no job id.</exception>
    public static string Submit(string script, params string[] options)
    {
        var start = new ProcessStartInfo("sbatch") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("--parsable");
        foreach (var option in options) start.ArgumentList.Add(option);
        start.ArgumentList.Add(script);
        Process process;
        try { process = Process.Start(start) ?? throw new InputException("sbatch could not be started."); }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InputException($"cannot run sbatch ({e.Message}); submit on a Slurm login node, or run {Path.Combine(Path.GetDirectoryName(script) ?? "", "submit.sh")} there.");
        }
        using (process)
        {
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
                throw new InputException($"sbatch refused {script} (exit {process.ExitCode}): {stderr.Result.Trim()}");
            return ParseJobId(stdout) ?? throw new InputException($"sbatch printed no job id for {script}: '{stdout.Trim()}'");
        }
    }

    /// <summary>The id in <c>sbatch --parsable</c> output: "ID" or "ID;CLUSTER" on the last line.</summary>
    public static string? ParseJobId(string output)
    {
        var line = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
        var id = line?.Split(';')[0];
        return id is { Length: > 0 } && id.All(char.IsAsciiDigit) ? id : null;
    }
}
