using SteeringRng.Sdp.LinearAlgebra;

namespace SteeringRng.Sdp.Tests;

/// <summary>
/// The per-thread aligned scratch memory behind the operand copies (src/SteeringRng.Sdp/LinearAlgebra/AlignedScratch.cs).
/// Each test runs on a new thread, so that it starts with nothing kept.
/// </summary>
public class KernelAlignedScratchTests
{
    [Fact]
    public void Buffers_are_aligned_and_reused_when_large_enough() => OnNewThread(() =>
    {
        var first = AlignedScratch.Rent(1000 * sizeof(double));
        Assert.Equal(0, first.Pointer % 64);
        AlignedScratch.Return(first);
        var smaller = AlignedScratch.Rent(500 * sizeof(double));
        Assert.Equal(first, smaller); // the kept buffer, with its own size (a new one would have 4000 bytes)
        var larger = AlignedScratch.Rent(2000 * sizeof(double));
        Assert.NotEqual(first.Pointer, larger.Pointer);
        Assert.Equal(0, larger.Pointer % 64);
        Assert.True(larger.Bytes >= 2000 * sizeof(double));
        AlignedScratch.Return(smaller);
        AlignedScratch.Return(larger);
    });

    [Fact]
    public void At_most_three_are_kept_and_the_largest_win() => OnNewThread(() =>
    {
        // Four buffers returned: the smallest is freed, so requests for the three largest sizes find them all kept.
        var rented = new long[] { 4096, 8192, 16384, 32768 }.Select(AlignedScratch.Rent).ToArray();
        foreach (var b in rented) AlignedScratch.Return(b);
        // Requests just below each size: a kept buffer comes back with its own size, a new one with the size asked.
        var again = new long[] { 32000, 16000, 8000 }.Select(AlignedScratch.Rent).ToArray();
        Assert.Equal(new[] { rented[3], rented[2], rented[1] }, again);
        var fresh = AlignedScratch.Rent(4000);
        Assert.Equal(4000, fresh.Bytes);
        foreach (var b in again.Append(fresh)) AlignedScratch.Return(b);
    });

    [Fact]
    public void Buffers_above_the_cap_are_not_kept() => OnNewThread(() =>
    {
        var big = AlignedScratch.Rent(AlignedScratch.MaxKeptBytes + 64);
        AlignedScratch.Return(big);
        var again = AlignedScratch.Rent(AlignedScratch.MaxKeptBytes + 8);
        Assert.Equal(AlignedScratch.MaxKeptBytes + 8, again.Bytes); // a new buffer, not the one returned
        AlignedScratch.Return(again);
    });

    private static void OnNewThread(Action test)
    {
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try { test(); }
            catch (Exception e) { failure = e; }
        });
        thread.Start();
        thread.Join();
        if (failure is not null) throw new Xunit.Sdk.XunitException(failure.ToString());
    }
}
