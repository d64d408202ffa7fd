using System.Collections.Concurrent;
using System.Globalization;
using RemitCompare.Domain.Catalog;

namespace RemitCompare.Api.Web;

/// <summary>
/// Country names in one language: ICU's territory names (CLDR), else the English name from the country list; and the
/// order the language sorts them in. The JSON API keeps English names and codes; only the pages, the widget and the
/// frame speak the reader's language.
/// </summary>
public sealed class CountryNames(CultureInfo culture)
{
    private readonly ConcurrentDictionary<string, string> _byIso3 = new(StringComparer.Ordinal);
    private readonly string _language = culture.TwoLetterISOLanguageName;

    /// <summary>The language's collation (ICU), for lists of names.</summary>
    public StringComparer Order { get; } = StringComparer.Create(culture, CompareOptions.None);

    /// <summary>The country's name in the language.</summary>
    public string Name(Country country) =>
        _byIso3.GetOrAdd(country.Iso3, static (_, a) => Localized(a.Language, a.Country) ?? a.Country.Name, (Language: _language, Country: country));

    /// <summary>The name of the country a code stands for; the code itself when the catalogue lacks it.</summary>
    public string Name(string code, CountryCatalog countries) => countries.TryGet(code, out var country) ? Name(country) : code;

    /// <summary>The countries in the language's alphabetical order of their names.</summary>
    public IEnumerable<Country> Sorted(IEnumerable<Country> countries) => countries.OrderBy(Name, Order);

    /// <summary>
    /// The territory's name in a language as ICU gives it: <c>RegionInfo("sw-KE").NativeName</c> is Kenya in Swahili whatever
    /// the thread's UI culture (<c>DisplayName</c> is not localized on Linux). Null when ICU has no name (a code it does not
    /// know comes back as itself) or no culture for the pair (invariant globalization).
    /// </summary>
    public static string? Localized(string language, Country country)
    {
        if (country.Iso2.Length != 2) return null;
        try
        {
            var name = new RegionInfo($"{language}-{country.Iso2}").NativeName;
            return name.Length == 0 || string.Equals(name, country.Iso2, StringComparison.OrdinalIgnoreCase) ? null : name;
        }
        catch (ArgumentException) // CultureNotFoundException: no culture for the pair
        {
            return null;
        }
    }
}
