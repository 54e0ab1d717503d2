namespace SteeringRng.Scenario

open System
open System.Globalization

/// What a host found when the language asked for a file a scenario names (an include, a data file).
[<RequireQualifiedAccess>]
type FileContent =
    /// The whole text of the file, within the limit asked for.
    | Text of string
    /// The file does not exist or cannot be read.
    | NotFound
    /// The file holds more than the limit asked for; the host stopped reading there.
    | TooLarge

/// What a host found when the language asked for a binary data file (an assemblage in .npy or .json).
[<RequireQualifiedAccess>]
type FileBytes =
    /// The whole file, within the limit asked for.
    | Bytes of byte[]
    /// The file does not exist or cannot be read.
    | NotFound
    /// The file holds more than the limit asked for; the host stopped reading there.
    | TooLarge

/// The most the language reads from one file (grammar.md, Limits). A host reading files must stop at these
/// sizes, so that an endless file (/dev/zero) or a huge one ends in a located error, never in running out of
/// memory. Text handed over directly (not read by the host) is measured in characters, which a UTF-8 file
/// never has more of than bytes, so the same text is accepted either way.
[<AbstractClass; Sealed>]
type InputLimits =
    /// A scenario file or an included file: 4 MiB, about 200 statements of the longest length allowed
    /// (20 000 characters) and far more than any real scenario.
    static member MaxSourceBytes: int64 = 4L * 1024L * 1024L

    /// The numbers in one data file (state vector, density matrix, POVM). The largest matrix the language
    /// allows from a file is a density matrix of joint dimension 1000 (10^6 entries); a POVM is at most 64
    /// outcomes of 64 x 64 matrices (262 144 entries).
    static member MaxDataNumbers: int = 1_000_000

    /// Room for one number in a data file: a complex number in full precision with exponents
    /// (-1.2345678901234567e-100+1.2345678901234567e-100i) is 50 characters; the rest is for separators
    /// and comments.
    static member BytesPerNumber: int64 = 64L

    /// A data file: MaxDataNumbers numbers of BytesPerNumber bytes (64 000 000 bytes).
    static member MaxDataBytes: int64 = int64 InputLimits.MaxDataNumbers * InputLimits.BytesPerNumber

    /// "4 MiB (4 194 304 bytes)", "64 MB (64 000 000 bytes)" for messages.
    static member Describe(bytes: int64) : string =
        let exact = bytes.ToString("N0", CultureInfo.InvariantCulture).Replace(",", " ")
        if bytes % (1024L * 1024L) = 0L then String.Format(CultureInfo.InvariantCulture, "{0} MiB ({1} bytes)", bytes / (1024L * 1024L), exact)
        elif bytes % 1_000_000L = 0L then String.Format(CultureInfo.InvariantCulture, "{0} MB ({1} bytes)", bytes / 1_000_000L, exact)
        else exact + " bytes"
