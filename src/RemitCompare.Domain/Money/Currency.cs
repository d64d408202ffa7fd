namespace RemitCompare.Domain.Money;

/// <summary>An ISO 4217 currency: alphabetic code, numeric code and the number of minor units.</summary>
/// <param name="Code">Three-letter alphabetic code, upper case (e.g. <c>KES</c>).</param>
/// <param name="NumericCode">Three-digit numeric code kept as text, leading zeros included (e.g. <c>008</c>).</param>
/// <param name="MinorUnits">Digits after the decimal point when money is shown or paid (JPY 0, USD 2, KWD 3).</param>
/// <param name="Name">The currency's English name.</param>
public sealed record Currency(string Code, string NumericCode, int MinorUnits, string Name)
{
    /// <summary>Rounds an amount half-to-even to this currency's minor units.</summary>
    public decimal Round(decimal amount) => Math.Round(amount, MinorUnits, MidpointRounding.ToEven);

    /// <summary>Rounds an amount up to this currency's minor units (what a payer must hand over).</summary>
    public decimal RoundUp(decimal amount) => Math.Round(amount, MinorUnits, MidpointRounding.ToPositiveInfinity);

    /// <inheritdoc />
    public override string ToString() => Code;
}

/// <summary>The set of currencies the service knows, keyed by alphabetic code.</summary>
public sealed class CurrencyCatalog
{
    private readonly Dictionary<string, Currency> _byCode;

    /// <summary>Builds a catalogue; a code listed twice keeps its first entry.</summary>
    public CurrencyCatalog(IEnumerable<Currency> currencies)
    {
        _byCode = new Dictionary<string, Currency>(StringComparer.OrdinalIgnoreCase);
        foreach (var currency in currencies)
        {
            _byCode.TryAdd(currency.Code, currency);
        }
    }

    /// <summary>Number of currencies held.</summary>
    public int Count => _byCode.Count;

    /// <summary>Every currency held, ordered by code.</summary>
    public IEnumerable<Currency> All => _byCode.Values.OrderBy(c => c.Code, StringComparer.Ordinal);

    /// <summary>Finds a currency by alphabetic code, case-insensitively.</summary>
    public bool TryGet(string? code, out Currency currency)
    {
        if (code is not null && _byCode.TryGetValue(code.Trim(), out var found))
        {
            currency = found;
            return true;
        }
        currency = null!;
        return false;
    }

    /// <summary>Finds a currency by alphabetic code or throws when it is unknown.</summary>
    public Currency Get(string code) =>
        TryGet(code, out var currency) ? currency : throw new KeyNotFoundException($"Unknown currency '{code}'.");
}
