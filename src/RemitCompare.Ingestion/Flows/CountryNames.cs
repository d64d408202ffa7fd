using System.Globalization;
using System.Text;
using RemitCompare.Domain.Catalog;

namespace RemitCompare.Ingestion.Flows;

/// <summary>
/// Maps World Bank country names ("Egypt, Arab Rep.", "Korea, Rep.") to alpha-3 codes: the catalogue's names
/// compared without case, accents or punctuation, then a fixed list of World Bank spellings.
/// </summary>
public sealed class CountryNames
{
    private static readonly Dictionary<string, string> WorldBankSpellings = new(StringComparer.Ordinal)
    {
        ["Bahamas, The"] = "BHS", ["Bosnia and Herzegovina"] = "BIH", ["Brunei Darussalam"] = "BRN", ["Cabo Verde"] = "CPV",
        ["Congo, Dem. Rep."] = "COD", ["Congo, Rep."] = "COG", ["Cote d'Ivoire"] = "CIV", ["Curacao"] = "CUW",
        ["Czech Republic"] = "CZE", ["Egypt, Arab Rep."] = "EGY", ["Faeroe Islands"] = "FRO", ["Gambia, The"] = "GMB",
        ["Hong Kong SAR, China"] = "HKG", ["Iran, Islamic Rep."] = "IRN", ["Korea, Dem. Rep."] = "PRK", ["Korea, Rep."] = "KOR",
        ["Kyrgyz Republic"] = "KGZ", ["Lao PDR"] = "LAO", ["Macao SAR, China"] = "MAC", ["Micronesia, Fed. Sts."] = "FSM",
        ["Russian Federation"] = "RUS", ["Sao Tome and Principe"] = "STP", ["Sint Maarten (Dutch part)"] = "SXM",
        ["Slovak Republic"] = "SVK", ["St. Vincent and the Grenadines"] = "VCT", ["Syrian Arab Republic"] = "SYR",
        ["Turkey"] = "TUR", ["Turkiye"] = "TUR", ["United Kingdom"] = "GBR", ["United States"] = "USA", ["Venezuela, RB"] = "VEN",
        ["Virgin Islands (U.S.)"] = "VIR", ["West Bank and Gaza"] = "PSE", ["Yemen, Rep."] = "YEM", ["Kosovo"] = "XKX",
        ["Channel Islands"] = "CHI", ["St. Kitts and Nevis"] = "KNA", ["St. Lucia"] = "LCA", ["St. Martin (French part)"] = "MAF",
    };

    private readonly Dictionary<string, string> _byName = new(StringComparer.Ordinal);

    /// <summary>Indexes the catalogue's names and the World Bank spellings.</summary>
    public CountryNames(CountryCatalog countries)
    {
        foreach (var country in countries.All)
        {
            _byName.TryAdd(Key(country.Name), country.Iso3);
            _byName.TryAdd(Key(country.Iso3), country.Iso3);
        }
        foreach (var (name, iso3) in WorldBankSpellings) _byName[Key(name)] = iso3;
    }

    /// <summary>The alpha-3 code of a name (or of a code), when known.</summary>
    public bool TryGet(string name, out string iso3) => _byName.TryGetValue(Key(name), out iso3!);

    private static string Key(string name)
    {
        var text = new StringBuilder();
        foreach (var c in name.Normalize(NormalizationForm.FormD).ToLowerInvariant().Replace("&", " and ", StringComparison.Ordinal))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsLetterOrDigit(c)) text.Append(c);
            else if (text.Length > 0 && text[^1] != ' ') text.Append(' ');
        }
        return text.ToString().Trim();
    }
}
