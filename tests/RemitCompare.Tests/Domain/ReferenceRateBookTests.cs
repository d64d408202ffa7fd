using RemitCompare.Domain.Pricing;

namespace RemitCompare.Tests.Domain;

public sealed class ReferenceRateBookTests
{
    private static readonly DateOnly Friday = new(2025, 1, 3);
    private static readonly DateOnly Saturday = new(2025, 1, 4);
    private static readonly DateOnly Monday = new(2025, 1, 6);

    // ECB publishes units per EUR on working days only.
    private static readonly (string, DateOnly, decimal)[] EuroRates =
    [
        ("USD", Friday, 1.10m), ("GBP", Friday, 0.85m),
        ("USD", Monday, 1.20m), ("GBP", Monday, 0.90m),
    ];

    private static ReferenceRateBook Book(params (string Source, string Base, string Quote, DateOnly Date, decimal Rate)[] interbank) =>
        new(EuroRates, interbank);

    [Test]
    public void Crosses_two_ecb_rates_through_the_euro()
    {
        // USD→GBP = EUR→GBP / EUR→USD = 0.85 / 1.10 = 0.772727…
        Assert.That(Book().Resolve("USD", "GBP", Friday)!.Rate, Is.EqualTo(0.7727272727m).Within(0.0000000001m));
    }

    [Test]
    public void Euro_base_takes_the_ecb_rate_as_is()
    {
        Assert.That(Book().Resolve("EUR", "USD", Monday)!.Rate, Is.EqualTo(1.20m));
    }

    [Test]
    public void Euro_quote_takes_the_inverse_of_the_ecb_rate()
    {
        // GBP→EUR = 1 / 0.90
        Assert.That(Book().Resolve("GBP", "EUR", Monday)!.Rate, Is.EqualTo(1.1111111111m).Within(0.0000000001m));
    }

    [Test]
    public void Names_the_ecb_as_the_source_of_a_cross_rate()
    {
        Assert.That(Book().Resolve("USD", "GBP", Friday)!.Source, Is.EqualTo(ReferenceRateBook.Ecb));
    }

    [Test]
    public void Weekend_takes_fridays_rate()
    {
        var rate = Book().Resolve("USD", "GBP", Saturday)!;

        Assert.That((rate.Rate, rate.At), Is.EqualTo((0.85m / 1.10m, Friday)));
    }

    [Test]
    public void Takes_the_rate_of_the_date_itself_when_published()
    {
        // 0.90 / 1.20 = 0.75
        var rate = Book().Resolve("USD", "GBP", Monday)!;

        Assert.That((rate.Rate, rate.At), Is.EqualTo((0.75m, Monday)));
    }

    [Test]
    public void Has_no_rate_before_the_first_date()
    {
        Assert.That(Book().Resolve("USD", "GBP", Friday.AddDays(-1)), Is.Null);
    }

    [Test]
    public void Has_no_rate_for_a_currency_nobody_quotes()
    {
        Assert.That(Book().Resolve("USD", "KES", Monday), Is.Null);
    }

    [Test]
    public void Falls_back_to_the_interbank_rate_for_a_pair_the_ecb_does_not_quote()
    {
        var book = Book(("rpw-interbank", "KES", "UGX", new DateOnly(2025, 8, 14), 28.61m));

        Assert.That(book.Resolve("KES", "UGX", new DateOnly(2025, 9, 30)), Is.EqualTo(new MidMarketRate(28.61m, "rpw-interbank", new DateOnly(2025, 8, 14))));
    }

    [Test]
    public void Inverts_an_interbank_rate_quoted_the_other_way()
    {
        // UGX→KES = 1 / 28.61
        var book = Book(("rpw-interbank", "KES", "UGX", new DateOnly(2025, 8, 14), 28.61m));

        Assert.That(book.Resolve("UGX", "KES", new DateOnly(2025, 9, 30))!.Rate, Is.EqualTo(1m / 28.61m));
    }

    [Test]
    public void Takes_the_interbank_rate_at_or_before_the_date()
    {
        var book = Book(
            ("rpw-interbank", "KES", "UGX", new DateOnly(2025, 5, 14), 27.90m),
            ("rpw-interbank", "KES", "UGX", new DateOnly(2025, 8, 14), 28.61m));

        Assert.That(book.Resolve("KES", "UGX", new DateOnly(2025, 7, 1))!.Rate, Is.EqualTo(27.90m));
    }

    [Test]
    public void Has_no_interbank_rate_before_the_first_observation()
    {
        var book = Book(("rpw-interbank", "KES", "UGX", new DateOnly(2025, 8, 14), 28.61m));

        Assert.That(book.Resolve("KES", "UGX", new DateOnly(2025, 8, 13)), Is.Null);
    }

    [Test]
    public void Names_the_source_of_the_interbank_rate_actually_used()
    {
        // The May rate came from the survey, the August one from a feed: a July quote is priced with the survey's rate.
        var book = Book(
            ("rpw-interbank", "KES", "UGX", new DateOnly(2025, 5, 14), 27.90m),
            ("feed-interbank", "KES", "UGX", new DateOnly(2025, 8, 14), 28.61m));

        Assert.That(book.Resolve("KES", "UGX", new DateOnly(2025, 7, 1))!.Source, Is.EqualTo("rpw-interbank"));
    }

    [Test]
    public void Prefers_the_ecb_cross_to_an_interbank_rate_for_the_same_pair()
    {
        var book = Book(("rpw-interbank", "USD", "GBP", Monday, 0.80m));

        Assert.That(book.Resolve("USD", "GBP", Monday)!.Source, Is.EqualTo(ReferenceRateBook.Ecb));
    }

    [Test]
    public void A_more_recent_interbank_rate_wins_over_an_older_ecb_rate()
    {
        // ECB's latest USD/GBP is Monday's; an interbank observation two weeks later is nearer to the date asked.
        var later = Monday.AddDays(14);
        var book = Book(("rpw-interbank", "USD", "GBP", later, 0.80m));

        Assert.That(book.Resolve("USD", "GBP", later), Is.EqualTo(new MidMarketRate(0.80m, "rpw-interbank", later)));
    }
}
