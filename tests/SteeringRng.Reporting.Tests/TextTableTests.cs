namespace SteeringRng.Reporting.Tests;

public class TextTableTests
{
    [Fact]
    public void Columns_AreAsWideAsTheirWidestCell_NumbersRightWordsLeft()
    {
        var table = new TextTable([new TextColumn("μ", ColumnAlignment.Right), new TextColumn("bound", ColumnAlignment.Left), new TextColumn("H_min", ColumnAlignment.Right)]);
        table.AddRow("0.5", "ns", "0.000000");
        table.AddRow("0.75", "seesaw dim 10", "12.500000");
        Assert.Equal(
            "   μ  bound              H_min\n" +
            "----  -------------  ---------\n" +
            " 0.5  ns              0.000000\n" +
            "0.75  seesaw dim 10  12.500000\n",
            table.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void ALongLastColumn_IsNotPadded_AndLineBreaksInCellsBecomeSpaces()
    {
        var table = new TextTable([new TextColumn("status", ColumnAlignment.Left), new TextColumn("message", ColumnAlignment.Left)]);
        table.AddRow("error", "first\nsecond\tthird");
        table.AddRow("optimal", "");
        Assert.Equal(
            "status   message\n" +
            "-------  ------------------\n" +
            "error    first second third\n" +
            "optimal\n",
            table.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void MultiLineHeaders_AndGroupSeparators_LineUp()
    {
        var table = new TextTable([
            new TextColumn(["", "μ"], ColumnAlignment.Right),
            new TextColumn(["joint", "ns"], ColumnAlignment.Right, GroupStart: true),
            new TextColumn(["", "npa 2"], ColumnAlignment.Right),
            new TextColumn(["B", "ns"], ColumnAlignment.Right, GroupStart: true),
        ]);
        table.AddRow("0.9", "1.5", "1.4", "0.3");
        Assert.Equal(
            "    | joint        |   B\n" +
            "  μ |    ns  npa 2 |  ns\n" +
            "--- | -----  ----- | ---\n" +
            "0.9 |   1.5    1.4 | 0.3\n",
            table.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void ARowOfTheWrongLength_IsRejected()
    {
        var table = new TextTable([new TextColumn("a", ColumnAlignment.Left)]);
        var error = Assert.Throws<ArgumentException>(() => table.AddRow("x", "y"));
        Assert.Contains("has 1 cells, not 2", error.Message);
    }
}
