using RemitCompare.Domain.Pricing;
using RemitCompare.Domain.Services;
using RemitCompare.Ingestion.Feeds;

namespace RemitCompare.Tests.Feeds;

/// <summary>The checks a feed quote passes before it is stored.</summary>
public sealed class QuoteValidatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 6, 12, 0, 0, TimeSpan.Zero);
    private static readonly FeedCorridor UsaMex = new() { From = "USA", To = "MEX", SendCurrency = "USD", ReceiveCurrency = "MXN", Amounts = [200m] };
    private static readonly MidMarketRate Mid = new(17.35m, "ecb", new DateOnly(2026, 3, 5));
    private static readonly QuoteValidator Validator = new(new QuoteRules());

    private static FeedQuote Good() => new(3m, 17.1m, (200m - 3m) * 17.1m, 200m, "USD", "MXN", Now.AddMinutes(-5),
        new DeliveryEstimation("PT0S", "PT1H"), "bank_account", false, "debit_card");

    private static QuoteDefect? Check(FeedQuote quote) => Validator.Check(quote, UsaMex, 200m, Mid, Now);

    [Test]
    public void A_consistent_quote_near_mid_market_passes() => Assert.That(Check(Good()), Is.Null);

    [Test]
    public void A_timestamp_in_the_future_is_refused() =>
        Assert.That(Check(Good() with { DateCollected = Now.AddHours(1) })?.Field, Is.EqualTo("dateCollected"));

    [Test]
    public void A_received_amount_that_does_not_add_up_is_refused() =>
        Assert.That(Check(Good() with { ReceivedAmount = 200m * 17.1m })?.Reason, Does.Contain("does not add up"));

    [Test]
    public void A_rate_just_inside_the_allowed_distance_passes_and_just_outside_is_refused()
    {
        var inside = Good() with { Rate = 15.7m, ReceivedAmount = 197m * 15.7m };
        var outside = Good() with { Rate = 15.6m, ReceivedAmount = 197m * 15.6m };
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Check(inside), Is.Null);
            Assert.That(Check(outside)?.Field, Is.EqualTo("rate"));
        }
    }

    [Test]
    public void Without_any_mid_market_reference_the_rate_cannot_be_checked_and_is_refused() =>
        Assert.That(Validator.Check(Good(), UsaMex, 200m, null, Now)?.Reason, Does.Contain("no mid-market reference"));

    [Test]
    public void A_delivery_estimate_that_is_not_an_iso_duration_is_refused() =>
        Assert.That(Check(Good() with { DeliveryEstimation = new DeliveryEstimation("0", "an hour") })?.Field, Is.EqualTo("deliveryEstimation"));

    [TestCase("PT30M", Speed.LessThanOneHour)]
    [TestCase("PT20H", Speed.SameDay)]
    [TestCase("P2D", Speed.NextDay)]
    [TestCase("P3D", Speed.TwoDays)]
    [TestCase("P5D", Speed.ThreeToFiveDays)]
    [TestCase("P6D", Speed.SixDaysOrMore)]
    public void The_slowest_estimate_sets_the_speed_category(string max, Speed speed) =>
        Assert.That(QuoteValidator.SpeedOf(new DeliveryEstimation("PT0S", max)), Is.EqualTo(speed));
}
