using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using RemitCompare.Domain.Catalog;
using RemitCompare.Ingestion.Reference;
using RemitCompare.Tests.Support;

namespace RemitCompare.Tests.Web;

/// <summary>What the browser tests compare pages with: the JSON API's answer and the shipped language files.</summary>
public static class Pages
{
    /// <summary>The corridor and amount the tests look at (the corridor with the most services).</summary>
    public const string Question = "from=KEN&to=UGA&amount=10000&currency=KES";

    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>The providers GET /v1/compare ranks for the question, best first.</summary>
    public static async Task<IReadOnlyList<string>> ApiRanking(string question = Question)
    {
        var answer = await Http.GetFromJsonAsync<JsonElement>(WebSession.App.Url("/v1/compare?" + question));
        return answer.GetProperty("offers").EnumerateArray().Select(o => o.GetProperty("provider").GetString()!).ToList();
    }

    /// <summary>A string of a shipped language file.</summary>
    public static string Text(string lang, string key) => Strings(lang).GetProperty("strings").GetProperty(key).GetString()!;

    /// <summary>The culture a shipped language file names.</summary>
    public static CultureInfo Culture(string lang) => CultureInfo.GetCultureInfo(Strings(lang).GetProperty("culture").GetString()!);

    /// <summary>The culture a shipped language writes numbers in: the file's, with Latin digits (what the widget asks browsers for).</summary>
    public static CultureInfo NumberCulture(string lang) => CultureInfo.GetCultureInfo(Culture(lang).Name + "-u-nu-latn");

    /// <summary>The order a shipped language sorts text in.</summary>
    public static StringComparer Collation(string lang) => StringComparer.Create(Culture(lang), CompareOptions.None);

    /// <summary>The countries the app is filled with (data/countries), by alpha-3 code.</summary>
    public static IReadOnlyDictionary<string, Country> Countries => CountryList.Value;

    /// <summary>ICU's name of a country in a shipped language: the territory name of the locale language-region.</summary>
    public static string IcuName(string lang, string iso3) =>
        new RegionInfo($"{Culture(lang).TwoLetterISOLanguageName}-{Countries[iso3].Iso2}").NativeName;

    /// <summary>The shipped language codes, from the files.</summary>
    public static IEnumerable<string> Languages() =>
        Directory.GetFiles(StringsFolder, "*.json").Select(f => Path.GetFileNameWithoutExtension(f)).Order(StringComparer.Ordinal);

    /// <summary>The folder of the language files.</summary>
    public static string StringsFolder => Path.Combine(RepoFiles.Root, "src", "RemitCompare.Api", "Web", "Strings");

    /// <summary>Opens a page of the app and waits until it has loaded.</summary>
    public static async Task<IPage> Open(IBrowserContext context, string pathAndQuery)
    {
        var page = await context.NewPageAsync();
        var response = await page.GotoAsync(WebSession.App.Url(pathAndQuery));
        Assert.That(response, Is.Not.Null);
        return page;
    }

    /// <summary>The provider names the page shows, in order.</summary>
    public static async Task<IReadOnlyList<string>> ShownProviders(IPage page) =>
        await page.Locator(".offers .offer h3").AllInnerTextsAsync();

    private static readonly Lazy<Dictionary<string, Country>> CountryList = new(() =>
    {
        using var text = File.OpenText(RepoFiles.Data("countries/country-codes.csv"));
        return ReferenceData.ReadCountries(text).DistinctBy(c => c.Iso3).ToDictionary(c => c.Iso3, StringComparer.Ordinal);
    });

    private static JsonElement Strings(string lang) =>
        JsonSerializer.Deserialize<JsonElement>(File.ReadAllText(Path.Combine(StringsFolder, lang + ".json")));
}
