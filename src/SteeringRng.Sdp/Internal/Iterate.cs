namespace SteeringRng.Sdp.Internal;

/// <summary>
/// One primal–dual point (X, y, Z) in internal coordinates: dense blocks row-major n×n, Nonnegative blocks as vectors.
/// X ≻ 0 and Z ≻ 0 throughout (infeasible-start interior method: the equality residuals need not vanish).
/// </summary>
internal sealed class Iterate
{
    public Iterate(double[][] x, double[] y, double[][] z)
    {
        X = x;
        Y = y;
        Z = z;
    }

    public double[][] X { get; }
    public double[] Y { get; }
    public double[][] Z { get; }

    public Iterate Clone() =>
        new(X.Select(b => (double[])b.Clone()).ToArray(), (double[])Y.Clone(), Z.Select(b => (double[])b.Clone()).ToArray());
}
