using RemitCompare.Domain.Fees;
using RemitCompare.Domain.Pricing;
using RemitCompare.Domain.Services;
using static RemitCompare.Tests.Domain.QuoteBuilder;

namespace RemitCompare.Tests.Domain;

/// <summary>
/// DESIGN's cost formulas for sending S = 200 USD with a 5 USD fee at r = 128 KES/USD against a mid-market m = 130.
/// </summary>
public sealed class CostBreakdownTests
{
    private const decimal Tolerance = 0.000000001m;

    private static CostBreakdown PriceAt200(ServiceQuote quote) => QuotePricing.Price(quote, 200m)!.Value;

    [Test]
    public void Fee_on_top_converts_the_whole_amount()
    {
        // S × r = 200 × 128
        Assert.That(PriceAt200(UsdToKes(fee: 5m)).RecipientGets, Is.EqualTo(25600m));
    }

    [Test]
    public void Fee_on_top_is_paid_on_top_of_the_amount()
    {
        Assert.That(PriceAt200(UsdToKes(fee: 5m)).SenderPays, Is.EqualTo(205m));
    }

    [Test]
    public void Deducted_fee_is_taken_out_before_conversion()
    {
        // (S − F) × r = 195 × 128
        var quote = UsdToKes(fee: 5m) with { Placement = FeePlacement.Deducted };

        Assert.That(PriceAt200(quote).RecipientGets, Is.EqualTo(24960m));
    }

    [Test]
    public void Deducted_fee_leaves_the_sender_paying_the_amount()
    {
        var quote = UsdToKes(fee: 5m) with { Placement = FeePlacement.Deducted };

        Assert.That(PriceAt200(quote).SenderPays, Is.EqualTo(200m));
    }

    [Test]
    public void Fee_percent_is_the_fee_over_the_amount()
    {
        // 5 / 200 × 100
        Assert.That(PriceAt200(UsdToKes(fee: 5m)).FeePct, Is.EqualTo(2.5m));
    }

    [Test]
    public void Fx_margin_percent_compares_the_rate_with_mid_market()
    {
        // (1 − 128 / 130) × 100 = 200 / 130 = 1.538461538…
        Assert.That(PriceAt200(UsdToKes(fee: 5m)).FxMarginPct, Is.EqualTo(1.538461538m).Within(Tolerance));
    }

    [Test]
    public void Receive_fee_is_taken_from_what_the_recipient_gets()
    {
        // S × r − R = 25600 − 260
        var quote = UsdToKes(fee: 5m) with { ReceiveFee = FeeSchedule.Fixed(260m) };

        Assert.That(PriceAt200(quote).RecipientGets, Is.EqualTo(25340m));
    }

    [Test]
    public void Receive_fee_is_also_taken_after_a_deducted_fee()
    {
        // (S − F) × r − R = 195 × 128 − 260
        var quote = UsdToKes(fee: 5m) with { Placement = FeePlacement.Deducted, ReceiveFee = FeeSchedule.Fixed(260m) };

        Assert.That(PriceAt200(quote).RecipientGets, Is.EqualTo(24700m));
    }

    [Test]
    public void Receive_fee_percent_is_the_fee_at_mid_market_over_the_amount()
    {
        // (R / m) / S × 100 = (260 / 130) / 200 × 100 = 1
        var quote = UsdToKes(fee: 5m) with { ReceiveFee = FeeSchedule.Fixed(260m) };

        Assert.That(PriceAt200(quote).ReceiveFeePct, Is.EqualTo(1m).Within(Tolerance));
    }

    [Test]
    public void Percent_receive_fee_is_charged_on_the_gross_payout()
    {
        // 1 % of 25600 = 256
        var quote = UsdToKes(fee: 5m) with { ReceiveFee = FeeSchedule.Percent(1m) };

        Assert.That(PriceAt200(quote).ReceiveFee, Is.EqualTo(256m));
    }

    [Test]
    public void Total_cost_percent_adds_fee_margin_and_receive_fee()
    {
        // 2.5 + 1.538461538… + 1 = 5.038461538…
        var quote = UsdToKes(fee: 5m) with { ReceiveFee = FeeSchedule.Fixed(260m) };

        Assert.That(PriceAt200(quote).TotalCostPct, Is.EqualTo(5.038461538m).Within(Tolerance));
    }

    [Test]
    public void Total_cost_in_money_adds_fee_margin_and_receive_fee_in_the_send_currency()
    {
        // F + S(1 − r/m) + R/m = 5 + 200 × 2/130 + 260/130 = 5 + 3.076923077 + 2
        var quote = UsdToKes(fee: 5m) with { ReceiveFee = FeeSchedule.Fixed(260m) };

        Assert.That(PriceAt200(quote).TotalCost, Is.EqualTo(10.076923077m).Within(Tolerance));
    }

    [Test]
    public void Zero_fee_costs_its_margin()
    {
        // "No fee" at 128 vs 130 still costs 1.538… %
        Assert.That(PriceAt200(UsdToKes(fee: 0m)).TotalCostPct, Is.EqualTo(1.538461538m).Within(Tolerance));
    }

    [Test]
    public void Rate_better_than_mid_market_gives_a_negative_margin()
    {
        // (1 − 131 / 130) × 100 = −0.769230769…
        Assert.That(PriceAt200(UsdToKes(rate: 131m)).FxMarginPct, Is.EqualTo(-0.769230769m).Within(Tolerance));
    }

    [Test]
    public void Value_at_mid_market_converts_what_the_recipient_gets_back_to_the_send_currency()
    {
        // 25600 / 130 = 196.923076923…
        Assert.That(PriceAt200(UsdToKes(fee: 5m)).ValueAtMidMarket, Is.EqualTo(196.923076923m).Within(Tolerance));
    }

    [Test]
    public void Undisclosed_rate_leaves_margin_total_and_recipient_gets_unknown()
    {
        var cost = PriceAt200(UsdToKes(rate: null, fee: 5m));

        Assert.That(
            new[] { cost.FxMarginPct, cost.TotalCostPct, cost.TotalCost, cost.RecipientGets, cost.ValueAtMidMarket },
            Is.All.Null);
    }

    [Test]
    public void Undisclosed_rate_still_shows_the_fee()
    {
        var cost = PriceAt200(UsdToKes(rate: null, fee: 5m));

        Assert.That((cost.Fee, cost.FeePct, cost.SenderPays), Is.EqualTo((5m, 2.5m, 205m)));
    }

    [Test]
    public void Without_a_mid_market_reference_the_margin_and_total_are_unknown()
    {
        var cost = PriceAt200(UsdToKes(fee: 5m) with { MidMarket = null });

        Assert.That(new[] { cost.FxMarginPct, cost.ReceiveFeePct, cost.TotalCostPct, cost.TotalCost, cost.ValueAtMidMarket }, Is.All.Null);
    }

    [Test]
    public void Without_a_mid_market_reference_the_recipient_gets_is_still_known()
    {
        Assert.That(PriceAt200(UsdToKes(fee: 5m) with { MidMarket = null }).RecipientGets, Is.EqualTo(25600m));
    }

    [Test]
    public void Amount_the_service_does_not_take_has_no_price()
    {
        var quote = UsdToKes() with { SenderFee = FeeSchedule.Tiered([new FeeBand(0m, 100m, 3m, 0m)]) };

        Assert.That(QuotePricing.Price(quote, 200m), Is.Null);
    }

    [Test]
    public void Deducted_fee_that_eats_the_whole_amount_has_no_price()
    {
        var quote = UsdToKes(fee: 5m) with { Placement = FeePlacement.Deducted };

        Assert.That(QuotePricing.Price(quote, 5m), Is.Null);
    }

    [TestCase("0")]
    [TestCase("-1")]
    public void Non_positive_amount_has_no_price(decimal amount)
    {
        Assert.That(QuotePricing.Price(UsdToKes(), amount), Is.Null);
    }
}
