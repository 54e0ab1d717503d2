namespace SteeringRng.Sdp.Kkt;

/// <summary>
/// The entries of each slot of a <see cref="SchurBlockPlan"/> grouped by column b (A_i[a, b] = v): per slot its
/// distinct columns ("groups", ascending), per group the plan's flattened entry indices that lie in that column.
/// The gathered Schur formula sums each group's rows of Z⁻¹ once and then needs one row of X per group, not per entry.
/// </summary>
internal sealed class ColumnGroups
{
    public static readonly ColumnGroups Empty = new([], [0]);

    private readonly int[] _slotFirst;  // slot → first group (length slots + 1)
    private readonly int[] _column;     // group → its column b
    private readonly int[] _entryStart; // group → first index into _entries (length groups + 1)
    private readonly int[] _entries;    // flattened entry indices, grouped by column, in entry order within a group

    /// <param name="cols">The plan's flattened column indices.</param>
    /// <param name="start">Slot → first flattened entry (length slots + 1).</param>
    public ColumnGroups(int[] cols, int[] start)
    {
        var slots = start.Length - 1;
        _slotFirst = new int[slots + 1];
        _entries = new int[cols.Length];
        var column = new List<int>();
        var entryStart = new List<int>();
        var at = 0;
        for (var s = 0; s < slots; s++)
        {
            _slotFirst[s] = column.Count;
            var sorted = Enumerable.Range(start[s], start[s + 1] - start[s]).OrderBy(e => cols[e]); // stable
            var previous = -1;
            foreach (var e in sorted)
            {
                if (cols[e] != previous)
                {
                    column.Add(cols[e]);
                    entryStart.Add(at);
                    previous = cols[e];
                }
                _entries[at++] = e;
            }
        }
        _slotFirst[slots] = column.Count;
        entryStart.Add(at);
        _column = column.ToArray();
        _entryStart = entryStart.ToArray();
    }

    /// <summary>How many distinct columns the slot's matrix has.</summary>
    public int Count(int slot) => _slotFirst[slot + 1] - _slotFirst[slot];

    /// <summary>The slot's first group; its groups are First(slot) .. First(slot) + Count(slot) − 1.</summary>
    public int First(int slot) => _slotFirst[slot];

    public int Column(int group) => _column[group];

    /// <summary>The columns of groups first … first + count − 1.</summary>
    public ReadOnlySpan<int> Columns(int first, int count) => _column.AsSpan(first, count);

    /// <summary>The flattened indices of the group's entries.</summary>
    public ReadOnlySpan<int> Entries(int group) => _entries.AsSpan(_entryStart[group], _entryStart[group + 1] - _entryStart[group]);
}
