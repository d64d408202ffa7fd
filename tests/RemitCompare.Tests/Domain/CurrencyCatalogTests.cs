using RemitCompare.Domain.Money;
using RemitCompare.Ingestion.Reference;
using RemitCompare.Tests.Support;

namespace RemitCompare.Tests.Domain;

public sealed class CurrencyCatalogTests
{
    private static CurrencyCatalog FromIsoFile()
    {
        using var reader = new StreamReader(RepoFiles.Data("iso4217/codes-all.csv"));
        return new CurrencyCatalog(ReferenceData.ReadCurrencies(reader));
    }

    [TestCase("JPY", 0)]
    [TestCase("KWD", 3)]
    [TestCase("KES", 2)]
    [TestCase("USD", 2)]
    public void Takes_minor_units_from_the_iso_list(string code, int minorUnits)
    {
        Assert.That(FromIsoFile().Get(code).MinorUnits, Is.EqualTo(minorUnits));
    }

    [Test]
    public void Keeps_leading_zeros_of_numeric_codes()
    {
        Assert.That(FromIsoFile().Get("ALL").NumericCode, Is.EqualTo("008"));
    }

    [Test]
    public void Prefers_the_active_entry_over_a_withdrawn_one_in_the_iso_list()
    {
        // PEN is listed active as "Sol" and withdrawn (2015-12) as "Nuevo Sol".
        Assert.That(FromIsoFile().Get("PEN").Name, Is.EqualTo("Sol"));
    }

    [Test]
    public void Prefers_the_active_entry_even_when_the_withdrawn_one_comes_first()
    {
        const string csv = """
            Entity,Currency,AlphabeticCode,NumericCode,MinorUnit,WithdrawalDate
            TURKEY,Old Turkish Lira,TRY,792,,2005-01
            TÜRKİYE,Turkish Lira,TRY,949,2,
            """;
        var currencies = ReferenceData.ReadCurrencies(new StringReader(csv));

        Assert.That(new CurrencyCatalog(currencies).Get("TRY").NumericCode, Is.EqualTo("949"));
    }

    [Test]
    public void Finds_a_currency_whatever_the_case_of_the_code()
    {
        Assert.That(FromIsoFile().Get(" kes ").Code, Is.EqualTo("KES"));
    }

    [Test]
    public void Refuses_an_unknown_code()
    {
        var catalog = FromIsoFile();

        Assert.That(() => catalog.Get("ZZZ"), Throws.TypeOf<KeyNotFoundException>());
    }

    [Test]
    public void Keeps_the_first_entry_of_a_code_listed_twice()
    {
        var catalog = new CurrencyCatalog([new Currency("KES", "404", 2, "first"), new Currency("KES", "404", 2, "second")]);

        Assert.That(catalog.Get("KES").Name, Is.EqualTo("first"));
    }
}
