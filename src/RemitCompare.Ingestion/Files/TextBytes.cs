using System.Buffers;
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

    /// <summary>Reads <paramref name="stream"/> to its end and throws <see cref="IngestionException"/> at its first NUL byte.</summary>
    public static void RefuseNul(Stream stream)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 16);
        try
        {
            long offset = 0;
            int read;
            while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                var at = buffer.AsSpan(0, read).IndexOf((byte)0);
                if (at >= 0) throw Refusal(offset + at);
                offset += read;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static IngestionException Refusal(long offset) =>
        new(string.Create(CultureInfo.InvariantCulture, $"the file holds a NUL byte (at byte {offset}): it is not a text file"));
}
