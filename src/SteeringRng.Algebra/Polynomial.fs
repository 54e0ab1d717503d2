namespace SteeringRng.Algebra

open System.Numerics

/// A noncommutative polynomial Σ_w c_w w with complex coefficients over canonical words, stored sparsely.
/// Zero coefficients are never stored, so structural equality is equality of polynomials.
[<CustomEquality; NoComparison>]
type Polynomial =
    private
        { Terms: Map<Word, Complex> }

    /// Terms in shortlex word order.
    member p.Coefficients = p.Terms |> Map.toSeq

    member p.Coefficient(w: Word) = p.Terms |> Map.tryFind w |> Option.defaultValue Complex.Zero

    member p.IsZero = p.Terms.IsEmpty

    override p.Equals(o: obj) =
        match o with
        | :? Polynomial as q -> p.Terms = q.Terms
        | _ -> false

    override p.GetHashCode() = hash (Map.toList p.Terms |> List.map fst)

    static member Zero = { Terms = Map.empty }

    static member private Add(terms: Map<Word, Complex>, w: Word, c: Complex) =
        let s = (terms |> Map.tryFind w |> Option.defaultValue Complex.Zero) + c
        if s = Complex.Zero then terms.Remove w else terms.Add(w, s)

    /// Builds Σ c·w from (word, coefficient) pairs; repeated words add up.
    static member OfTerms(terms: seq<Word * Complex>) =
        { Terms = terms |> Seq.fold (fun m (w, c) -> Polynomial.Add(m, w, c)) Map.empty }

    static member OfWord(w: Word) = Polynomial.OfTerms [ w, Complex.One ]

    /// A word that may be zero (as returned by products).
    static member OfReduced(w: Word voption) =
        match w with
        | ValueSome w -> Polynomial.OfWord w
        | ValueNone -> Polynomial.Zero

    static member Constant(c: Complex) = Polynomial.OfTerms [ Word.Identity, c ]

    static member One = Polynomial.Constant Complex.One

    static member (+)(p: Polynomial, q: Polynomial) =
        { Terms = q.Terms |> Map.fold (fun m w c -> Polynomial.Add(m, w, c)) p.Terms }

    static member (~-)(p: Polynomial) = { Terms = p.Terms |> Map.map (fun _ c -> -c) }

    static member (-)(p: Polynomial, q: Polynomial) = p + (-q)

    static member (*)(c: Complex, p: Polynomial) =
        if c = Complex.Zero then Polynomial.Zero else { Terms = p.Terms |> Map.map (fun _ a -> c * a) }

    static member (*)(c: float, p: Polynomial) = Complex(c, 0.0) * p

    /// (Σ a_u u)(Σ b_v v) = Σ a_u b_v (u·v), products reduced to canonical words (zero words drop out).
    static member (*)(p: Polynomial, q: Polynomial) =
        let terms =
            seq {
                for KeyValue(u, a) in p.Terms do
                    for KeyValue(v, b) in q.Terms do
                        match Word.multiply u v with
                        | ValueSome w -> yield w, a * b
                        | ValueNone -> ()
            }
        Polynomial.OfTerms terms

    /// (Σ c_w w)† = Σ conj(c_w) w†.
    member p.Adjoint() =
        Polynomial.OfTerms(p.Terms |> Map.toSeq |> Seq.map (fun (w, c) -> Word.adjoint w, Complex.Conjugate c))

    /// "0.5", or "(0.5+1i)" when the coefficient is not real.
    static member FormatCoefficient(c: Complex) =
        if c.Imaginary = 0.0 then
            c.Real.ToString("G6")
        else
            let sign = if c.Imaginary < 0.0 then "-" else "+"
            "(" + c.Real.ToString("G6") + sign + abs(c.Imaginary).ToString("G6") + "i)"

    /// The largest word length with a nonzero coefficient (0 for constants and zero).
    member p.Degree = p.Terms |> Seq.fold (fun d kv -> max d kv.Key.Length) 0

    override p.ToString() =
        if p.Terms.IsEmpty then
            "0"
        else
            p.Terms
            |> Map.toList
            |> List.map (fun (w, c) -> $"{Polynomial.FormatCoefficient c} {w}")
            |> String.concat " + "
