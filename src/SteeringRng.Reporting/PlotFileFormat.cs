namespace SteeringRng.Reporting;

/// <summary>
/// The image formats a plot can be written in, chosen by the file's extension. SVG and PDF are vector formats (text
/// stays text, lines stay sharp at any zoom): use them for papers. PNG is a raster at the requested resolution.
/// </summary>
public enum PlotFileFormat { Svg, Pdf, Png }

public static class PlotFileFormats
{
    public const string Supported = ".svg, .pdf, .png";

    /// <summary>Whether <paramref name="path"/> ends in an extension a plot can be written as.</summary>
    public static bool IsSupported(string path) => Path.GetExtension(path).ToLowerInvariant() is ".svg" or ".pdf" or ".png";

    /// <summary>The format for a path, from its extension (case-insensitive); any other extension is an error.</summary>
    public static PlotFileFormat FromPath(string path)
    {
        var extension = Path.GetExtension(path);
        return extension.ToLowerInvariant() switch
        {
            ".svg" => PlotFileFormat.Svg,
            ".pdf" => PlotFileFormat.Pdf,
            ".png" => PlotFileFormat.Png,
            "" => throw new ArgumentException(
                $"Cannot write plot '{path}': the file name has no extension; supported: {Supported}.", nameof(path)),
            _ => throw new ArgumentException(
                $"Cannot write plot '{path}': extension '{extension}' is not supported; supported: {Supported}.", nameof(path)),
        };
    }
}
