namespace SteeringRng.Algebra

/// How many canonical words there are, counted without building any (for size estimates of relaxations).
///
/// One party with generators P_{b|y} (b < n_y − 1): a nonzero canonical word alternates settings, since
/// P_{b|y} P_{b'|y} = δ_{bb'} P_{b|y} merges or kills neighbours of one setting. So the words of length l ending in
/// setting y number
///   c_1(y) = n_y − 1,   c_l(y) = (n_y − 1) · Σ_{y' ≠ y} c_{l−1}(y').
/// Parties commute, so a canonical word is one word per party in party order, and the words of total length L are the
/// coefficient of t^L in Π_j f_j(t), f_j(t) = 1 + Σ_l (Σ_y c_l(y)) t^l. Counts are floats: they are estimates and may
/// be astronomically large (no overflow, ~16 significant digits).
[<RequireQualifiedAccess>]
module WordCount =

    /// Σ_y c_l(y) for l = 0..maxLength of one party (index 0: the identity).
    let private partyCounts (outcomes: int array) (maxLength: int) : float array =
        let counts = Array.zeroCreate (maxLength + 1)
        counts[0] <- 1.0
        let mutable last = outcomes |> Array.map (fun n -> float (n - 1))
        for l in 1 .. maxLength do
            if l > 1 then
                let total = Array.sum last
                last <- Array.init outcomes.Length (fun y -> float (outcomes[y] - 1) * (total - last[y]))
            counts[l] <- Array.sum last
        counts

    /// The coefficients t^0..t^maxLength of Π_j f_j(t): canonical words of each exact length.
    let byLength (scenario: Scenario) (maxLength: int) : float array =
        if maxLength < 0 then invalidArg (nameof maxLength) $"A length must be nonnegative, got {maxLength}."
        let mutable product = Array.init (maxLength + 1) (fun l -> if l = 0 then 1.0 else 0.0)
        for p in scenario.Parties do
            let f = partyCounts p.Outcomes maxLength
            product <- Array.init (maxLength + 1) (fun l -> Seq.sum (seq { for i in 0 .. l -> product[i] * f[l - i] }))
        product

    /// Canonical nonzero words of length ≤ maxLength (the identity included): |S| of NPA level maxLength, exactly.
    let upTo (scenario: Scenario) (maxLength: int) : float = byLength scenario maxLength |> Array.sum

    /// Words of a product term g_{p_1} · … · g_{p_r} (one generator of each listed party): at most Π_i g_{p_i}
    /// (an upper bound: repeated parties merge or kill some products).
    let productBound (scenario: Scenario) (parties: int array) : float =
        parties |> Array.fold (fun acc p -> acc * float (scenario.GeneratorLetters p).Length) 1.0

    /// |S| of a generating set, and the longest word length in it, without building S: exact for NPA levels (the
    /// union of levels and product terms is bounded by the sum of their sizes). Words and level strings are built
    /// (they are short lists given by hand).
    let rec generatingSet (scenario: Scenario) (spec: GeneratingSetSpec) : struct (float * int) =
        match spec with
        | GeneratingSetSpec.Level k -> struct (upTo scenario k, k)
        | GeneratingSetSpec.LevelWithProducts(k, products) ->
            let extra = products |> Array.sumBy (productBound scenario)
            let longest = products |> Array.fold (fun m p -> max m p.Length) k
            struct (upTo scenario k + extra, longest)
        | GeneratingSetSpec.LevelWithWords(k, products, words) ->
            // The explicit words are a short list given by hand: each adds at most one word.
            let struct (n, longest) = generatingSet scenario (GeneratingSetSpec.LevelWithProducts(k, products))
            struct (n + float words.Length, words |> List.fold (fun m w -> max m w.Length) longest)
        | GeneratingSetSpec.Terms _
        | GeneratingSetSpec.Words _ ->
            let s = GeneratingSet.build scenario spec
            struct (float s.Length, s |> Array.fold (fun m w -> max m w.Length) 0)

    /// Distinct nonzero words u†v over a generating set whose words have length ≤ longest and whose size is n:
    /// at most the canonical words of length ≤ 2·longest, and at most n² (exact for NPA levels, where every word of
    /// length ≤ 2k splits into two of length ≤ k).
    let momentWords (scenario: Scenario) (n: float) (longest: int) : float = min (upTo scenario (2 * longest)) (n * n)
