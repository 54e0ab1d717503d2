using System.Globalization;
using SteeringRng.Sdp;

namespace SteeringRng.Cli.Output;

/// <summary>The plain-text report of a solve: one "key  value" line each; objectives in full ("R") precision.</summary>
public static class SolutionText
{
    public static void Write(SdpSolution s, TextWriter w)
    {
        w.WriteLine($"solver      {s.Solver}");
        w.WriteLine($"status      {s.Status}");
        w.WriteLine($"primal      {Full(s.PrimalObjective)}");
        w.WriteLine($"dual        {Full(s.DualObjective)}");
        w.WriteLine($"dimacs      {string.Join("  ", s.Dimacs.Select(d => d.ToString("0.00E+00", CultureInfo.InvariantCulture)))}");
        w.WriteLine($"iterations  {s.Iterations}");
        w.WriteLine($"seconds     {s.Seconds.ToString("0.000", CultureInfo.InvariantCulture)}");
        if (s.Message.Length > 0) w.WriteLine($"message     {s.Message}");
    }

    private static string Full(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
