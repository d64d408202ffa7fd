using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using RemitCompare.Api.Hosting;
using RemitCompare.Api.Json;
using RemitCompare.Domain.Pricing;

namespace RemitCompare.Api.Features;

/// <summary>
/// The JSON bytes of comparison answers already given, per snapshot and query string. The table belongs to the
/// snapshot in force: once another is in force the table is replaced, so a new snapshot never serves old bytes.
/// Answers from any other snapshot (an older one, or one of a past moment) are given but not kept.
/// An answer also expires when the first of its corridor's quotes turns stale, or at the next UTC day (amount
/// limits use the day's rates).
/// </summary>
public sealed class CompareAnswers(CompareCacheOptions options, SnapshotHolder snapshots)
{
    private Generation _current = new(Snapshot.Empty);

    /// <summary>The cached answer to a query on a snapshot, when one is held and still valid at <paramref name="now"/>.</summary>
    public CompareAnswer? Find(Snapshot snapshot, string query, DateTimeOffset now)
    {
        var generation = Volatile.Read(ref _current);
        if (!ReferenceEquals(generation.Snapshot, snapshot)) return null;
        return generation.Answers.TryGetValue(query, out var answer) && now < answer.ValidUntil ? answer : null;
    }

    /// <summary>Serializes a response once, keeps the bytes for its snapshot and query (while room is left) and returns them.</summary>
    public CompareAnswer Keep(Snapshot snapshot, string query, CompareResponse response, CorridorSnapshot corridor, DateTimeOffset now)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(response, ApiJsonContext.Default.CompareResponse);
        var answer = new CompareAnswer(body, ETagOf(snapshot, body), ValidUntil(corridor, now));
        if (options.MaxBytes <= 0 || For(snapshot) is not { } generation) return answer;
        if (generation.Reserve(body.Length, options.MaxBytes) && !generation.Answers.TryAdd(query, answer)) generation.Release(body.Length);
        return answer;
    }

    /// <summary>The first moment the answer may differ: a quote turning stale, or the next UTC day.</summary>
    public static DateTimeOffset ValidUntil(CorridorSnapshot corridor, DateTimeOffset now)
    {
        var until = new DateTimeOffset(now.UtcDateTime.Date.AddDays(1), TimeSpan.Zero);
        foreach (var quote in corridor.Quotes)
        {
            // IsStaleAt is "now > limit", so the answer holds up to and including the limit itself.
            if (quote.StaleAfter is { } limit && limit >= now && limit.AddTicks(1) < until) until = limit.AddTicks(1);
        }
        return until;
    }

    private Generation? For(Snapshot snapshot)
    {
        while (true)
        {
            var generation = Volatile.Read(ref _current);
            if (ReferenceEquals(generation.Snapshot, snapshot)) return generation;
            if (!ReferenceEquals(snapshot, snapshots.Current)) return null;
            var next = new Generation(snapshot);
            if (ReferenceEquals(Interlocked.CompareExchange(ref _current, next, generation), generation)) return next;
        }
    }

    private static string ETagOf(Snapshot snapshot, byte[] body)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(body, hash);
        return $"\"{snapshot.Version}-{Convert.ToHexStringLower(hash[..12])}\"";
    }

    private sealed class Generation(Snapshot snapshot)
    {
        private long _bytes;

        public Snapshot Snapshot { get; } = snapshot;
        public ConcurrentDictionary<string, CompareAnswer> Answers { get; } = new(StringComparer.Ordinal);

        /// <summary>Counts <paramref name="bytes"/> against the limit; false (and nothing counted) when they don't fit.</summary>
        public bool Reserve(int bytes, long limit)
        {
            if (Interlocked.Add(ref _bytes, bytes) <= limit) return true;
            Release(bytes);
            return false;
        }

        public void Release(int bytes) => Interlocked.Add(ref _bytes, -bytes);
    }
}

/// <summary>How much of the comparison answers is kept per snapshot (configuration <c>CompareCache:MaxBytes</c>; 0 keeps none).</summary>
public sealed class CompareCacheOptions
{
    /// <summary>Bytes of answers kept per snapshot (32 MiB: a few thousand answers); once full, further answers are computed each time.</summary>
    public long MaxBytes { get; set; } = 32L * 1024 * 1024;
}
