using System.Security.Cryptography;
using RemitCompare.Ingestion.Files;

namespace RemitCompare.Ingestion.Uploads;

/// <summary>An upload body larger than the configured limit.</summary>
public sealed class UploadTooLargeException(long limit) : Exception($"the upload is larger than {limit} bytes")
{
    /// <summary>The limit in bytes.</summary>
    public long Limit { get; } = limit;
}

/// <summary>
/// An upload copied from its stream to a temporary file while its SHA-256 is computed, so the body is never held in
/// memory whole and stops at the size limit. The file is deleted on dispose.
/// </summary>
public sealed class SpooledUpload : IDisposable
{
    private readonly long? _firstNul;

    private SpooledUpload(string name, string path, string sha256, long bytes, long? firstNul)
    {
        _firstNul = firstNul;
        Name = name;
        Path = path;
        Sha256 = sha256;
        Bytes = bytes;
    }

    /// <summary>Name given by the client (file name of a multipart part), or a generic one.</summary>
    public string Name { get; }

    /// <summary>The temporary file.</summary>
    public string Path { get; }

    /// <summary>Lower-case hex SHA-256 of the body.</summary>
    public string Sha256 { get; }

    /// <summary>Body size.</summary>
    public long Bytes { get; }

    /// <summary>Copies <paramref name="body"/> to a temporary file; throws <see cref="UploadTooLargeException"/> past <paramref name="maxBytes"/>.</summary>
    public static async Task<SpooledUpload> CopyAsync(Stream body, string name, long maxBytes, CancellationToken cancellation)
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"remitcompare-upload-{Guid.NewGuid():N}.csv");
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            long total = 0;
            long? firstNul = null;
            await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
            {
                var buffer = new byte[1 << 16];
                int read;
                while ((read = await body.ReadAsync(buffer, cancellation)) > 0)
                {
                    total += read;
                    if (total > maxBytes) throw new UploadTooLargeException(maxBytes);
                    hash.AppendData(buffer, 0, read);
                    if (firstNul is null && buffer.AsSpan(0, read).IndexOf((byte)0) is var at and >= 0) firstNul = total - read + at;
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellation);
                }
            }
            return new SpooledUpload(SafeName(name), path, Convert.ToHexStringLower(hash.GetHashAndReset()), total, firstNul);
        }
        catch
        {
            File.Delete(path);
            throw;
        }
    }

    /// <summary>The body as UTF-8 text; bytes that are not UTF-8 throw rather than turn into replacement characters, and a NUL byte (seen while spooling) refuses the body.</summary>
    public StreamReader OpenText()
    {
        if (_firstNul is { } at) throw TextBytes.Refusal(at);
        return new(new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16), new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true),
            detectEncodingFromByteOrderMarks: true);
    }

    /// <inheritdoc />
    public void Dispose() => File.Delete(Path);

    private static string SafeName(string name)
    {
        var clean = new string(System.IO.Path.GetFileName(name).Where(c => !char.IsControl(c)).Take(200).ToArray());
        return clean.Length > 0 ? clean : "upload.csv";
    }
}
