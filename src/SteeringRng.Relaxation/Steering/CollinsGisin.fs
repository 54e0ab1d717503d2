namespace SteeringRng.Relaxation.Steering

/// What one untrusted party contributes to a Collins–Gisin block: nothing (its marginal is taken),
/// or the event "outcome a at setting x" with a < n − 1 (the last outcome is never a coordinate).
[<Struct>]
type PartyTerm =
    | Marginal
    | Event of setting: int * outcome: int

/// How one party enters a full block or a marginal: a definite outcome at a setting, or summed over outcomes.
[<Struct>]
type PartyChoice =
    | Outcome of setting: int * outcome: int
    | SummedOut

/// The shape of an assemblage: settings m_j and outcomes n_j of each untrusted party.
type Scenario = { Settings: int[]; Outcomes: int[] }

/// Collins–Gisin coordinates of no-signalling assemblages.
///
/// A no-signalling assemblage is determined by, and any choice of Hermitian matrices defines one through,
/// the blocks σ_κ for keys κ = (κ_1..κ_k), κ_j ∈ {Marginal} ∪ {(x, a) : a < n_j − 1}: σ_κ is the marginal
/// on the parties with an event. Full blocks follow from
///     σ_{a|x} = Σ over the expansion of Π_j T_j,  T_j = [x_j, a_j]            if a_j < n_j − 1
///                                                T_j = [·] − Σ_{b<n_j−1} [x_j, b]  if a_j = n_j − 1,
/// so no-signalling (Σ_{a_j} σ_{a|x} independent of x_j) holds by construction and needs no constraints.
module CollinsGisin =

    /// All keys, parties' terms in order (Marginal first, then events by setting, outcome).
    let keys (s: Scenario) : PartyTerm list[] =
        let termsOf j =
            [ yield Marginal
              for x in 0 .. s.Settings[j] - 1 do
                  for a in 0 .. s.Outcomes[j] - 2 -> Event(x, a) ]
        let rec product j =
            if j = s.Settings.Length then [ [] ]
            else [ for t in termsOf j do for rest in product (j + 1) -> t :: rest ]
        product 0 |> List.toArray

    /// Index of each key in <see cref="keys"/>.
    let indexOf (s: Scenario) : System.Collections.Generic.IReadOnlyDictionary<PartyTerm list, int> =
        let d = System.Collections.Generic.Dictionary<PartyTerm list, int>(HashIdentity.Structural)
        keys s |> Array.iteri (fun i k -> d[k] <- i)
        d :> _

    /// The linear expansion of a block or marginal (one choice per party) into keys with coefficients ±1.
    let expand (s: Scenario) (choices: PartyChoice[]) : (PartyTerm list * float) list =
        let termsOf j =
            match choices[j] with
            | SummedOut -> [ Marginal, 1.0 ]
            | Outcome(x, a) when a < s.Outcomes[j] - 1 -> [ Event(x, a), 1.0 ]
            | Outcome(x, _) -> (Marginal, 1.0) :: [ for b in 0 .. s.Outcomes[j] - 2 -> Event(x, b), -1.0 ]
        let rec product j =
            if j = choices.Length then [ [], 1.0 ]
            else [ for (t, c) in termsOf j do for (rest, c') in product (j + 1) -> t :: rest, c * c' ]
        product 0

    /// The full outcome choice of a tuple (a, x).
    let full (a: int[]) (x: int[]) : PartyChoice[] = Array.map2 (fun x a -> Outcome(x, a)) x a

    /// Whether the block σ_{a|x} is the one read to obtain key κ from data: parties with an event match
    /// (x_j, a_j); Marginal parties are read at setting 0 and summed over outcomes (any setting would do
    /// for no-signalling data).
    let reads (key: PartyTerm list) (a: int[]) (x: int[]) : bool =
        key
        |> List.mapi (fun j t ->
            match t with
            | Marginal -> x[j] = 0
            | Event(xs, al) -> x[j] = xs && a[j] = al)
        |> List.forall id
