namespace SteeringRng.Reporting;

/// <summary>
/// Unicode subscript characters, so that labels read as the paper writes them (H_min → Hₘᵢₙ, Q_1 → Q₁) in every
/// format: SVG and PDF keep them as text, PNG draws them with the same font. Unicode has subscript forms for digits,
/// + − = ( ) and the lower-case letters a e h i j k l m n o p r s t u v x only; a text with any other character
/// has no subscript form and <see cref="TryConvert"/> says so, so the caller can fall back to a plain form.
/// </summary>
public static class Subscripts
{
    private static readonly Dictionary<char, char> Forms = new()
    {
        ['0'] = '₀', ['1'] = '₁', ['2'] = '₂', ['3'] = '₃', ['4'] = '₄', ['5'] = '₅', ['6'] = '₆', ['7'] = '₇',
        ['8'] = '₈', ['9'] = '₉', ['+'] = '₊', ['-'] = '₋', ['='] = '₌', ['('] = '₍', [')'] = '₎',
        ['a'] = 'ₐ', ['e'] = 'ₑ', ['h'] = 'ₕ', ['i'] = 'ᵢ', ['j'] = 'ⱼ', ['k'] = 'ₖ', ['l'] = 'ₗ', ['m'] = 'ₘ',
        ['n'] = 'ₙ', ['o'] = 'ₒ', ['p'] = 'ₚ', ['r'] = 'ᵣ', ['s'] = 'ₛ', ['t'] = 'ₜ', ['u'] = 'ᵤ', ['v'] = 'ᵥ',
        ['x'] = 'ₓ',
    };

    /// <summary>The text in subscript characters, or null when some character has no subscript form.</summary>
    public static string? TryConvert(string text)
    {
        var chars = new char[text.Length];
        for (var i = 0; i < text.Length; i++)
        {
            if (!Forms.TryGetValue(text[i], out var sub)) return null;
            chars[i] = sub;
        }
        return new string(chars);
    }

    /// <summary>base with subscript: "Q" + "1" → "Q₁"; without a subscript form, "Q(1+BC)".</summary>
    public static string Attach(string symbol, string subscript) =>
        TryConvert(subscript) is { } sub ? symbol + sub : $"{symbol}({subscript})";
}
