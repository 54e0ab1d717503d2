namespace SteeringRng.Reporting;

/// <summary>A report file (JSON or CSV) that does not follow the contract; the message names where.</summary>
public sealed class ReportFormatException(string message) : Exception(message);
