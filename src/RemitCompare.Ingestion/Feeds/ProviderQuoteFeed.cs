using System.Text.Json;
using System.Text.Json.Serialization;

namespace RemitCompare.Ingestion.Feeds;

/// <summary>A provider quote feed's answer for one corridor and send amount (documented in docs/feeds.md).</summary>
/// <param name="SourceCurrency">Currency the sender pays in.</param>
/// <param name="TargetCurrency">Currency the recipient receives.</param>
/// <param name="SendAmount">The send amount asked for.</param>
/// <param name="MidMarketRate">The feed's own mid-market rate, when it states one.</param>
/// <param name="GeneratedAt">When the feed built the answer.</param>
/// <param name="Providers">Each provider's quotes.</param>
public sealed record ProviderQuoteFeed(
    string SourceCurrency, string TargetCurrency, decimal SendAmount, decimal? MidMarketRate, DateTimeOffset GeneratedAt,
    IReadOnlyList<FeedProvider> Providers);

/// <summary>One provider in a feed.</summary>
/// <param name="Name">Provider name.</param>
/// <param name="FirmType">Firm type (Bank, Money Transfer Operator, …), when stated.</param>
/// <param name="Quotes">Its quotes, one per payout (and funding) method.</param>
public sealed record FeedProvider(string Name, string? FirmType, IReadOnlyList<FeedQuote> Quotes);

/// <summary>One quote: what the sender pays and what the recipient gets, collected at one moment.</summary>
/// <param name="Fee">Sender fee, source currency, deducted from <paramref name="SendAmount"/>.</param>
/// <param name="Rate">Applied rate, target units per source unit.</param>
/// <param name="ReceivedAmount">What the recipient gets: (sendAmount − fee) × rate.</param>
/// <param name="SendAmount">What the sender pays.</param>
/// <param name="SourceCurrency">Send currency.</param>
/// <param name="TargetCurrency">Payout currency.</param>
/// <param name="DateCollected">When the price was collected.</param>
/// <param name="DeliveryEstimation">How long delivery takes.</param>
/// <param name="PayoutMethod"><c>cash_pickup</c>, <c>bank_account</c>, <c>mobile_wallet</c>, <c>home_delivery</c> or <c>other</c>.</param>
/// <param name="IsMidMarketRate">The provider says it applies the mid-market rate.</param>
/// <param name="FundingMethod">How the sender pays, when stated.</param>
public sealed record FeedQuote(
    decimal Fee, decimal Rate, decimal ReceivedAmount, decimal SendAmount, string SourceCurrency, string TargetCurrency,
    DateTimeOffset DateCollected, DeliveryEstimation DeliveryEstimation, string PayoutMethod, bool IsMidMarketRate, string? FundingMethod = null);

/// <summary>Delivery time as ISO 8601 durations (<c>PT1H</c>, <c>P2D</c>).</summary>
/// <param name="MinDuration">Fastest.</param>
/// <param name="MaxDuration">Slowest.</param>
public sealed record DeliveryEstimation(string MinDuration, string MaxDuration);

/// <summary>One quote read from a payload, or why it could not be read.</summary>
/// <param name="Position">1-based position of the quote in the fetch.</param>
/// <param name="Provider">Provider name.</param>
/// <param name="FirmType">Firm type, when stated.</param>
/// <param name="Quote">The quote, when it could be read.</param>
/// <param name="Raw">The quote's JSON text.</param>
/// <param name="Error">Why it could not be read.</param>
public sealed record FeedEntry(int Position, string Provider, string? FirmType, FeedQuote? Quote, string Raw, string? Error);

/// <summary>Reads a feed payload tolerantly: a broken envelope fails the fetch, a broken quote only itself.</summary>
public static class ProviderQuoteFeedReader
{
    /// <summary>The feed's stated mid-market rate and its quotes; throws <see cref="IngestionException"/> when the envelope is unreadable.</summary>
    public static (decimal? MidMarketRate, IReadOnlyList<FeedEntry> Entries) Read(ReadOnlySpan<byte> json, int firstPosition)
    {
        JsonDocument document;
        try
        {
            var reader = new Utf8JsonReader(json);
            document = JsonDocument.ParseValue(ref reader);
        }
        catch (JsonException e)
        {
            throw new IngestionException($"not valid JSON: {e.Message}", e);
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("providers", out var providers) || providers.ValueKind != JsonValueKind.Array)
                throw new IngestionException("not a provider quote feed: no 'providers' array");
            decimal? mid = root.TryGetProperty("midMarketRate", out var m) && m.ValueKind == JsonValueKind.Number ? m.GetDecimal() : null;
            var entries = new List<FeedEntry>();
            var position = firstPosition;
            foreach (var provider in providers.EnumerateArray())
            {
                var name = Text(provider, "name");
                var firmType = Text(provider, "firmType");
                if (!provider.TryGetProperty("quotes", out var quotes) || quotes.ValueKind != JsonValueKind.Array) continue;
                foreach (var quote in quotes.EnumerateArray()) entries.Add(Entry(position++, name, firmType, quote));
            }
            return (mid, entries);
        }
    }

    private static FeedEntry Entry(int position, string? provider, string? firmType, JsonElement quote)
    {
        var raw = quote.GetRawText();
        if (string.IsNullOrWhiteSpace(provider)) return new FeedEntry(position, "", firmType, null, raw, "provider has no name");
        try
        {
            var read = quote.Deserialize(FeedJsonContext.Default.FeedQuote);
            return new FeedEntry(position, provider, firmType, read, raw, read is null ? "quote is null" : null);
        }
        catch (JsonException e)
        {
            return new FeedEntry(position, provider, firmType, null, raw, $"unreadable quote: {e.Message}");
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

/// <summary>The feed's JSON: camelCase, every constructor parameter required, nullability respected.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, RespectNullableAnnotations = true, RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(ProviderQuoteFeed))]
[JsonSerializable(typeof(FeedQuote))]
public sealed partial class FeedJsonContext : JsonSerializerContext;
