using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using BenchmarkDotNet.Attributes;
using RemitCompare.Api.Features;
using RemitCompare.Api.Json;
using RemitCompare.Domain.Ranking;

namespace RemitCompare.Benchmarks;

/// <summary>
/// Writing a 25-offer comparison answer (GBR → KEN, synthetic global survey) as UTF-8 JSON. Baseline: the
/// reflection-based serializer with the same web defaults.
/// </summary>
[MemoryDiagnoser]
public class SerializationBenchmarks : IDisposable
{
    private static readonly JsonSerializerOptions Reflection = new(JsonSerializerDefaults.Web) { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };
    private readonly ArrayBufferWriter<byte> _buffer = new(16 * 1024);
    private Utf8JsonWriter _writer = null!;
    private CompareResponse _response = null!;

    [GlobalSetup]
    public void Setup()
    {
        var snapshot = BenchData.SyntheticSnapshot(25, 1);
        var corridor = snapshot.Corridors["GBR-KEN"];
        var gbp = corridor.Quotes[0].SendCurrency;
        var request = new RankingRequest(CompareMode.Send, 250m, gbp, null, "KES", DateTimeOffset.UtcNow) { IncludeStale = true };
        _response = CompareApi.ToResponse(corridor, request, snapshot, Ranker.Rank(corridor, request));
        if (_response.Offers.Count != 25) throw new InvalidOperationException($"expected 25 offers, got {_response.Offers.Count}");
        _writer = new Utf8JsonWriter(_buffer);
        if (!ReflectionBytes().AsSpan().SequenceEqual(SourceGeneratedBytes()))
            throw new InvalidOperationException("the two serializers write different bytes");
    }

    /// <summary>Bytes of one answer.</summary>
    public int Size => SourceGeneratedBytes().Length;

    [Benchmark(Baseline = true)]
    public byte[] ReflectionBytes() => JsonSerializer.SerializeToUtf8Bytes(_response, Reflection);

    [Benchmark]
    public byte[] SourceGeneratedBytes() => JsonSerializer.SerializeToUtf8Bytes(_response, ApiJsonContext.Default.CompareResponse);

    [Benchmark]
    public int SourceGeneratedPooledWriter()
    {
        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
        JsonSerializer.Serialize(_writer, _response, ApiJsonContext.Default.CompareResponse);
        return _buffer.WrittenCount;
    }

    [GlobalCleanup]
    public void Dispose()
    {
        _writer?.Dispose();
        GC.SuppressFinalize(this);
    }
}
