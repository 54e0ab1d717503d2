namespace SteeringRng.Reporting;

/// <summary>The image formats a plot can be written in, chosen by the file's extension.</summary>
public enum PlotFileFormat { Svg, Png }

public static class PlotFileFormats
{
    public const string Supported = ".svg, .png";

    /// <summary>The format for a path, from its extension (case-insensitive); any other extension is an error.</summary>
    public static PlotFileFormat FromPath(string path)
    {
        var extension = Path.GetExtension(path);
        return extension.ToLowerInvariant() switch
        {
            ".svg" => PlotFileFormat.Svg,
            ".png" => PlotFileFormat.Png,
            "" => throw new ArgumentException(
                $"Cannot write plot '{path}': the file name has no extension; supported: {Supported}.", nameof(path)),
            _ => throw new ArgumentException(
                $"Cannot write plot '{path}': extension '{extension}' is not supported; supported: {Supported}.", nameof(path)),
        };
    }
}
