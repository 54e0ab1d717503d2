namespace SteeringRng.Quantum.Data;

/// <summary>
/// A data file cannot be used: the message names the file, the place in it (an entry index, a JSON path, a header
/// field) and what is wrong, e.g. <c>'ghz.npy': entry [0, 1, 1, 0, 1, 0] (settings 0 1, outcomes 1 0, row 1, column 0) is NaN</c>.
/// Readers throw only this (never a parser's own exception), so a host can report it as one located line.
/// </summary>
public sealed class DataFileException(string file, string where, string problem) : Exception($"'{file}': {(where.Length == 0 ? "" : where + ": ")}{problem}")
{
    /// <summary>The file as named by the user.</summary>
    public string File { get; } = file;

    /// <summary>Where in the file ("" for the file as a whole): "header", "entry [0, 1, …]", "blocks[3].real[1][0]".</summary>
    public string Where { get; } = where;

    /// <summary>What is wrong there.</summary>
    public string Problem { get; } = problem;
}
