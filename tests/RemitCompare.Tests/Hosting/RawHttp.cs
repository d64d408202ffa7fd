using System.Net.Sockets;
using System.Text;

namespace RemitCompare.Tests.Hosting;

/// <summary>
/// An HTTP/1.1 answer exactly as it came over the socket: status, header lines in order, and every byte after the
/// headers until the server closed the connection (so a body sent after a HEAD answer would show here; HttpClient
/// never reads one).
/// </summary>
public sealed record RawAnswer(int Status, IReadOnlyList<KeyValuePair<string, string>> Headers, byte[] Body)
{
    /// <summary>The values of a header (names compare without case).</summary>
    public IReadOnlyList<string> Values(string name) =>
        Headers.Where(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).ToList();

    /// <summary>The single value of a header, or null.</summary>
    public string? Header(string name) => Values(name).SingleOrDefault();
}

/// <summary>Sends one request on a new connection with <c>Connection: close</c> and reads the answer until the server closes it.</summary>
public static class RawHttp
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    /// <summary>Sends <paramref name="method"/> <paramref name="target"/> (path and query) to <paramref name="origin"/>.</summary>
    public static async Task<RawAnswer> SendAsync(Uri origin, string method, string target, params (string Name, string Value)[] headers)
    {
        using var timeout = new CancellationTokenSource(Patience);
        using var client = new TcpClient();
        await client.ConnectAsync(origin.Host, origin.Port, timeout.Token);
        var stream = client.GetStream();
        var request = new StringBuilder($"{method} {target} HTTP/1.1\r\nHost: {origin.Authority}\r\nConnection: close\r\n");
        foreach (var (name, value) in headers) request.Append(name).Append(": ").Append(value).Append("\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request.Append("\r\n").ToString()), timeout.Token);
        using var received = new MemoryStream();
        await stream.CopyToAsync(received, timeout.Token);
        return Parse(received.ToArray());
    }

    private static RawAnswer Parse(byte[] bytes)
    {
        var end = bytes.AsSpan().IndexOf("\r\n\r\n"u8);
        if (end < 0) throw new InvalidDataException($"no end of headers in {bytes.Length} bytes: {Encoding.ASCII.GetString(bytes)}");
        var lines = Encoding.ASCII.GetString(bytes, 0, end).Split("\r\n");
        var status = int.Parse(lines[0].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        var headers = lines.Skip(1)
            .Select(line => line.Split(':', 2))
            .Select(parts => new KeyValuePair<string, string>(parts[0], parts[1].Trim()))
            .ToList();
        return new RawAnswer(status, headers, bytes[(end + 4)..]);
    }
}
