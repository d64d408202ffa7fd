using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using RemitCompare.Api.Features;
using RemitCompare.Api.Web;

namespace RemitCompare.Tests.Web;

/// <summary>The language files: complete, with real cultures, and a language is served because its file exists.</summary>
public sealed partial class LanguageTests
{
    private static readonly LanguageCatalog Catalog = new();

    [Test]
    public void Every_file_in_the_strings_folder_is_a_language_served() =>
        Assert.That(Catalog.All.Select(l => l.Code), Is.EqualTo(Pages.Languages()));

    [Test]
    public void English_French_Spanish_Swahili_and_Arabic_are_served() =>
        Assert.That(Catalog.All.Select(l => l.Code), Is.SupersetOf(new[] { "en", "fr", "es", "sw", "ar" }));

    [TestCaseSource(typeof(Pages), nameof(Pages.Languages))]
    public void Each_file_has_every_key_of_the_english_file(string lang) =>
        Assert.That(Keys(lang), Is.EquivalentTo(Keys("en")));

    [TestCaseSource(typeof(Pages), nameof(Pages.Languages))]
    public void Each_file_says_every_reason_the_page_and_the_widget_can_show(string lang) =>
        Assert.That(Keys(lang), Is.SupersetOf(QueryReasons.Shown.Select(r => "error." + r.Code).Append("list_or")));

    [TestCaseSource(typeof(Pages), nameof(Pages.Languages))]
    public void Each_reason_text_takes_only_the_values_its_reason_has(string lang)
    {
        using (Assert.EnterMultipleScope())
        {
            foreach (var reason in QueryReasons.Shown)
            {
                var values = Placeholders(reason.English).DefaultIfEmpty(-1).Max();
                Assert.That(Placeholders(Pages.Text(lang, "error." + reason.Code)), Has.All.LessThanOrEqualTo(values), reason.Code);
            }
        }
    }

    [TestCaseSource(typeof(Pages), nameof(Pages.Languages))]
    public void Each_file_names_a_culture_this_runtime_formats(string lang)
    {
        var culture = Pages.Culture(lang);
        Assert.That(CultureInfo.GetCultures(CultureTypes.SpecificCultures).Select(c => c.Name), Has.Member(culture.Name));
        Assert.That(culture.TwoLetterISOLanguageName, Is.EqualTo(lang));
    }

    [Test]
    public void Only_arabic_is_written_right_to_left() =>
        Assert.That(Catalog.All.Where(l => l.RightToLeft).Select(l => l.Code), Is.EqualTo(new[] { "ar" }));

    [TestCase(null, "fr-CA,fr;q=0.9,en;q=0.8", "fr")]
    [TestCase(null, "de-DE, sw;q=0.5", "sw")]
    [TestCase(null, "en;q=0.2, ar;q=0.9", "ar")]
    [TestCase(null, "de-DE", "en")]
    [TestCase(null, null, "en")]
    [TestCase("es", "fr", "es")]
    [TestCase("xx", "sw", "sw")]
    public void Chooses_the_asked_language_else_the_best_accepted_else_english(string? asked, string? accept, string expected) =>
        Assert.That(Catalog.Choose(asked, accept).Code, Is.EqualTo(expected));

    [TestCase("fr", 10000.5, "10\u202F000,50\u00A0KES")]
    [TestCase("en", 10000.5, "10,000.50\u00A0KES")]
    [TestCase("es", 10000.5, "10.000,50\u00A0KES")]
    [TestCase("ar", 10000.5, "10,000.50\u00A0KES")] // Latin digits, with the separators that go with them (not 10٬000٫50)
    public void Money_is_grouped_the_way_the_locale_writes_it(string lang, decimal amount, string expected)
    {
        var kes = new RemitCompare.Domain.Money.Currency("KES", "404", 2, "Kenyan shilling");
        Assert.That(new OfferText(Catalog.Find(lang)!).Money(amount, kes), Is.EqualTo(expected));
    }

    [TestCase("fr", "3,6\u00A0%")]
    [TestCase("es", "3,6\u00A0%")]
    [TestCase("en", "3.6%")]
    [TestCase("ar", "3.6\u200E%\u200E")]
    public void A_percentage_is_written_as_browsers_write_it_never_split_from_its_sign(string lang, string expected) =>
        Assert.That(new OfferText(Catalog.Find(lang)!).Percent(3.56m), Is.EqualTo(expected));

    private static IEnumerable<int> Placeholders(string text) =>
        Placeholder().Matches(text).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));

    [GeneratedRegex(@"\{(\d)")]
    private static partial Regex Placeholder();

    private static IEnumerable<string> Keys(string lang) =>
        JsonSerializer.Deserialize<JsonElement>(File.ReadAllText(Path.Combine(Pages.StringsFolder, lang + ".json")))
            .GetProperty("strings").EnumerateObject().Select(p => p.Name);
}
