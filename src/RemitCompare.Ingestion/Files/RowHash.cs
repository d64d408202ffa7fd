using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace RemitCompare.Ingestion.Files;

/// <summary>
/// The canonical form of a data file's values and the hash over them, shared by every survey layout: a row is
/// recognised by its values, not by how a file wrote them.
/// </summary>
internal static class RowHash
{
    /// <summary>Dividing by this one drops trailing zeros and nothing else: 18000.00 → 18000.</summary>
    private const decimal One = 1.0000000000000000000000000000m;

    /// <summary>A number as one text however it was written (<c>18000</c>, <c>18000.00</c>, <c>"18,000"</c>); empty when missing.</summary>
    public static string Number(decimal? value) => value is { } v ? (v / One).ToString(CultureInfo.InvariantCulture) : "";

    /// <summary>Trimmed, with every run of white space as one space, and the missing markers as empty; most fields need no copy.</summary>
    public static string Text(string text)
    {
        var span = text.AsSpan().Trim();
        if (CsvFiles.IsMissing(span)) return "";
        var plain = true;
        for (var i = 0; i < span.Length && plain; i++)
            plain = !char.IsWhiteSpace(span[i]) || (span[i] == ' ' && !char.IsWhiteSpace(span[i + 1]));
        if (plain) return span.Length == text.Length ? text : span.ToString();
        return string.Join(' ', span.ToString().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>
    /// The first 128 bits of SHA-256 over the values joined by U+001F, in lower-case hex: stored hashes depend on
    /// exactly this. One incremental hash is reused for a whole file: a one-shot hash per row was a third of the parse time.
    /// </summary>
    public static string Digest(string[] values, IncrementalHash sha256)
    {
        var joined = string.Join('\u001f', values);
        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(joined.Length));
        try
        {
            sha256.AppendData(buffer, 0, Encoding.UTF8.GetBytes(joined, buffer));
            Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
            sha256.GetHashAndReset(digest);
            return Convert.ToHexStringLower(digest[..16]);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
