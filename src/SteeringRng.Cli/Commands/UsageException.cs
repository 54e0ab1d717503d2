namespace SteeringRng.Cli.Commands;

/// <summary>The command line is wrong (exit code 2); the message says what to change.</summary>
public sealed class UsageException(string message) : Exception(message);

/// <summary>An input the user supplied cannot be used (exit code 3); the message says what and where.</summary>
public sealed class InputException(string message) : Exception(message);
