namespace RemitCompare.Domain.Pricing;

/// <summary>
/// Mid-market reference rates, resolved for any pair at any date: ECB euro reference rates crossed through EUR
/// (USD→KES = EUR→KES / EUR→USD), and the interbank rates carried by survey rows and feeds for pairs the ECB does
/// not quote. Always the rate nearest in time at or before the date asked; ECB when both are as recent.
/// </summary>
public sealed class ReferenceRateBook
{
    /// <summary>Source name of ECB rates.</summary>
    public const string Ecb = "ecb";
    private readonly Dictionary<string, Series> _euroRates;
    private readonly Dictionary<(string, string), Series> _interbank;

    /// <summary>Builds the book from ECB rates (units per EUR) and interbank observations.</summary>
    /// <param name="euroRates">ECB: currency, date, units of currency per EUR.</param>
    /// <param name="interbank">Other sources: source, base, quote, date, units of quote per base.</param>
    public ReferenceRateBook(
        IEnumerable<(string Currency, DateOnly Date, decimal Rate)> euroRates,
        IEnumerable<(string Source, string Base, string Quote, DateOnly Date, decimal Rate)> interbank)
    {
        _euroRates = euroRates.GroupBy(r => r.Currency, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => new Series(g.Select(r => (r.Date, r.Rate, Ecb))), StringComparer.Ordinal);
        // Each observation keeps its own source: a pair can be quoted by a survey one month and a feed the next.
        _interbank = interbank.GroupBy(r => (r.Base, r.Quote))
            .ToDictionary(g => g.Key, g => new Series(g.Select(r => (r.Date, r.Rate, r.Source))));
    }

    /// <summary>An empty book.</summary>
    public static ReferenceRateBook Empty { get; } = new([], []);

    /// <summary>Currencies the ECB quotes (EUR included).</summary>
    public IEnumerable<string> EcbCurrencies => _euroRates.Keys.Append("EUR").Order(StringComparer.Ordinal);

    /// <summary>The ECB cross rate for a pair at or before a date; null when either currency has no ECB rate then.</summary>
    public MidMarketRate? FromEcb(string baseCurrency, string quoteCurrency, DateOnly at)
    {
        if (baseCurrency == quoteCurrency) return new MidMarketRate(1m, "identity", at);
        var baseRate = EuroRate(baseCurrency, at);
        var quoteRate = EuroRate(quoteCurrency, at);
        if (baseRate is null || quoteRate is null) return null;
        var date = baseRate.Value.Date < quoteRate.Value.Date ? baseRate.Value.Date : quoteRate.Value.Date;
        return new MidMarketRate(quoteRate.Value.Rate / baseRate.Value.Rate, Ecb, date);
    }

    /// <summary>The ECB cross rate, else the latest interbank observation at or before the date, in either direction.</summary>
    public MidMarketRate? Resolve(string baseCurrency, string quoteCurrency, DateOnly at)
    {
        var ecb = FromEcb(baseCurrency, quoteCurrency, at);
        MidMarketRate? interbank = null;
        if (_interbank.TryGetValue((baseCurrency, quoteCurrency), out var direct) && direct.At(at) is { } d)
            interbank = new MidMarketRate(d.Rate, d.Source, d.Date);
        else if (_interbank.TryGetValue((quoteCurrency, baseCurrency), out var inverse) && inverse.At(at) is { } i && i.Rate != 0m)
            interbank = new MidMarketRate(1m / i.Rate, i.Source, i.Date);
        return Nearest(ecb, interbank);
    }

    /// <summary>The rate nearer in time (both are at or before the same date); ECB when equally recent.</summary>
    public static MidMarketRate? Nearest(MidMarketRate? ecb, MidMarketRate? other) =>
        ecb is null ? other : other is null || ecb.At >= other.At ? ecb : other;

    private (DateOnly Date, decimal Rate)? EuroRate(string currency, DateOnly at)
    {
        if (currency == "EUR") return (at, 1m);
        return _euroRates.TryGetValue(currency, out var series) && series.At(at) is { } point ? (point.Date, point.Rate) : null;
    }

    private sealed class Series
    {
        private readonly DateOnly[] _dates;
        private readonly decimal[] _rates;
        private readonly string[] _sources;

        public Series(IEnumerable<(DateOnly Date, decimal Rate, string Source)> points)
        {
            var sorted = points.OrderBy(p => p.Date).ToArray();
            _dates = sorted.Select(p => p.Date).ToArray();
            _rates = sorted.Select(p => p.Rate).ToArray();
            _sources = sorted.Select(p => p.Source).ToArray();
        }

        public (DateOnly Date, decimal Rate, string Source)? At(DateOnly date)
        {
            var index = Array.BinarySearch(_dates, date);
            if (index < 0) index = ~index - 1;
            return index < 0 ? null : (_dates[index], _rates[index], _sources[index]);
        }
    }
}
