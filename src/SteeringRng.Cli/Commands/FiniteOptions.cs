namespace SteeringRng.Cli.Commands;

/// <summary>The parsed arguments of <c>steer finite</c>.</summary>
public sealed record FiniteOptions(string Protocol, string Counts, string Raw, string Seed, string Output, string Certificate, string? Previous)
{
    /// <exception cref="UsageException">An unknown option, a missing or repeated value, or a required option missing.</exception>
    public static FiniteOptions Parse(IReadOnlyList<string> args)
    {
        string? protocol = null;
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        string[] known = ["--counts", "--raw", "--seed", "--output", "--certificate", "--previous"];
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (known.Contains(arg))
            {
                if (i + 1 >= args.Count) throw new UsageException($"option {arg} needs a value.");
                if (values.ContainsKey(arg)) throw new UsageException($"option {arg} is given twice.");
                values[arg] = args[++i];
            }
            else if (arg.StartsWith('-') && arg.Length > 1) throw new UsageException($"unknown option '{arg}'.");
            else if (protocol is null) protocol = arg;
            else throw new UsageException($"unexpected argument '{arg}' (one protocol file; the data are given with --counts and --raw).");
        }
        if (protocol is null) throw new UsageException("no protocol file given.");
        var missing = known[..5].Where(k => !values.ContainsKey(k)).ToList();
        if (missing.Count > 0) throw new UsageException($"missing {string.Join(", ", missing)}.");
        return new FiniteOptions(protocol, values["--counts"], values["--raw"], values["--seed"], values["--output"], values["--certificate"],
            values.GetValueOrDefault("--previous"));
    }
}
