using System.Globalization;
using Dapper;
using RemitCompare.Data.Batches;
using RemitCompare.Data.Catalog;
using RemitCompare.Data.Rates;
using RemitCompare.Domain.Catalog;
using RemitCompare.Domain.Money;
using RemitCompare.Domain.Pricing;
using RemitCompare.Domain.Services;

namespace RemitCompare.Data.Snapshots;

/// <summary>
/// Builds the immutable snapshot the API serves from: the latest observation of every service (as of a moment,
/// by ingestion time), with its mid-market reference resolved, and the providers' transparency records.
/// </summary>
public sealed class SnapshotBuilder(Store store, SnapshotOptions options)
{
    private long _version;

    /// <summary>Builds a snapshot of what was ingested up to <paramref name="asOf"/> (everything when null).</summary>
    public Snapshot Build(DateTimeOffset? asOf = null)
    {
        var catalog = new CatalogStore(store);
        var currencies = catalog.Currencies();
        var countries = catalog.Countries();
        using var connection = store.Open();
        var cutoff = StoredTime.Format(asOf ?? DateTimeOffset.MaxValue);
        var rows = connection.Query<LatestQuoteRow>(LatestQuotesSql, new { cutoff }).ToList();
        var rates = new ReferenceRateBook(
            new RateStore(store).EuroRates(asOf),
            rows.Where(r => r.InterbankRate is not null)
                .Select(r => (r.Source + "-interbank", r.SendCurrency, r.PayoutCurrency, DateOnly.FromDateTime(StoredTime.Parse(r.CollectedAt).UtcDateTime), DecimalText.Parse(r.InterbankRate)!.Value)));

        var latestRound = rows.Where(r => r.Kind == "survey" && r.Period is not null)
            .GroupBy(r => (r.FromCountry, r.ToCountry, r.Source))
            .ToDictionary(g => g.Key, g => g.Select(r => r.Period).Max(StringComparer.Ordinal));

        var corridors = new Dictionary<string, CorridorSnapshot>(StringComparer.Ordinal);
        foreach (var group in rows.GroupBy(r => (r.FromCountry, r.ToCountry)))
        {
            if (!countries.TryGet(group.Key.FromCountry, out var from) || !countries.TryGet(group.Key.ToCountry, out var to)) continue;
            var quotes = group.Select(r => ToQuote(r, currencies, rates, latestRound)).Where(q => q is not null).Select(q => q!).ToArray();
            var corridor = new CorridorSnapshot(from, to, quotes);
            corridors[corridor.Key] = corridor;
        }

        var providers = connection.Query<ProviderRow>(ProvidersSql, new { cutoff })
            .Select(p => new ProviderRecord(p.Id, p.Name, p.FirmType, (int)p.Observations, (int)p.Undisclosed, (int)p.Promotions,
                StoredTime.ParseOrNull(p.FirstCollected), StoredTime.ParseOrNull(p.LastCollected)))
            .ToDictionary(p => p.Id);
        var lastIngested = connection.ExecuteScalar<string?>("SELECT MAX(finished_at) FROM batches WHERE finished_at <= @cutoff", new { cutoff });
        return new Snapshot(
            Interlocked.Increment(ref _version), StoredTime.ParseOrNull(lastIngested),
            corridors, providers, rates, countries, currencies);
    }

    private ServiceQuote? ToQuote(
        LatestQuoteRow row, CurrencyCatalog currencies, ReferenceRateBook rates,
        Dictionary<(string, string, string), string?> latestRound)
    {
        if (!currencies.TryGet(row.SendCurrency, out var send) || !currencies.TryGet(row.PayoutCurrency, out var payout)) return null;
        var collected = StoredTime.Parse(row.CollectedAt);
        var day = DateOnly.FromDateTime(collected.UtcDateTime);
        var mid = ReferenceRateBook.Nearest(
            rates.FromEcb(send.Code, payout.Code, day),
            DecimalText.Parse(row.InterbankRate) is { } interbank ? new MidMarketRate(interbank, row.Source + "-interbank", day) : null);
        var freshness = row.Kind == "survey" ? options.SurveyFreshness : options.FeedFreshness;
        var superseded = row.Kind == "survey" && row.Period is not null
            && latestRound.TryGetValue((row.FromCountry, row.ToCountry, row.Source), out var latest)
            && string.CompareOrdinal(row.Period, latest) < 0;
        return new ServiceQuote
        {
            ServiceId = row.ServiceId,
            ProviderId = row.ProviderId,
            Provider = row.Provider,
            FirmType = row.FirmType,
            Funding = MethodNames.TryParseFunding(row.Funding, out var funding) ? funding : FundingMethod.Other,
            Payout = MethodNames.TryParsePayout(row.Payout, out var payoutMethod) ? payoutMethod : PayoutMethod.Other,
            Speed = MethodNames.TryParseSpeed(row.Speed, out var speed) ? speed : null,
            SendCurrency = send,
            PayoutCurrency = payout,
            SenderFee = FeeScheduleJson.Read(row.FeeSchedule),
            Placement = row.FeePlacement == "deducted" ? FeePlacement.Deducted : FeePlacement.OnTop,
            ReceiveFee = row.ReceiveFee is null ? null : FeeScheduleJson.Read(row.ReceiveFee),
            Rate = DecimalText.Parse(row.Rate),
            MidMarket = mid,
            Promotion = row.Promotion != 0,
            CollectedAt = collected,
            Source = new QuoteSource(row.Kind, row.Source, row.BatchId),
            StaleAfter = freshness is { } f ? collected + f : null,
            Superseded = superseded,
            SurveyedLow = DecimalText.Parse(row.SurveyedLow),
            SurveyedHigh = DecimalText.Parse(row.SurveyedHigh),
            StaleReference = mid is not null && day.DayNumber - mid.At.DayNumber > options.ReferenceMaxAge.TotalDays,
            Period = row.Period,
        };
    }

    private const string LatestQuotesSql =
        """
        SELECT s.id AS ServiceId, p.id AS ProviderId, p.name AS Provider, o.firm_type AS FirmType,
               s.funding_method AS Funding, s.payout_method AS Payout, s.send_currency AS SendCurrency, s.payout_currency AS PayoutCurrency,
               c.from_country AS FromCountry, c.to_country AS ToCountry,
               o.collected_at AS CollectedAt, o.period AS Period, o.speed AS Speed, o.fee_schedule AS FeeSchedule,
               o.fee_placement AS FeePlacement, o.receive_fee AS ReceiveFee, o.rate AS Rate, o.interbank_rate AS InterbankRate,
               o.promotion AS Promotion, o.surveyed_low AS SurveyedLow, o.surveyed_high AS SurveyedHigh,
               b.id AS BatchId, b.source AS Source, b.kind AS Kind
        FROM services s
        JOIN providers p ON p.id = s.provider_id
        JOIN corridors c ON c.id = s.corridor_id
        JOIN quote_observations o ON o.id = (
            SELECT o2.id FROM quote_observations o2
            WHERE o2.service_id = s.id AND o2.ingested_at <= @cutoff
            ORDER BY o2.collected_at DESC, o2.id DESC LIMIT 1)
        JOIN batches b ON b.id = o.batch_id
        """;

    private const string ProvidersSql =
        """
        SELECT p.id AS Id, p.name AS Name, p.firm_type AS FirmType,
               COUNT(o.id) AS Observations,
               COALESCE(SUM(CASE WHEN o.transparent = 0 THEN 1 ELSE 0 END), 0) AS Undisclosed,
               COALESCE(SUM(o.promotion), 0) AS Promotions,
               MIN(o.collected_at) AS FirstCollected, MAX(o.collected_at) AS LastCollected
        FROM providers p
        JOIN services s ON s.provider_id = p.id
        JOIN quote_observations o ON o.service_id = s.id AND o.ingested_at <= @cutoff
        GROUP BY p.id, p.name, p.firm_type
        """;

    private sealed record LatestQuoteRow(
        long ServiceId, long ProviderId, string Provider, string FirmType, string Funding, string Payout,
        string SendCurrency, string PayoutCurrency, string FromCountry, string ToCountry, string CollectedAt,
        string? Period, string? Speed, string FeeSchedule, string FeePlacement, string? ReceiveFee, string? Rate,
        string? InterbankRate, long Promotion, string? SurveyedLow, string? SurveyedHigh, long BatchId, string Source, string Kind);

    // Settable, not positional: with no observations SQLite types the aggregate columns BLOB, and Dapper then finds no matching constructor.
    private sealed record ProviderRow
    {
        public long Id { get; init; }
        public string Name { get; init; } = "";
        public string FirmType { get; init; } = "";
        public long Observations { get; init; }
        public long Undisclosed { get; init; }
        public long Promotions { get; init; }
        public string? FirstCollected { get; init; }
        public string? LastCollected { get; init; }
    }
}
