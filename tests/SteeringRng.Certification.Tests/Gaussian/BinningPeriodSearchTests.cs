using SteeringRng.Certification.Gaussian;

namespace SteeringRng.Certification.Tests.Gaussian;

public class BinningPeriodSearchTests
{
    /// <summary>
    /// A rugged landscape on [2, 10]²: a zero plateau, a broad local maximum at (4, 4) of height 0.8 and a narrow
    /// global one at (8.3, 6.7) of height 1 (width 0.6): a local search from the broad one's basin misses the global one.
    /// </summary>
    private static double Rugged(double[] t)
    {
        double Bump(double cx, double cy, double h, double w) => h * Math.Exp(-((t[0] - cx) * (t[0] - cx) + (t[1] - cy) * (t[1] - cy)) / (2 * w * w));
        return Math.Max(0, Bump(4, 4, 0.8, 1.5) + Bump(8.3, 6.7, 1.0, 0.6) - 0.05);
    }

    [Fact]
    public void FindsTheGlobalMaximum_AsAFineGridDoes()
    {
        var found = new BinningPeriodSearch { GridStep = 1, Resolution = 0.01, Starts = 3 }.Maximise(2, Rugged);
        double fine = double.NegativeInfinity;
        for (double x = 2; x <= 10 + 1e-9; x += 0.01)
            for (double y = 2; y <= 10 + 1e-9; y += 0.01) fine = Math.Max(fine, Rugged([x, y]));
        Assert.True(found.Value >= fine - 1e-4, $"search {found.Value} vs fine grid {fine}");
        Assert.InRange(found.Periods[0], 8.2, 8.4);
        Assert.InRange(found.Periods[1], 6.6, 6.8);
        Assert.True(found.Evaluations < 200, $"{found.Evaluations} evaluations");
    }

    [Fact]
    public void ALocalSearchFromTheWrongBasin_StopsAtTheLocalMaximum()
    {
        // The reason for the grid: a compass search started at (3, 3) climbs to the broad maximum only.
        var local = new BinningPeriodSearch { Lower = 2, Upper = 5, GridStep = 3, Resolution = 0.01, Starts = 1 }.Maximise(2, Rugged);
        Assert.InRange(local.Value, 0.7, 0.8);
    }

    [Fact]
    public void StaysInTheBox()
    {
        var found = new BinningPeriodSearch { GridStep = 2 }.Maximise(2, t => t[0] + t[1]);
        Assert.Equal([10.0, 10.0], found.Periods);
    }
}
