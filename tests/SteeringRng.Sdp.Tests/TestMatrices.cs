namespace SteeringRng.Sdp.Tests;

/// <summary>Matrices shared by the kernel tests.</summary>
internal static class TestMatrices
{
    /// <summary>A symmetric, diagonally dominant (hence positive definite) row-major n×n matrix with irregular entries.</summary>
    public static double[] Spd(int n)
    {
        var a = new double[n * n];
        for (var i = 0; i < n; i++)
        for (var j = 0; j <= i; j++)
            a[i * n + j] = a[j * n + i] = i == j ? n : Math.Cos(0.7 * (i * n + j) + 0.3);
        return a;
    }
}
