namespace RemitCompare.Domain.Catalog;

/// <summary>A country or territory by ISO 3166-1 alpha-3 code, with its currency and UN region.</summary>
/// <param name="Iso3">Alpha-3 code (World Bank codes such as XKX for Kosovo are accepted).</param>
/// <param name="Iso2">Alpha-2 code.</param>
/// <param name="Name">English short name.</param>
/// <param name="CurrencyCode">ISO 4217 code of its main currency, when it has one.</param>
/// <param name="Region">UN M49 region name.</param>
/// <param name="SubRegion">UN M49 sub-region name.</param>
public sealed record Country(string Iso3, string Iso2, string Name, string? CurrencyCode, string? Region, string? SubRegion);

/// <summary>The countries the service knows, keyed by alpha-3 code, with the aliases sources use (KSV for Kosovo).</summary>
public sealed class CountryCatalog
{
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase) { ["KSV"] = "XKX" };
    private readonly Dictionary<string, Country> _byIso3;

    /// <summary>Builds the catalogue.</summary>
    public CountryCatalog(IEnumerable<Country> countries)
    {
        _byIso3 = new Dictionary<string, Country>(StringComparer.OrdinalIgnoreCase);
        foreach (var country in countries) _byIso3.TryAdd(country.Iso3, country);
    }

    /// <summary>Number of countries held.</summary>
    public int Count => _byIso3.Count;

    /// <summary>Every country, by code.</summary>
    public IEnumerable<Country> All => _byIso3.Values.OrderBy(c => c.Iso3, StringComparer.Ordinal);

    /// <summary>The canonical alpha-3 code for a code or alias (KSV → XKX), upper case.</summary>
    public static string Canonical(string code)
    {
        var trimmed = code.Trim().ToUpperInvariant();
        return Aliases.TryGetValue(trimmed, out var canonical) ? canonical : trimmed;
    }

    /// <summary>Finds a country by alpha-3 code or alias.</summary>
    public bool TryGet(string? code, out Country country)
    {
        if (code is not null && _byIso3.TryGetValue(Canonical(code), out var found))
        {
            country = found;
            return true;
        }
        country = null!;
        return false;
    }
}
