namespace SteeringRng.Certification.Seesaw;

/// <summary>
/// Which untrusted outcomes Eve guesses: the parties in <see cref="Parties"/> (a subset, ascending), each at its
/// setting in <see cref="Settings"/>. The other parties' outcomes are not guessed (summed over). Eve's guess e is
/// a tuple with one outcome per guessed party, enumerated lexicographically (last party fastest).
/// </summary>
public sealed class GuessTarget
{
    public GuessTarget(IReadOnlyList<int> parties, IReadOnlyList<int> settings)
    {
        if (parties.Count == 0) throw new ArgumentException("Guess the outcome of at least one untrusted party.");
        if (parties.Count != settings.Count)
            throw new ArgumentException($"{parties.Count} guessed parties but {settings.Count} settings; give one setting per guessed party.");
        for (int i = 1; i < parties.Count; i++)
            if (parties[i] <= parties[i - 1]) throw new ArgumentException("Guessed parties must be distinct and ascending.");
        if (parties[0] < 0) throw new ArgumentException("Party indices start at 0.");
        if (settings.Any(s => s < 0)) throw new ArgumentException("Setting indices start at 0.");
        Parties = parties.ToArray();
        Settings = settings.ToArray();
    }

    public IReadOnlyList<int> Parties { get; }
    public IReadOnlyList<int> Settings { get; }

    /// <summary>All k parties guessed jointly at settings x* = (x*_1, …, x*_k).</summary>
    public static GuessTarget Joint(params int[] settings) => new(Enumerable.Range(0, settings.Length).ToArray(), settings);

    /// <summary>Only party <paramref name="party"/> guessed, at <paramref name="setting"/>.</summary>
    public static GuessTarget Single(int party, int setting) => new([party], [setting]);

    /// <summary>The setting of party j if guessed, or −1.</summary>
    public int SettingOf(int party)
    {
        for (int i = 0; i < Parties.Count; i++) if (Parties[i] == party) return Settings[i];
        return -1;
    }

    /// <summary>Throws if a guessed party or setting does not exist in a scenario with these counts.</summary>
    public void ValidateAgainst(IReadOnlyList<int> settingCounts)
    {
        for (int i = 0; i < Parties.Count; i++)
        {
            if (Parties[i] >= settingCounts.Count)
                throw new ArgumentException($"Guessed party {Parties[i]} does not exist: the data has {settingCounts.Count} untrusted parties.");
            if (Settings[i] >= settingCounts[Parties[i]])
                throw new ArgumentException($"Party {Parties[i]} has {settingCounts[Parties[i]]} settings; setting {Settings[i]} does not exist.");
        }
    }

    public override string ToString() =>
        string.Join(",", Parties.Select((p, i) => $"party {p} setting {Settings[i]}"));
}
