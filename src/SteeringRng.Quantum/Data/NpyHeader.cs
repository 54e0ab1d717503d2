using System.Text;

namespace SteeringRng.Quantum.Data;

/// <summary>
/// The header of a NumPy <c>.npy</c> file (format versions 1.0, 2.0, 3.0): the magic <c>\x93NUMPY</c>, the version, the
/// header length (2 bytes little-endian in 1.0, 4 bytes in 2.0 and 3.0), then a Python dict literal such as
/// <c>{'descr': '&lt;c16', 'fortran_order': False, 'shape': (3, 3, 2, 2, 2, 2), }</c> padded with blanks to a
/// multiple of 64 bytes. Only what an assemblage needs is accepted: a simple dtype (no structured or object arrays).
/// </summary>
public sealed record NpyHeader(string Descr, bool FortranOrder, long[] Shape, int DataOffset)
{
    private static readonly byte[] Magic = [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    /// <summary>A header longer than this is refused before it is read (NumPy writes a few hundred bytes).</summary>
    public const int MaxHeaderBytes = 65_536;

    /// <exception cref="DataFileException">Not an .npy file, an unknown version, a truncated or malformed header.</exception>
    public static NpyHeader Parse(ReadOnlySpan<byte> bytes, string file)
    {
        if (bytes.Length < 10 || !bytes[..6].SequenceEqual(Magic))
            throw new DataFileException(file, "header", "not a NumPy .npy file (it does not start with the bytes \\x93NUMPY)");
        int major = bytes[6], minor = bytes[7];
        int lengthBytes = major switch { 1 => 2, 2 or 3 => 4, _ => 0 };
        if (lengthBytes == 0 || minor != 0)
            throw new DataFileException(file, "header", $"format version {major}.{minor} is not known (1.0, 2.0 and 3.0 are)");
        if (bytes.Length < 8 + lengthBytes)
            throw new DataFileException(file, "header", "the file ends inside the header length (truncated file)");
        long length = lengthBytes == 2 ? bytes[8] | (bytes[9] << 8) : BitConverter.ToUInt32(LittleEndian(bytes.Slice(8, 4)));
        if (length > MaxHeaderBytes)
            throw new DataFileException(file, "header", $"the header claims {length} bytes; more than {MaxHeaderBytes} is not an assemblage header");
        var start = 8 + lengthBytes;
        if (bytes.Length < start + length)
            throw new DataFileException(file, "header", $"the header claims {length} bytes but the file ends after {bytes.Length - start} (truncated file)");
        var headerBytes = bytes.Slice(start, (int)length);
        if (major < 3 && headerBytes.ToArray().Any(b => b > 127))
            throw new DataFileException(file, "header", "the header holds non-ASCII bytes");
        var text = Encoding.UTF8.GetString(headerBytes);
        var fields = new HeaderDict(text, file).Parse();
        if (!fields.TryGetValue("descr", out var descr) || descr is not string d)
            throw new DataFileException(file, "header", "no 'descr' (dtype) string: a structured dtype or a missing field");
        if (!fields.TryGetValue("fortran_order", out var order) || order is not bool fortran)
            throw new DataFileException(file, "header", "no 'fortran_order' (True or False)");
        if (!fields.TryGetValue("shape", out var shape) || shape is not long[] s)
            throw new DataFileException(file, "header", "no 'shape' tuple");
        return new NpyHeader(d, fortran, s, start + (int)length);
    }

    /// <summary>The header of a C-order complex128 array of this shape, padded so that the data start at a multiple of 64.</summary>
    public static byte[] Write(long[] shape)
    {
        var tuple = shape.Length == 1 ? $"({shape[0]},)" : "(" + string.Join(", ", shape) + ")";
        var dict = "{'descr': '<c16', 'fortran_order': False, 'shape': " + tuple + ", }";
        var total = 10 + dict.Length + 1;
        var padded = (total + 63) / 64 * 64;
        var header = dict + new string(' ', padded - total) + "\n";
        var bytes = new byte[10 + header.Length];
        Magic.CopyTo(bytes, 0);
        bytes[6] = 1;
        bytes[7] = 0;
        bytes[8] = (byte)(header.Length & 0xFF);
        bytes[9] = (byte)(header.Length >> 8);
        Encoding.ASCII.GetBytes(header).CopyTo(bytes, 10);
        return bytes;
    }

    private static byte[] LittleEndian(ReadOnlySpan<byte> b)
    {
        var copy = b.ToArray();
        if (!BitConverter.IsLittleEndian) Array.Reverse(copy);
        return copy;
    }

    /// <summary>The Python dict literal of the header: string keys; values a string, True/False, or a tuple of integers.</summary>
    private sealed class HeaderDict(string text, string file)
    {
        private int _at;

        public Dictionary<string, object> Parse()
        {
            var result = new Dictionary<string, object>();
            Expect('{');
            while (true)
            {
                Blank();
                if (Peek() == '}') { _at++; break; }
                var key = QuotedString();
                Expect(':');
                Blank();
                object value = Peek() switch
                {
                    '\'' or '"' => QuotedString(),
                    '(' => Tuple(),
                    '[' => throw Fail("a structured dtype (a list of fields) is not an assemblage; save a plain complex128 or float64 array"),
                    _ => Word(),
                };
                if (!result.TryAdd(key, value)) throw Fail($"key '{key}' is given twice");
                Blank();
                if (Peek() == ',') _at++;
                else if (Peek() != '}') throw Fail($"expected ',' or '}}' at character {_at + 1}");
            }
            Blank();
            if (_at != text.Length) throw Fail($"unexpected text after the header dict at character {_at + 1}");
            return result;
        }

        private DataFileException Fail(string problem) => new(file, "header", problem);

        private char Peek() => _at < text.Length ? text[_at] : throw Fail("the header dict is cut short");

        private void Blank()
        {
            while (_at < text.Length && char.IsWhiteSpace(text[_at])) _at++;
        }

        private void Expect(char c)
        {
            Blank();
            if (Peek() != c) throw Fail($"expected '{c}' at character {_at + 1}, found '{Peek()}'");
            _at++;
        }

        private string QuotedString()
        {
            Blank();
            var quote = Peek();
            if (quote is not ('\'' or '"')) throw Fail($"expected a quoted key or string at character {_at + 1}");
            var end = text.IndexOf(quote, _at + 1);
            if (end < 0) throw Fail("a string in the header is not closed");
            var s = text.Substring(_at + 1, end - _at - 1);
            _at = end + 1;
            return s;
        }

        private object Word()
        {
            var start = _at;
            while (_at < text.Length && char.IsLetter(text[_at])) _at++;
            return text[start.._at] switch
            {
                "True" => true,
                "False" => false,
                var w => throw Fail($"unexpected value '{(w.Length == 0 ? Peek().ToString() : w)}' at character {start + 1}"),
            };
        }

        private long[] Tuple()
        {
            Expect('(');
            var items = new List<long>();
            while (true)
            {
                Blank();
                if (Peek() == ')') { _at++; break; }
                var start = _at;
                while (_at < text.Length && char.IsAsciiDigit(text[_at])) _at++;
                // An "L" suffix: Python 2 long literals, as old NumPy wrote them.
                if (_at < text.Length && text[_at] == 'L') _at++;
                var digits = text[start.._at].TrimEnd('L');
                if (digits.Length == 0 || digits.Length > 12 || !long.TryParse(digits, out var n))
                    throw Fail($"the shape holds '{(digits.Length == 0 ? Peek().ToString() : digits)}' at character {start + 1}, not an axis length");
                items.Add(n);
                Blank();
                if (Peek() == ',') _at++;
                else if (Peek() != ')') throw Fail($"expected ',' or ')' in the shape at character {_at + 1}");
            }
            return [.. items];
        }
    }
}
