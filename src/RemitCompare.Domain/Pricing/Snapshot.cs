using RemitCompare.Domain.Catalog;
using RemitCompare.Domain.Money;

namespace RemitCompare.Domain.Pricing;

/// <summary>Everything the API serves for one corridor: its countries, currencies and the latest quote of each service.</summary>
/// <param name="From">Sending country.</param>
/// <param name="To">Receiving country.</param>
/// <param name="Quotes">Latest valid quote per service.</param>
public sealed record CorridorSnapshot(Country From, Country To, IReadOnlyList<ServiceQuote> Quotes)
{
    /// <summary>Key such as <c>KEN-UGA</c>.</summary>
    public string Key { get; } = CorridorKey(From.Iso3, To.Iso3);

    /// <summary>Currencies senders pay in, most used first.</summary>
    public IReadOnlyList<string> SendCurrencies { get; } = ByUse(Quotes.Select(q => q.SendCurrency.Code));

    /// <summary>Currencies recipients are paid in, most used first.</summary>
    public IReadOnlyList<string> PayoutCurrencies { get; } = ByUse(Quotes.Select(q => q.PayoutCurrency.Code));

    /// <summary>The quotes made ready to be priced at any amount (built once, with the snapshot).</summary>
    public CorridorPrices Prices { get; } = new(Quotes);

    /// <summary>Most recent observation in the corridor.</summary>
    public DateTimeOffset? LastCollected { get; } = Quotes.Count == 0 ? null : Quotes.Max(q => q.CollectedAt);

    /// <summary>The key of a corridor.</summary>
    public static string CorridorKey(string from, string to) => string.Concat(from, "-", to);

    private static string[] ByUse(IEnumerable<string> codes) =>
        codes.GroupBy(c => c).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key).ToArray();
}

/// <summary>
/// An immutable view of the store that requests are answered from: corridors with their quotes, resolved
/// mid-market rates and the reference catalogues. A new one is built after each batch and swapped in whole.
/// </summary>
/// <param name="Version">Increases with every snapshot built by a process.</param>
/// <param name="AsOf">The last ingestion the snapshot includes.</param>
/// <param name="Corridors">Corridors by key (<c>KEN-UGA</c>).</param>
/// <param name="Providers">Providers with their transparency record, by id.</param>
/// <param name="Rates">Reference rates, for the rates endpoint.</param>
/// <param name="Countries">Known countries.</param>
/// <param name="Currencies">Known currencies.</param>
public sealed record Snapshot(
    long Version,
    DateTimeOffset? AsOf,
    IReadOnlyDictionary<string, CorridorSnapshot> Corridors,
    IReadOnlyDictionary<long, ProviderRecord> Providers,
    ReferenceRateBook Rates,
    CountryCatalog Countries,
    CurrencyCatalog Currencies)
{
    /// <summary>A snapshot with nothing in it.</summary>
    public static Snapshot Empty { get; } = new(
        0, null, new Dictionary<string, CorridorSnapshot>(), new Dictionary<long, ProviderRecord>(),
        ReferenceRateBook.Empty, new CountryCatalog([]), new CurrencyCatalog([]));

    /// <summary>The corridor from one country to another, when held.</summary>
    public CorridorSnapshot? Corridor(string from, string to) =>
        Corridors.TryGetValue(CorridorSnapshot.CorridorKey(from, to), out var corridor) ? corridor : null;
}
