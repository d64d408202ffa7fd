using System.Globalization;
using RemitCompare.Api.Web;
using RemitCompare.Domain.Catalog;

namespace RemitCompare.Tests.Web;

/// <summary>Country names in a language: ICU's, else the English name from the data; sorted the language's way.</summary>
public sealed class CountryNamesTests
{
    private static readonly LanguageCatalog Catalog = new();

    [TestCaseSource(typeof(Pages), nameof(Pages.Languages))]
    public void Every_country_of_the_data_is_named_as_ICU_names_it_in_the_language(string lang)
    {
        var names = Catalog.Find(lang)!.Countries;

        using (Assert.EnterMultipleScope())
        {
            foreach (var country in Pages.Countries.Values.Where(c => c.Iso2.Length == 2))
                Assert.That(names.Name(country), Is.EqualTo(Pages.IcuName(lang, country.Iso3)), country.Iso3);
        }
    }

    [TestCase("sw", "SSD")]
    [TestCase("fr", "UGA")]
    [TestCase("es", "KEN")]
    [TestCase("ar", "KEN")]
    public void A_name_differs_from_the_english_one(string lang, string iso3) =>
        Assert.That(Catalog.Find(lang)!.Countries.Name(Pages.Countries[iso3]), Is.Not.EqualTo(Pages.Countries[iso3].Name));

    [Test]
    public void A_country_without_an_ISO_code_keeps_its_english_name_from_the_data() =>
        Assert.That(Catalog.Find("fr")!.Countries.Name(Pages.Countries["CHI"]), Is.EqualTo("Channel Islands"));

    [Test]
    public void A_code_ICU_has_no_name_for_keeps_the_english_name() =>
        Assert.That(Catalog.Find("sw")!.Countries.Name(new Country("QQQ", "QQ", "Atlantis", null, null, null)), Is.EqualTo("Atlantis"));

    [Test]
    public void The_name_does_not_follow_the_threads_ui_culture()
    {
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("ar-EG");
            Assert.That(new CountryNames(CultureInfo.GetCultureInfo("fr-FR")).Name(Pages.Countries["UGA"]), Is.EqualTo(Pages.IcuName("fr", "UGA")));
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    [Test]
    public void French_sorts_accented_names_with_their_letter()
    {
        var names = Catalog.Find("fr")!.Countries;
        var countries = new[] { "KEN", "USA", "EGY", "ARE", "UGA" }.Select(c => Pages.Countries[c]);

        var sorted = names.Sorted(countries).Select(names.Name).ToList();

        Assert.That(sorted, Is.Not.Ordered.Using((IComparer<string>)StringComparer.Ordinal), "code-point order would differ here");
        Assert.That(sorted, Is.Ordered.Using((IComparer<string>)Pages.Collation("fr")));
    }
}
