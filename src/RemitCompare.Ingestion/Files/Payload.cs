using System.Security.Cryptography;

namespace RemitCompare.Ingestion.Files;

/// <summary>The raw bytes of one ingestion run, with the hash that identifies them in the store.</summary>
/// <param name="Name">File name or URL.</param>
/// <param name="Bytes">The payload.</param>
public sealed record Payload(string Name, byte[] Bytes)
{
    /// <summary>Lower-case hex SHA-256 of the bytes.</summary>
    public string Sha256 { get; } = Convert.ToHexStringLower(SHA256.HashData(Bytes));

    /// <summary>Reads a file.</summary>
    public static Payload FromFile(string path) => new(Path.GetFileName(path), File.ReadAllBytes(path));

    /// <summary>A reader over the bytes as UTF-8 text (a byte-order mark is skipped); a file holding a NUL byte is refused.</summary>
    public StreamReader OpenText()
    {
        TextBytes.RefuseNul(Bytes);
        return new(new MemoryStream(Bytes, writable: false), System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
    }
}
