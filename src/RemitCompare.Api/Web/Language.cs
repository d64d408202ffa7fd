using System.Globalization;
using System.Reflection;
using System.Text.Json;
using RemitCompare.Api.Features;

namespace RemitCompare.Api.Web;

/// <summary>One language of the pages, the widget and the SMS text: its culture, direction and strings.</summary>
/// <param name="Code">Language code used in URLs (<c>sw</c>).</param>
/// <param name="Name">The language's name in itself, for the switch.</param>
/// <param name="Culture">Culture that formats numbers, money and dates.</param>
/// <param name="RightToLeft">True for scripts written right to left.</param>
/// <param name="Strings">Text by key.</param>
public sealed record Language(string Code, string Name, CultureInfo Culture, bool RightToLeft, IReadOnlyDictionary<string, string> Strings)
{
    /// <summary>The <c>dir</c> attribute value.</summary>
    public string Dir => RightToLeft ? "rtl" : "ltr";

    /// <summary>The text of a key; the key itself when a file lacks it (a test keeps the files complete).</summary>
    public string this[string key] => Strings.TryGetValue(key, out var text) ? text : key;

    /// <summary>The text of a key with its placeholders filled.</summary>
    public string Format(string key, params object[] args) => string.Format(Culture, this[key], args);

    /// <summary>Country names in this language, and the order this language sorts them in.</summary>
    public CountryNames Countries { get; } = new(Culture);

    /// <summary>Why a parameter was refused, in this language (in English when the file lacks the reason).</summary>
    public string Reason(QueryError error, Func<string, string>? countryName = null) =>
        Strings.TryGetValue("error." + error.Reason.Code, out var text)
            ? ReasonText.Fill(text, error.Values, Culture, this["list_or"], countryName)
            : error.English;
}

/// <summary>
/// The languages shipped as <c>Web/Strings/{code}.json</c> (embedded): adding a language is adding a file.
/// Chooses one per request from <c>?lang=</c>, else <c>Accept-Language</c>, else English.
/// </summary>
public sealed class LanguageCatalog
{
    /// <summary>The language used when nothing else matches.</summary>
    public const string DefaultCode = "en";

    private const string ResourcePrefix = "RemitCompare.Api.Web.Strings.";

    private readonly Dictionary<string, Language> _byCode;

    /// <summary>Reads every embedded strings file.</summary>
    public LanguageCatalog()
    {
        var assembly = typeof(LanguageCatalog).Assembly;
        _byCode = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
            .Select(n => Read(assembly, n))
            .ToDictionary(l => l.Code, StringComparer.OrdinalIgnoreCase);
        All = _byCode.Values.OrderBy(l => l.Code, StringComparer.Ordinal).ToArray();
    }

    /// <summary>Every language, by code.</summary>
    public IReadOnlyList<Language> All { get; }

    /// <summary>The default language.</summary>
    public Language Default => _byCode[DefaultCode];

    /// <summary>A language by its code, when shipped.</summary>
    public Language? Find(string? code) =>
        code is { Length: > 0 } && _byCode.TryGetValue(code.Trim(), out var language) ? language : null;

    /// <summary>The language asked for in the query, else the best of the Accept-Language header, else English.</summary>
    public Language Choose(string? requested, string? acceptLanguage)
    {
        if (Find(requested) is { } chosen) return chosen;
        foreach (var (tag, _) in Preferences(acceptLanguage))
        {
            if (Find(tag) is { } exact) return exact;
            if (Find(tag.Split('-')[0]) is { } primary) return primary;
        }
        return Default;
    }

    private static IEnumerable<(string Tag, double Quality)> Preferences(string? header) =>
        (header ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part =>
            {
                var pieces = part.Split(';', StringSplitOptions.TrimEntries);
                var quality = pieces.Skip(1).Where(p => p.StartsWith("q=", StringComparison.Ordinal))
                    .Select(p => double.TryParse(p[2..], NumberStyles.Float, CultureInfo.InvariantCulture, out var q) ? q : 0)
                    .DefaultIfEmpty(1).First();
                return (Tag: pieces[0], Quality: quality);
            })
            .Where(p => p.Quality > 0 && p.Tag != "*")
            .OrderByDescending(p => p.Quality);

    /// <summary>
    /// The culture a file names, with Latin digits as the widget asks the browser for (<c>-u-nu-latn</c>), so ICU gives the
    /// separators that go with them (ar-EG: 1,234.5 and 12.3&#x200E;%&#x200E; rather than 1٬234٫5); and, as browsers write it,
    /// no line break between a number and its percent sign.
    /// </summary>
    public static CultureInfo NumberCulture(string name)
    {
        var culture = (CultureInfo)CultureInfo.GetCultureInfo(name + "-u-nu-latn").Clone();
        var numbers = culture.NumberFormat;
        if (numbers.PercentPositivePattern == 0) // "n %": the space becomes a no-break one, part of the sign
        {
            numbers.PercentSymbol = "\u00A0" + numbers.PercentSymbol;
            numbers.PercentPositivePattern = 1;
            if (numbers.PercentNegativePattern == 0) numbers.PercentNegativePattern = 1;
        }
        return CultureInfo.ReadOnly(culture);
    }

    private static Language Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var json = JsonDocument.Parse(stream);
        var root = json.RootElement;
        var strings = root.GetProperty("strings").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? "", StringComparer.Ordinal);
        return new Language(
            resource[ResourcePrefix.Length..^".json".Length],
            root.GetProperty("name").GetString()!,
            NumberCulture(root.GetProperty("culture").GetString()!),
            root.GetProperty("dir").GetString() == "rtl",
            strings);
    }
}
