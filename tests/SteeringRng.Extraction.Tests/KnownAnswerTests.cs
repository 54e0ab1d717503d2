namespace SteeringRng.Extraction.Tests;

/// <summary>
/// Published vectors of two other Toeplitz-extractor implementations, with the map from their conventions to ours
/// (docs/formulations/extraction.md, "Other tools' conventions"). Only the vectors (facts) are used, no code.
/// </summary>
public class KnownAnswerTests
{
    // ── rokzitko/toeplitz (Rok Žitko, Jožef Stefan Institute; C++/Verilog/Mathematica), folder 512x256: an
    // l×n = 256×512 matrix given by its first column c (c.dat, c64-hex.dat) and first row r (r.dat, r64-hex.dat),
    // M[i][j] = c[i − j] for i ≥ j and r[j − i] for j > i (toeplitz.m, myToeplitzMatrix, = Mathematica's
    // ToeplitzMatrix[c, r]); y = M·x mod 2. Every bit string is written as 64-bit hex words, first bit = most
    // significant (tohex: FromDigits of 64 bits), i.e. our byte convention read as hex.
    // Our T[i][j] = s[i − j + n − 1], so s[n − 1 − j] = r[j] and s[n − 1 + i] = c[i]: s = reverse(r) ++ c[1..].
    private const string ZitkoC = "8040498024031ce5d9966e40042ebf9cff68fc305df143e05195fdc55b1b9d7d";
    private const string ZitkoR = "c323324832ac57d9b34bc5e4467c7ae2f5c45fd315d9f3439d20c695c4f0dafe" +
                                  "8cbf12f110e2ddc16900bd05699efab60e6d22e048e901533beae4c8e8b410bc";

    public static TheoryData<string, string> ZitkoVectors() => new()
    {
        // x64-nr1-hex.dat → y64-nr1-hex.dat, … nr4; x-ones (2^512 − 1) → y-ones-hex.dat.
        { "0acaca69764849043b59e2b28cd1e38fcbf5fdc323d6f4e3a8b3b32ece1d4378abfe4d21e828a67b873b2ef4c5466d5648c11fe048b8d7318a519c009922c848",
          "5ea1e51b660babb7603ceb445d0ff98c0405e852ac198c48d934bf9b2dd99179" },
        { "f61f83d6195cb5058d3c34ecac5ceda206fa05576bc29e4611c8419351df630f16a936ddecbc33b8e8864d90c03284d572a7ce54a08179ec0b6697ac484e809a",
          "13830dcc1e03847e800e23d93065bd0e2716c76c0a905051ecbd2c6d09755969" },
        { "f7b028d004c53959b1fcbf029288740e5b21c702aa0f82530e957b0419f247eec5e0f0114ec6009645bb664f23313b01113e5cc146118e56334e10c7ffbdb40e",
          "15b89ce0d91cd2105af6e159bd8bbd244be0e8c19dc836087efcfbad79d201b6" },
        { "a5e8318e7f08e239cc7898b497f74f8c91aea324059b455e21524b8081cc6092017a14599e8f7edacf55e880c4118a960ec6825dbcaf657e2e3e86b2f04e726d",
          "86912c2bd3d674deaf3630e10212831729aade3271f38a3c15792492bf585f9f" },
        { new string('f', 128), "148795f2c91f25f2d7643971faf747388e8580adf6ca82cde0706b81e8d542b9" },
    };

    private static byte[] ZitkoSeed()
    {
        const int n = 512, m = 256;
        var c = NaiveToeplitz.Bits(Convert.FromHexString(ZitkoC), m);
        var r = NaiveToeplitz.Bits(Convert.FromHexString(ZitkoR), n);
        Assert.Equal(c[0], r[0]); // the shared corner
        return NaiveToeplitz.Bytes([.. r.Reverse(), .. c.Skip(1)]);
    }

    [Theory]
    [MemberData(nameof(ZitkoVectors))]
    public void Zitko_512x256(string x, string y)
    {
        var seed = ZitkoSeed();
        var input = Convert.FromHexString(x);
        Assert.Equal(y, Convert.ToHexStringLower(ToeplitzExtractor.Extract(input, 512, seed, 256)));
        Assert.Equal(y, Convert.ToHexStringLower(ToeplitzExtractor.Extract(input, 512, seed, 256, ClmulBackend.Software)));
        Assert.Equal(y, Convert.ToHexStringLower(NaiveToeplitz.Extract(input, 512, seed, 256)));
    }

    // ── cryptomite (Quantinuum; Foreman et al. 2024), test/test_toeplitz.py: (n, m, input x, seed c of n + m − 1 bits,
    // output z) as lists of bits. Its extract(x, c) takes the first m outputs of the cyclic convolution of x with
    // [c_0 … c_{m−1}, 0 …, c_m … c_{n+m−2}], i.e. M[i][j] = c[i − j] for i ≥ j and c[n + m − 1 + i − j] for i < j.
    // With T[i][j] = s[i − j + n − 1]: s[n − 1 + d] = c[d] (d ≥ 0) and s[k] = c[m + k] (k < n − 1), so s is c rotated
    // left by m: s = c[m..] ++ c[..m].
    public static TheoryData<int, int, string, string, string> CryptomiteVectors() => new()
    {
        { 3, 1, "100", "000", "0" },
        { 3, 2, "100", "1111", "11" },
        { 3, 3, "000", "11000", "000" },
        { 6, 4, "110001", "110101001", "0111" },
        { 6, 5, "110001", "0011110101", "00001" },
        { 6, 6, "001100", "00111101101", "111010" },
        { 9, 7, "111111011", "001100010101101", "0000111" },
        { 9, 8, "100111100", "1101010011000001", "11111010" },
        { 9, 9, "010011111", "01001111001101111", "001001011" },
    };

    [Theory]
    [MemberData(nameof(CryptomiteVectors))]
    public void Cryptomite_test_vectors(int n, int m, string x, string c, string z)
    {
        static bool[] Bits(string s) => s.Select(ch => ch == '1').ToArray();
        var cBits = Bits(c);
        bool[] seed = [.. cBits.Skip(m), .. cBits.Take(m)];
        var y = ToeplitzExtractor.Extract(NaiveToeplitz.Bytes(Bits(x)), n, NaiveToeplitz.Bytes(seed), m);
        Assert.Equal(z, string.Concat(NaiveToeplitz.Bits(y, m).Select(b => b ? '1' : '0')));
    }
}
