using RemitCompare.Domain.Fees;
using RemitCompare.Domain.Pricing;
using RemitCompare.Domain.Services;
using static RemitCompare.Tests.Domain.QuoteBuilder;

namespace RemitCompare.Tests.Domain;

/// <summary>Receive mode: "my mother must get X KES" solved for the send amount at r = 128 KES/USD.</summary>
public sealed class ReceiveModePricingTests
{
    // Sender fee 3 below 200 USD, 8 from 200 USD.
    private static readonly FeeSchedule SenderTiers =
        FeeSchedule.Tiered([new FeeBand(0m, 200m, 3m, 0m), new FeeBand(200m, null, 8m, 0m)]);

    // Receive fee 50 KES on a gross payout below 25,000 KES, 100 KES from 25,000 KES.
    private static readonly FeeSchedule ReceiveTiers =
        FeeSchedule.Tiered([new FeeBand(0m, 25000m, 50m, 0m), new FeeBand(25000m, null, 100m, 0m)]);

    private static decimal SendFor(ServiceQuote quote, decimal target) => QuotePricing.PriceForReceive(quote, target)!.Value.SendAmount!.Value;

    private static decimal? GetsWhenSending(ServiceQuote quote, decimal send) => QuotePricing.Price(quote, send)?.RecipientGets;

    private static void AssertDeliversAndOneMinorUnitLessDoesNot(ServiceQuote quote, decimal target)
    {
        var send = SendFor(quote, target);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(GetsWhenSending(quote, send), Is.GreaterThanOrEqualTo(target));
            Assert.That(GetsWhenSending(quote, send - 0.01m), Is.LessThan(target));
        }
    }

    [Test]
    public void Fee_on_top_divides_the_target_by_the_rate()
    {
        // 25600 / 128 = 200
        Assert.That(SendFor(UsdToKes(fee: 5m), 25600m), Is.EqualTo(200m));
    }

    [Test]
    public void Fee_on_top_is_added_to_what_the_sender_pays()
    {
        Assert.That(QuotePricing.PriceForReceive(UsdToKes(fee: 5m), 25600m)!.Value.SenderPays, Is.EqualTo(205m));
    }

    [Test]
    public void Send_amount_is_rounded_up_to_the_minor_unit()
    {
        // 25601 / 128 = 200.0078125 → 200.01
        Assert.That(SendFor(UsdToKes(), 25601m), Is.EqualTo(200.01m));
    }

    [Test]
    public void Deducted_fee_is_added_back_to_the_converted_amount()
    {
        // 24960 / 128 = 195, + 5 = 200
        var quote = UsdToKes(fee: 5m) with { Placement = FeePlacement.Deducted };

        Assert.That(SendFor(quote, 24960m), Is.EqualTo(200m));
    }

    [Test]
    public void Deducted_tiers_and_receive_fee_force_a_search_over_bands()
    {
        // Gross payout: 25200 + 50 = 25250 is in the 100 band, so 25200 + 100 = 25300; 25300 / 128 = 197.65625 USD converted;
        // + 3 = 200.65625 is in the 8 band, so + 8 = 205.65625 → 205.66
        var quote = UsdToKes() with { Placement = FeePlacement.Deducted, SenderFee = SenderTiers, ReceiveFee = ReceiveTiers };

        Assert.That(SendFor(quote, 25200m), Is.EqualTo(205.66m));
    }

    [Test]
    public void Deducted_tiers_solution_delivers_the_target_and_one_minor_unit_less_does_not()
    {
        // 205.66: (205.66 − 8) × 128 − 100 = 25200.48; 205.65: 25299.20 − 100 = 25199.20
        var quote = UsdToKes() with { Placement = FeePlacement.Deducted, SenderFee = SenderTiers, ReceiveFee = ReceiveTiers };

        AssertDeliversAndOneMinorUnitLessDoesNot(quote, 25200m);
    }

    [Test]
    public void Fee_on_top_with_receive_tiers_solves_in_the_dearer_band()
    {
        // 25300 / 128 = 197.65625 → 197.66; the sender adds the 3 fee of the band below 200
        var quote = UsdToKes() with { SenderFee = SenderTiers, ReceiveFee = ReceiveTiers };
        var cost = QuotePricing.PriceForReceive(quote, 25200m)!.Value;

        Assert.That((cost.SendAmount, cost.SenderPays), Is.EqualTo((197.66m, 200.66m)));
    }

    [Test]
    public void Fee_on_top_solution_delivers_the_target_and_one_minor_unit_less_does_not()
    {
        // 197.66 × 128 − 100 = 25200.48; 197.65 × 128 − 100 = 25199.20
        var quote = UsdToKes() with { SenderFee = SenderTiers, ReceiveFee = ReceiveTiers };

        AssertDeliversAndOneMinorUnitLessDoesNot(quote, 25200m);
    }

    [Test]
    public void Rounding_up_never_lands_in_a_dearer_receive_band_that_misses_the_target()
    {
        // 24949.99 + 50 = 24999.99 gross → 195.3124… → 195.32, but 195.32 × 128 = 25000.96 pays the 100 fee: 24900.96.
        // The first amount that delivers is in the 100 band: (24949.99 + 100) / 128 = 195.7030… → 195.71 (24950.88).
        var quote = UsdToKes() with { ReceiveFee = ReceiveTiers };

        Assert.That(SendFor(quote, 24949.99m), Is.EqualTo(195.71m));
    }

    [Test]
    public void Rounding_up_never_lands_in_a_dearer_sender_band_that_misses_the_target()
    {
        // 25215.36 / 128 = 196.995 converted, + 3 = 199.995 → 200.00, but 200.00 pays the 8 fee: 192 × 128 = 24576.
        // The first amount that delivers is in the 8 band: 196.995 + 8 = 204.995 → 205.00 (197 × 128 = 25216).
        var quote = UsdToKes() with { Placement = FeePlacement.Deducted, SenderFee = SenderTiers };

        Assert.That(SendFor(quote, 25215.36m), Is.EqualTo(205m));
    }

    [Test]
    public void Undisclosed_rate_leaves_every_amount_unknown_and_no_receive_fee_as_send_mode_does()
    {
        var cost = QuotePricing.PriceForReceive(UsdToKes(rate: null, fee: 5m), 25600m);

        Assert.That(cost, Is.EqualTo(new CostBreakdown(null, null, null, null, null, 0m, null, null, null, null, null)));
        Assert.That(cost!.Value.ReceiveFee, Is.EqualTo(QuotePricing.Price(UsdToKes(rate: null, fee: 5m), 200m)!.Value.ReceiveFee));
    }

    [Test]
    public void Target_beyond_the_service_limit_cannot_be_solved()
    {
        var quote = UsdToKes() with { SenderFee = FeeSchedule.Tiered([new FeeBand(0m, 100m, 3m, 0m)]) };

        Assert.That(QuotePricing.PriceForReceive(quote, 25600m), Is.Null);
    }

    [Test]
    public void Fee_on_top_sends_more_when_a_cheaper_band_above_costs_the_sender_less()
    {
        // 3 % below USD 500, 1 % from 500: delivering KES 63,872 needs USD 499 (fee 14.97, pays 513.97),
        // but sending USD 500 costs 505.00 in all and delivers more.
        var quote = QuoteBuilder.UsdToKes() with
        {
            SenderFee = FeeSchedule.Tiered([new FeeBand(0m, 500m, 0m, 3m), new FeeBand(500m, null, 0m, 1m)]),
        };

        var cost = QuotePricing.PriceForReceive(quote, 499m * 128m)!.Value;

        Assert.That((cost.SendAmount, cost.SenderPays), Is.EqualTo((500m, 505m)));
    }

    [Test]
    public void Fee_on_top_below_the_service_minimum_sends_the_minimum()
    {
        var quote = QuoteBuilder.UsdToKes() with
        {
            SenderFee = FeeSchedule.Create([new FeeBand(50m, null, 2m, 0m)], null, null),
        };

        var cost = QuotePricing.PriceForReceive(quote, 1280m)!.Value;

        Assert.That((cost.SendAmount, cost.RecipientGets), Is.EqualTo((50m, 6400m)));
    }
}
