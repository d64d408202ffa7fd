namespace RemitCompare.Domain.Pricing;

/// <summary>
/// A corridor's quotes made ready to be priced at any amount, built once with the snapshot: per quote the terms
/// that do not depend on the amount, and the mid-market rate that values each payout currency (the most recent among
/// the quotes from the same send currency, the first listed on equal dates).
/// </summary>
public sealed class CorridorPrices
{
    private readonly QuoteTerms[] _terms;

    /// <summary>Works out the amount-independent terms of every quote.</summary>
    public CorridorPrices(IReadOnlyList<ServiceQuote> quotes)
    {
        Quotes = quotes;
        _terms = new QuoteTerms[quotes.Count];
        var valuation = new Dictionary<(string Send, string Payout), MidMarketRate>();
        foreach (var quote in quotes)
        {
            if (quote.MidMarket is not { Rate: > 0m } mid) continue;
            var pair = (quote.SendCurrency.Code, quote.PayoutCurrency.Code);
            if (!valuation.TryGetValue(pair, out var latest) || mid.At > latest.At) valuation[pair] = mid;
        }
        for (var i = 0; i < quotes.Count; i++)
        {
            var quote = quotes[i];
            var mid = valuation.TryGetValue((quote.SendCurrency.Code, quote.PayoutCurrency.Code), out var found) ? found.Rate : (decimal?)null;
            _terms[i] = new QuoteTerms(quote, mid);
        }
    }

    /// <summary>The quotes, in the order given.</summary>
    public IReadOnlyList<ServiceQuote> Quotes { get; }

    /// <summary>How many quotes.</summary>
    public int Count => _terms.Length;

    internal ref readonly QuoteTerms this[int index] => ref _terms[index];
}
