using System.Numerics;

namespace SteeringRng.Certification.Protocol;

/// <summary>
/// What publishing the test counts costs the extractor's input (docs/formulations/finite-protocol.md §4). The certificate
/// publishes the count table D = (N_c) of the E events; conditioning on published classical data lowers the smooth
/// min-entropy by at most log2 of the number of values it can take (chain rule H_min^ε(A|DE) ≥ H_min^ε(A|E) − log2|D|).
/// Every N_c lies in [0, n], so |D| ≤ (n + 1)^E and the cost is at most ⌈E · log2(n + 1)⌉ bits, computed exactly here:
/// the least integer b with 2^b ≥ (n + 1)^E is the bit length of (n + 1)^E − 1.
/// </summary>
public static class PublishedCounts
{
    public static long Bits(int events, long rounds)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(events);
        ArgumentOutOfRangeException.ThrowIfNegative(rounds);
        return (long)(BigInteger.Pow(rounds + (BigInteger)1, events) - 1).GetBitLength();
    }

    /// <summary>The cost for a protocol's count table: one count per event of the layout, each in [0, n].</summary>
    public static long Bits(BoundProtocol protocol) => Bits(protocol.Layout.Rows, protocol.Declared.Rounds);
}
