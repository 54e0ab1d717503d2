/// A deliberately naive second implementation of the word rules, independent of the packed letters and of the
/// stack reduction in the library: rewrite a list of (party, setting, outcome) until nothing applies.
module SteeringRng.Algebra.Tests.NaiveReduction

/// Some reduced list, or None when the product is zero.
let rec reduce (letters: (int * int * int) list) : (int * int * int) list option =
    let rec step (xs: (int * int * int) list) =
        match xs with
        | (p1, y1, b1) :: (p2, y2, b2) :: rest when p1 = p2 && y1 = y2 ->
            if b1 = b2 then Some(Some((p1, y1, b1) :: rest)) // P·P = P
            else Some None // orthogonal outcomes
        | (p1, y1, b1) :: (p2, y2, b2) :: rest when p1 > p2 -> Some(Some((p2, y2, b2) :: (p1, y1, b1) :: rest)) // commute
        | x :: rest ->
            match step rest with
            | Some(Some r) -> Some(Some(x :: r))
            | other -> other
        | [] -> None
    match step letters with
    | None -> Some letters
    | Some None -> None
    | Some(Some next) -> reduce next
