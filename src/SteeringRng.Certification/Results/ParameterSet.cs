using System.Collections;
using System.Globalization;

namespace SteeringRng.Certification.Results;

/// <summary>
/// The scenario parameters of one result row, in the order the scenario declared them (e.g. μ = 0.8).
/// Ordered, because the order is what a reader sees in tables and CSV headers; compared by value,
/// because tables and plots group rows that belong to the same parameter point.
/// </summary>
public sealed class ParameterSet : IReadOnlyList<KeyValuePair<string, double>>, IEquatable<ParameterSet>
{
    private readonly KeyValuePair<string, double>[] entries;

    public static ParameterSet Empty { get; } = new([]);

    public ParameterSet(IEnumerable<KeyValuePair<string, double>> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        this.entries = entries.ToArray();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, _) in this.entries)
        {
            if (string.IsNullOrWhiteSpace(name))
                throw new ArgumentException("A parameter name must not be empty.", nameof(entries));
            if (!seen.Add(name))
                throw new ArgumentException($"Parameter '{name}' is given twice.", nameof(entries));
        }
    }

    /// <summary>Builds a set from (name, value) pairs in the given order: <c>ParameterSet.Of(("mu", 0.8))</c>.</summary>
    public static ParameterSet Of(params (string Name, double Value)[] entries) =>
        new(entries.Select(e => KeyValuePair.Create(e.Name, e.Value)));

    public int Count => entries.Length;

    public KeyValuePair<string, double> this[int index] => entries[index];

    public IEnumerable<string> Names => entries.Select(e => e.Key);

    public bool TryGetValue(string name, out double value)
    {
        foreach (var (key, v) in entries)
        {
            if (key == name)
            {
                value = v;
                return true;
            }
        }
        value = double.NaN;
        return false;
    }

    public IEnumerator<KeyValuePair<string, double>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, double>>)entries).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Same names in the same order with bit-identical values (a sweep point is its exact grid value).</summary>
    public bool Equals(ParameterSet? other)
    {
        if (other is null || other.entries.Length != entries.Length) return false;
        for (var i = 0; i < entries.Length; i++)
        {
            if (entries[i].Key != other.entries[i].Key || !entries[i].Value.Equals(other.entries[i].Value)) return false;
        }
        return true;
    }

    public override bool Equals(object? obj) => Equals(obj as ParameterSet);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var (name, value) in entries)
        {
            hash.Add(name, StringComparer.Ordinal);
            hash.Add(value);
        }
        return hash.ToHashCode();
    }

    /// <summary>"mu=0.8, theta=0.25", shortest round-trip form, invariant culture.</summary>
    public override string ToString() =>
        string.Join(", ", entries.Select(e => e.Key + "=" + e.Value.ToString("R", CultureInfo.InvariantCulture)));
}
