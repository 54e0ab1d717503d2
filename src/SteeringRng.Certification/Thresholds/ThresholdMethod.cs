namespace SteeringRng.Certification.Thresholds;

/// <summary>Which search a request asks for.</summary>
public enum ThresholdMethodChoice
{
    /// <summary>The direct method where it applies (the steering test on a white-noise family), bisection elsewhere.</summary>
    Auto,

    /// <summary>Bisection for every bound (e.g. to cross-check the direct method).</summary>
    Bisection,
}

/// <summary>The method names results carry.</summary>
public static class ThresholdMethod
{
    public const string Bisection = "bisection";
    public const string Direct = "direct (critical visibility at the family's pure end)";
    public const string None = "none";
}
