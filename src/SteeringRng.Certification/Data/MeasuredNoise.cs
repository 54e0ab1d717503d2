using System.Numerics;
using SteeringRng.Quantum;

namespace SteeringRng.Certification.Data;

/// <summary>
/// The noise the steering test mixes measured data with: σ⁰_{a|x} = ρ_A / |A| with ρ_A = Σ_a σ_{a|x} (the data's own
/// reduced state) and |A| the number of outcome tuples. It is fully LHS (one hidden state ρ_A, outcomes uniformly at
/// random), no-signalling and normalised. For a state mixed with white noise and complete projective measurements with
/// as many outcomes as the untrusted dimension (Pauli, MUBs) it equals the white-noise assemblage of the model
/// (Tr_U[(I ⊗ M_{a|x}) I/D] = I/(d_A |A|), and ρ_A = I/d_A for GHZ), so the test gives the same v* for a model and its exported data.
/// </summary>
public static class MeasuredNoise
{
    public static Assemblage Of(Assemblage data)
    {
        var d = data.TrustedDimension;
        var x0 = new int[data.PartyCount];
        var rhoA = new Complex[d, d];
        foreach (var a in data.OutcomeTuples())
        {
            var block = data[a, x0];
            for (var i = 0; i < d; i++)
                for (var j = 0; j < d; j++)
                    rhoA[i, j] += block[i, j];
        }
        var share = 1.0 / data.OutcomeTupleCount;
        var noise = new Complex[d, d];
        for (var i = 0; i < d; i++)
            for (var j = 0; j < d; j++)
                noise[i, j] = rhoA[i, j] * share;
        return new Assemblage(d, [.. data.Settings], [.. data.Outcomes], (_, _) => noise);
    }
}
