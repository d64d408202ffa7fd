using RemitCompare.Domain.Catalog;
using RemitCompare.Domain.Money;
using RemitCompare.Ingestion.Files;

namespace RemitCompare.Ingestion.Reference;

/// <summary>Reads the ISO 4217 currency list and the country-codes list (datasets/currency-codes and datasets/country-codes layouts).</summary>
public static class ReferenceData
{
    /// <summary>
    /// Currencies from <c>codes-all.csv</c>: active entries first, then withdrawn codes that old survey rows may still
    /// use. A minor unit of <c>-</c> (gold, SDR) means none and is read as 0; a withdrawn entry without one is read as 2.
    /// </summary>
    public static IReadOnlyList<Currency> ReadCurrencies(TextReader text)
    {
        using var csv = CsvFiles.Open(text);
        int code = csv.GetOrdinal("AlphabeticCode"), numeric = csv.GetOrdinal("NumericCode"), minor = csv.GetOrdinal("MinorUnit"),
            name = csv.GetOrdinal("Currency"), withdrawn = csv.GetOrdinal("WithdrawalDate");
        var active = new List<Currency>();
        var old = new List<Currency>();
        while (csv.Read())
        {
            var alpha = csv.GetString(code).Trim();
            if (alpha.Length != 3) continue;
            var units = csv.GetString(minor).Trim();
            var currency = new Currency(alpha, csv.GetString(numeric).Trim(), int.TryParse(units, out var u) ? u : units == "-" ? 0 : 2, csv.GetString(name).Trim());
            (string.IsNullOrWhiteSpace(csv.GetString(withdrawn)) ? active : old).Add(currency);
        }
        return new CurrencyCatalog(active.Concat(old)).All.ToList();
    }

    /// <summary>Countries from <c>country-codes.csv</c>, plus the World Bank codes surveys use that ISO 3166 lacks (Kosovo, Channel Islands).</summary>
    public static IReadOnlyList<Country> ReadCountries(TextReader text)
    {
        using var csv = CsvFiles.Open(text);
        int iso3 = csv.GetOrdinal("ISO3166-1-Alpha-3"), iso2 = csv.GetOrdinal("ISO3166-1-Alpha-2"), cldr = csv.GetOrdinal("CLDR display name"),
            official = csv.GetOrdinal("official_name_en"), currency = csv.GetOrdinal("ISO4217-currency_alphabetic_code"),
            region = csv.GetOrdinal("Region Name"), subRegion = csv.GetOrdinal("Sub-region Name");
        var countries = new List<Country>();
        while (csv.Read())
        {
            var code = csv.GetString(iso3).Trim();
            if (code.Length != 3) continue;
            var name = csv.GetString(cldr).Trim();
            if (name.Length == 0) name = csv.GetString(official).Trim();
            var currencies = csv.GetString(currency).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            countries.Add(new Country(code, csv.GetString(iso2).Trim(), name, currencies.FirstOrDefault(), Empty(csv.GetString(region)), Empty(csv.GetString(subRegion))));
        }
        countries.Add(new Country("XKX", "XK", "Kosovo", "EUR", "Europe", "Southern Europe"));
        countries.Add(new Country("CHI", "", "Channel Islands", "GBP", "Europe", "Northern Europe"));
        return countries;
    }

    private static string? Empty(string value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
