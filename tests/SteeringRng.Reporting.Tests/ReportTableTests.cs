namespace SteeringRng.Reporting.Tests;

public class ReportTableTests
{
    private static RunReport SmallSweep(bool interrupted = false) => new("GHZ", [
        SampleReports.Optimal(0.9, "joint", "ns", 0.25),
        SampleReports.Optimal(0.9, "joint", "npa 2", 0.5),
        SampleReports.Optimal(0.9, "B", "ns", 1.0),
        SampleReports.Optimal(0.6, "joint", "ns", 0.5),
        ResultRow.Failed(SampleReports.Mu(0.6), "joint", "npa 2", RowStatus.IterationLimit, "stopped\nafter 200"),
        ResultRow.FromGuessingProbability(SampleReports.Mu(0.6), "B", "ns", 0.5, RowStatus.NearOptimal),
    ], interrupted);

    private static string Render(RunReport report, TableOptions? options = null)
    {
        var writer = new StringWriter();
        ReportTable.Write(report, writer, options);
        return writer.ToString().ReplaceLineEndings("\n");
    }

    private static string Spaces(int count) => new(' ', count);

    [Fact]
    public void Pivot_HasOneLinePerPointSortedByParameter_AndOneColumnPerObjectiveAndBound()
    {
        // Widths: μ 3, joint/ns 6 ("1.0000"), joint/npa 2 10 ("iter-limit"), B/ns 7 ("1.0000~"); all right-aligned.
        Assert.Equal(
            "Scenario: GHZ\n" +
            "H_min in bits; columns: objective / bound\n" +
            "\n" +
            "    |  joint" + Spaces(13) + "|       B\n" +
            "  μ |     ns" + Spaces(7) + "npa 2 |      ns\n" +
            "--- | ------  ---------- | -------\n" +
            "0.6 | 1.0000  iter-limit | 1.0000~\n" +
            "0.9 | 2.0000      1.0000 |  0.0000\n" +
            "~ = near-optimal: solved to reduced accuracy.\n" +
            "\n" +
            "Notes:\n" +
            "  μ=0.6 joint / npa 2: iteration-limit: stopped after 200\n" +
            "  μ=0.6 B / ns: near-optimal\n",
            Render(SmallSweep(), new TableOptions(TableLayout.Pivot, Decimals: 4)));
    }

    [Fact]
    public void A_shared_data_note_heads_the_table_and_a_model_run_has_none()
    {
        // Repaired counts are never used silently: the repair's size is under the title (issue 11), control
        // characters escaped as in the title; a model scenario prints no Data: line.
        var repaired = SmallSweep() with { DataNote = "repaired (repair = nearest): valid data at 13.4 standard deviations\u0007" };
        var lines = Render(repaired).Split('\n');
        Assert.Equal("Scenario: GHZ", lines[0]);
        Assert.StartsWith("Data: repaired (repair = nearest): valid data at 13.4 standard deviations", lines[1]);
        Assert.DoesNotContain('\u0007', lines[1]);
        Assert.DoesNotContain("Data:", Render(SmallSweep()));
    }

    [Fact]
    public void Rows_ShowEveryFieldOfEveryRowInOrder()
    {
        var report = new RunReport("single", [
            ResultRow.FromGuessingProbability(SampleReports.Mu(0.75), "joint", "seesaw dim 10", 0.25, RowStatus.Optimal, 123, 4.567),
            ResultRow.Failed(SampleReports.Mu(0.75), "B", "ns", RowStatus.Error, "matrix, not PSD"),
        ]);
        Assert.Equal(
            "Scenario: single\n" +
            "\n" +
            "   μ  objective  bound          P_guess  H_min (bits)  status   iter  seconds  message\n" +
            "----  ---------  -------------  -------  ------------  -------  ----  -------  ---------------\n" +
            "0.75  joint      seesaw dim 10  0.25000       2.00000  optimal   123     4.57\n" +
            "0.75  B          ns                   -             -  error       -        -  matrix, not PSD\n",
            Render(report, new TableOptions(Decimals: 5)));
    }

    [Fact]
    public void Auto_PivotsASweepOverSeveralBounds_AndListsASinglePointAsRows()
    {
        Assert.Equal(TableLayout.Pivot, ReportTable.ChooseLayout(SmallSweep(), TableLayout.Auto));
        var onePoint = new RunReport("s", SmallSweep().Rows.Where(r => r.Parameters[0].Value == 0.9).ToList());
        Assert.Equal(TableLayout.Rows, ReportTable.ChooseLayout(onePoint, TableLayout.Auto));
        var oneBound = new RunReport("s", SmallSweep().Rows.Where(r => r.Bound == "ns" && r.Objective == "joint").ToList());
        Assert.Equal(TableLayout.Rows, ReportTable.ChooseLayout(oneBound, TableLayout.Auto));
        Assert.Equal(TableLayout.Rows, ReportTable.ChooseLayout(SmallSweep(), TableLayout.Rows));
    }

    [Fact]
    public void AnInterruptedRun_SaysSoUnderTheTable()
    {
        Assert.EndsWith("\nThe run was interrupted: the results above are incomplete.\n", Render(SmallSweep(interrupted: true)));
    }

    [Fact]
    public void AReportWithoutRows_SaysSo()
    {
        Assert.Equal("Scenario: empty\n(no results)\n", Render(new RunReport("empty", [])));
    }

    [Fact]
    public void Pivot_ShowsSteeringVisibilities_AndNamesThemInTheCaption()
    {
        var report = new RunReport("s", [
            SampleReports.Optimal(0.5, "joint", "ns", 0.5),
            SampleReports.Optimal(0.6, "joint", "ns", 0.25),
            ResultRow.FromCriticalVisibility(SampleReports.Mu(0.5), "steering", "steering", 0.25, RowStatus.Optimal),
            ResultRow.FromCriticalVisibility(SampleReports.Mu(0.6), "steering", "steering", 0.125, RowStatus.Optimal),
        ]);
        var text = Render(report, new TableOptions(Decimals: 3));
        Assert.Contains("H_min in bits (critical visibility in steering-test columns); columns: objective / bound\n", text);
        Assert.Contains("0.5 | 1.000 |    0.250\n", text);
        Assert.Contains("0.6 | 2.000 |    0.125\n", text);
    }
}
