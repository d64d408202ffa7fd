using RemitCompare.Domain.Fees;
using RemitCompare.Domain.Pricing;
using RemitCompare.Domain.Ranking;
using static RemitCompare.Tests.Domain.QuoteBuilder;

namespace RemitCompare.Tests.Domain;

/// <summary>What a user or a regulator must be told about an offer (USD→KES, mid-market 130).</summary>
public sealed class OfferFlagTests
{
    private static OfferFlags FlagsOf(ServiceQuote quote, RankingRequest? request = null) =>
        Ranker.Rank([quote], request ?? Send(200m)).Offers.Single().Flags;

    [Test]
    public void Plain_offer_has_no_flags()
    {
        // Fee 5, margin (1 − 128.7 / 130) = 1 %, fresh, disclosed, paid in KES
        Assert.That(FlagsOf(UsdToKes(rate: 128.7m, fee: 5m)), Is.EqualTo(OfferFlags.None));
    }

    [Test]
    public void Flags_a_zero_fee_with_a_margin_above_one_percent()
    {
        // (1 − 128 / 130) × 100 = 1.54 %
        Assert.That(FlagsOf(UsdToKes(rate: 128m, fee: 0m)), Is.EqualTo(OfferFlags.ZeroFeeWithMargin));
    }

    [Test]
    public void Does_not_flag_a_zero_fee_with_a_margin_of_one_percent()
    {
        // (1 − 128.7 / 130) × 100 = 1.00 %
        Assert.That(FlagsOf(UsdToKes(rate: 128.7m, fee: 0m)).HasFlag(OfferFlags.ZeroFeeWithMargin), Is.False);
    }

    [Test]
    public void Does_not_flag_a_margin_when_a_fee_is_charged()
    {
        Assert.That(FlagsOf(UsdToKes(rate: 128m, fee: 1m)).HasFlag(OfferFlags.ZeroFeeWithMargin), Is.False);
    }

    [Test]
    public void Flags_a_receive_side_fee()
    {
        var quote = UsdToKes(rate: 128.7m, fee: 5m) with { ReceiveFee = FeeSchedule.Fixed(100m) };

        Assert.That(FlagsOf(quote), Is.EqualTo(OfferFlags.ReceiveFee));
    }

    [Test]
    public void Does_not_flag_a_receive_fee_schedule_that_charges_nothing()
    {
        var quote = UsdToKes(rate: 128.7m, fee: 5m) with { ReceiveFee = FeeSchedule.Free };

        Assert.That(FlagsOf(quote), Is.EqualTo(OfferFlags.None));
    }

    [Test]
    public void Flags_an_undisclosed_rate()
    {
        Assert.That(FlagsOf(UsdToKes(rate: null, fee: 5m)), Is.EqualTo(OfferFlags.RateNotDisclosed));
    }

    [Test]
    public void Flags_a_stale_quote_shown_on_request()
    {
        var quote = UsdToKes(rate: 128.7m, fee: 5m) with { StaleAfter = Now.AddHours(-1) };

        Assert.That(FlagsOf(quote, Send(200m) with { IncludeStale = true }), Is.EqualTo(OfferFlags.Stale));
    }

    [Test]
    public void Flags_a_promotion()
    {
        var quote = UsdToKes(rate: 128.7m, fee: 5m) with { Promotion = true };

        Assert.That(FlagsOf(quote), Is.EqualTo(OfferFlags.Promotion));
    }

    [Test]
    public void Flags_a_negative_cost()
    {
        // (1 − 131 / 130) × 100 = −0.77 %, fee 0
        Assert.That(FlagsOf(UsdToKes(rate: 131m, fee: 0m)), Is.EqualTo(OfferFlags.NegativeCost));
    }

    [Test]
    public void Flags_a_stale_mid_market_reference()
    {
        var quote = UsdToKes(rate: 128.7m, fee: 5m) with { StaleReference = true };

        Assert.That(FlagsOf(quote), Is.EqualTo(OfferFlags.StaleReference));
    }

    [TestCase("100")]
    [TestCase("1000")]
    public void Flags_a_survey_price_estimated_outside_the_surveyed_amounts(decimal amount)
    {
        var quote = UsdToKes(rate: 128.7m, fee: 5m) with { SurveyedLow = 200m, SurveyedHigh = 500m };

        Assert.That(FlagsOf(quote, Send(amount)), Is.EqualTo(OfferFlags.EstimatedOutsideSurveyedRange));
    }

    [TestCase("200")]
    [TestCase("350")]
    [TestCase("500")]
    public void Does_not_flag_a_survey_price_within_the_surveyed_amounts(decimal amount)
    {
        var quote = UsdToKes(rate: 128.7m, fee: 5m) with { SurveyedLow = 200m, SurveyedHigh = 500m };

        Assert.That(FlagsOf(quote, Send(amount)), Is.EqualTo(OfferFlags.None));
    }

    [Test]
    public void Flags_a_payout_in_another_currency_than_the_destinations()
    {
        // USD paid out in Kenya at 0.995 against mid 1: fee 5, margin 0.5 %
        Assert.That(FlagsOf(UsdToUsdInKenya(1, rate: 0.995m, fee: 5m)), Is.EqualTo(OfferFlags.PayoutInOtherCurrency));
    }

    [Test]
    public void Names_the_flags_set_in_a_stable_order()
    {
        Assert.That(
            (OfferFlags.Stale | OfferFlags.ReceiveFee | OfferFlags.PayoutInOtherCurrency).ToNames(),
            Is.EqualTo(new[] { "receive_fee", "stale", "payout_in_other_currency" }));
    }

    [Test]
    public void Names_no_flags_when_none_is_set()
    {
        Assert.That(OfferFlags.None.ToNames(), Is.Empty);
    }

    [Test]
    public void Names_every_flag_once()
    {
        var every = Enum.GetValues<OfferFlags>().Aggregate(OfferFlags.None, (all, flag) => all | flag);

        Assert.That(every.ToNames(), Is.EqualTo(new[]
        {
            "zero_fee_with_margin", "receive_fee", "rate_not_disclosed", "stale", "promotion", "negative_cost",
            "stale_reference", "estimated_outside_surveyed_range", "payout_in_other_currency",
        }));
    }
}
