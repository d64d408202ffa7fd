using System.Globalization;

namespace RemitCompare.Ingestion.Files;

/// <summary>
/// Text files hold no NUL byte. One would be stored as it is by SQLite and refused by PostgreSQL, so a file with one is
/// refused whole, before anything is parsed, on either engine: it is a binary file or a corrupted one.
/// </summary>
public static class TextBytes
{
    /// <summary>Throws <see cref="IngestionException"/> when <paramref name="bytes"/> hold a NUL byte.</summary>
    public static void RefuseNul(ReadOnlySpan<byte> bytes)
    {
        var at = bytes.IndexOf((byte)0);
        if (at >= 0) throw Refusal(at);
    }

    /// <summary>The refusal of a file whose first NUL byte is at <paramref name="offset"/>.</summary>
    public static IngestionException Refusal(long offset) =>
        new(string.Create(CultureInfo.InvariantCulture, $"the file holds a NUL byte (at byte {offset}): it is not a text file"));
}
