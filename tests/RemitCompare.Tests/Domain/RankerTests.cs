using RemitCompare.Domain.Fees;
using RemitCompare.Domain.Pricing;
using RemitCompare.Domain.Ranking;
using RemitCompare.Domain.Services;
using static RemitCompare.Tests.Domain.QuoteBuilder;

namespace RemitCompare.Tests.Domain;

/// <summary>Ranking one corridor (USD→KES, mid-market 130) for one request.</summary>
public sealed class RankerTests
{
    private static long[] RankedIds(RankingRequest request, params ServiceQuote[] quotes) =>
        Ranker.Rank(quotes, request).Offers.Select(o => o.Quote.ServiceId).ToArray();

    [Test]
    public void Ranks_the_service_delivering_most_first_in_send_mode()
    {
        // 200 × 128 = 25600 vs 200 × 129 = 25800 KES
        Assert.That(RankedIds(Send(200m), UsdToKes(1, rate: 128m), UsdToKes(2, rate: 129m)), Is.EqualTo(new long[] { 2, 1 }));
    }

    [Test]
    public void Ranks_a_deducted_fee_below_the_same_fee_on_top()
    {
        // On top: 200 × 128 = 25600; deducted: 195 × 128 = 24960
        var deducted = UsdToKes(1, fee: 5m) with { Placement = FeePlacement.Deducted };

        Assert.That(RankedIds(Send(200m), deducted, UsdToKes(2, fee: 5m)), Is.EqualTo(new long[] { 2, 1 }));
    }

    [Test]
    public void Ranks_cheaper_service_first_when_rates_equal()
    {
        // Fee on top: both deliver 25600, but 5 USD costs 4.04 % and 3 USD 3.04 %
        Assert.That(RankedIds(Send(200m), UsdToKes(1, fee: 5m), UsdToKes(2, fee: 3m)), Is.EqualTo(new long[] { 2, 1 }));
    }

    [Test]
    public void Ranks_faster_service_first_when_value_and_cost_are_equal()
    {
        var nextDay = UsdToKes(1) with { Speed = Speed.NextDay };
        var withinAnHour = UsdToKes(2) with { Speed = Speed.LessThanOneHour };

        Assert.That(RankedIds(Send(200m), nextDay, withinAnHour), Is.EqualTo(new long[] { 2, 1 }));
    }

    [Test]
    public void Compares_an_offer_paid_in_another_currency_by_its_value_at_mid_market()
    {
        // KES payout: 25600 KES / 130 = 196.92 USD of value; USD payout: 200 × 0.99 = 198 USD
        var ranking = RankedIds(Send(200m), UsdToKes(1, rate: 128m), UsdToUsdInKenya(2, rate: 0.99m));

        Assert.That(ranking, Is.EqualTo(new long[] { 2, 1 }));
    }

    [Test]
    public void Shows_what_an_offer_paid_in_another_currency_really_delivers()
    {
        var offer = Ranker.Rank([UsdToUsdInKenya(2, rate: 0.99m)], Send(200m)).Offers.Single();

        Assert.That((offer.Cost.RecipientGets, offer.Quote.PayoutCurrency.Code), Is.EqualTo(((decimal?)198m, "USD")));
    }

    [Test]
    public void Ranks_by_what_the_sender_pays_lowest_first_in_receive_mode()
    {
        // 25600 KES: at 128 with fee 5 → 200 + 5 = 205; at 130 with fee 10 → 196.93 + 10 = 206.93
        var ranking = RankedIds(Receive(25600m), UsdToKes(1, rate: 130m, fee: 10m), UsdToKes(2, rate: 128m, fee: 5m));

        Assert.That(ranking, Is.EqualTo(new long[] { 2, 1 }));
    }

    [Test]
    public void Receive_mode_reports_the_send_amount_each_service_needs()
    {
        var offer = Ranker.Rank([UsdToKes(1, rate: 130m, fee: 10m)], Receive(25600m)).Offers.Single();

        // 25600 / 130 = 196.923… → 196.93
        Assert.That(offer.Cost.SendAmount, Is.EqualTo(196.93m));
    }

    [Test]
    public void Receive_mode_leaves_out_services_paying_another_currency()
    {
        var ranking = Ranker.Rank([UsdToKes(1), UsdToUsdInKenya(2, rate: 0.99m)], Receive(25600m));

        Assert.That((ranking.Offers.Count, ranking.Filtered), Is.EqualTo((1, 1)));
    }

    [Test]
    public void Lists_services_that_hide_their_rate_after_every_priced_offer_in_receive_mode()
    {
        // The undisclosed service charges no fee; the transparent one a heavy fee and margin; the promotion is cheap.
        var undisclosed = UsdToKes(1, rate: null);
        var expensive = UsdToKes(2, rate: 110m, fee: 20m);
        var promotion = UsdToKes(3, rate: 129.5m) with { Promotion = true };

        var ranking = Ranker.Rank([undisclosed, expensive, promotion], Receive(25600m));

        Assert.That(ranking.Offers.Select(o => (o.Quote.ServiceId, o.Group)), Is.EqualTo(new[]
        {
            (2L, OfferGroup.Transparent), (3L, OfferGroup.Promotion), (1L, OfferGroup.NotTransparent),
        }));
        Assert.That(ranking.OutOfRange, Is.Zero);
    }

    [Test]
    public void Receive_mode_leaves_every_amount_of_an_undisclosed_rate_unknown_with_the_flags_send_mode_gives()
    {
        var undisclosed = UsdToKes(1, rate: null, fee: 5m) with { Promotion = true, StaleReference = true };

        var received = Ranker.Rank([undisclosed], Receive(25600m)).Offers.Single();
        var sent = Ranker.Rank([undisclosed], Send(200m)).Offers.Single();

        Assert.That(received.Cost, Is.EqualTo(CostBreakdown.Unpriced));
        Assert.That((received.Flags, received.Value), Is.EqualTo((sent.Flags, sent.Value)));
        Assert.That(received.Flags.HasFlag(OfferFlags.RateNotDisclosed), Is.True);
    }

    [Test]
    public void Receive_mode_ranks_undisclosed_rates_by_speed_as_send_mode_does()
    {
        var nextDay = UsdToKes(1, rate: null) with { Speed = Speed.NextDay };
        var withinAnHour = UsdToKes(2, rate: null) with { Speed = Speed.LessThanOneHour };

        Assert.That(RankedIds(Receive(25600m), nextDay, withinAnHour), Is.EqualTo(RankedIds(Send(200m), nextDay, withinAnHour)));
        Assert.That(RankedIds(Receive(25600m), nextDay, withinAnHour), Is.EqualTo(new long[] { 2, 1 }));
    }

    [Test]
    public void Receive_mode_counts_a_disclosed_rate_that_cannot_deliver_the_amount_as_out_of_range()
    {
        var upTo100 = UsdToKes(2) with { SenderFee = FeeSchedule.Tiered([new FeeBand(0m, 100m, 3m, 0m)]) };
        var ranking = Ranker.Rank([UsdToKes(1, rate: null), upTo100], Receive(25600m));

        Assert.That((ranking.Offers.Single().Quote.ServiceId, ranking.OutOfRange), Is.EqualTo((1L, 1)));
    }

    [Test]
    public void Filters_by_payout_method()
    {
        var cash = UsdToKes(2) with { Payout = PayoutMethod.CashPickup };
        var request = Send(200m) with { Payout = PayoutMethod.CashPickup };

        Assert.That(RankedIds(request, UsdToKes(1), cash), Is.EqualTo(new long[] { 2 }));
    }

    [Test]
    public void Filters_by_funding_method()
    {
        var card = UsdToKes(2) with { Funding = FundingMethod.DebitCard };
        var request = Send(200m) with { Funding = FundingMethod.DebitCard };

        Assert.That(RankedIds(request, UsdToKes(1), card), Is.EqualTo(new long[] { 2 }));
    }

    [Test]
    public void Filters_out_services_slower_than_the_maximum_speed()
    {
        var sameDay = UsdToKes(1) with { Speed = Speed.SameDay };
        var nextDay = UsdToKes(2) with { Speed = Speed.NextDay };
        var unknown = UsdToKes(3) with { Speed = null };
        var request = Send(200m) with { MaxSpeed = Speed.SameDay };

        Assert.That(RankedIds(request, sameDay, nextDay, unknown), Is.EqualTo(new long[] { 1 }));
    }

    [Test]
    public void Counts_services_left_out_by_filters()
    {
        var request = Send(200m) with { Payout = PayoutMethod.CashPickup, Funding = FundingMethod.Cash };
        var cashToCash = UsdToKes(3) with { Payout = PayoutMethod.CashPickup, Funding = FundingMethod.Cash };

        Assert.That(Ranker.Rank([UsdToKes(1), UsdToKes(2), cashToCash], request).Filtered, Is.EqualTo(2));
    }

    [Test]
    public void Ranks_only_services_taking_the_send_currency()
    {
        var paidInEuro = UsdToKes(2) with { SendCurrency = Currencies.Eur };

        Assert.That(RankedIds(Send(200m), UsdToKes(1), paidInEuro), Is.EqualTo(new long[] { 1 }));
    }

    [Test]
    public void Lists_non_transparent_services_after_every_transparent_one()
    {
        // The undisclosed service charges no fee, the transparent one a heavy fee and margin.
        var undisclosed = UsdToKes(1, rate: null);
        var expensive = UsdToKes(2, rate: 110m, fee: 20m);

        Assert.That(RankedIds(Send(200m), undisclosed, expensive), Is.EqualTo(new long[] { 2, 1 }));
    }

    [Test]
    public void Ranks_promotions_after_regular_transparent_offers()
    {
        var promotion = UsdToKes(1, rate: 129.5m) with { Promotion = true };

        Assert.That(RankedIds(Send(200m), promotion, UsdToKes(2, rate: 120m, fee: 10m)), Is.EqualTo(new long[] { 2, 1 }));
    }

    [Test]
    public void Ranks_promotions_before_non_transparent_offers()
    {
        var promotion = UsdToKes(1) with { Promotion = true };

        Assert.That(RankedIds(Send(200m), UsdToKes(2, rate: null), promotion), Is.EqualTo(new long[] { 1, 2 }));
    }

    [Test]
    public void Places_offers_in_their_groups()
    {
        var quotes = new[] { UsdToKes(1), UsdToKes(2) with { Promotion = true }, UsdToKes(3, rate: null) };

        Assert.That(
            Ranker.Rank(quotes, Send(200m)).Offers.Select(o => o.Group),
            Is.EqualTo(new[] { OfferGroup.Transparent, OfferGroup.Promotion, OfferGroup.NotTransparent }));
    }

    [Test]
    public void Hides_a_quote_past_its_freshness_limit()
    {
        var stale = UsdToKes(2) with { StaleAfter = Now.AddMinutes(-1) };
        var ranking = Ranker.Rank([UsdToKes(1), stale], Send(200m));

        Assert.That((ranking.Offers.Single().Quote.ServiceId, ranking.HiddenStale), Is.EqualTo((1L, 1)));
    }

    [Test]
    public void Keeps_a_quote_within_its_freshness_limit()
    {
        var fresh = UsdToKes(1) with { StaleAfter = Now.AddMinutes(1) };

        Assert.That(Ranker.Rank([fresh], Send(200m)).Offers, Has.Count.EqualTo(1));
    }

    [Test]
    public void Hides_a_superseded_quote()
    {
        var superseded = UsdToKes(1) with { Superseded = true };

        Assert.That(Ranker.Rank([superseded], Send(200m)).HiddenStale, Is.EqualTo(1));
    }

    [Test]
    public void Shows_stale_quotes_flagged_when_asked()
    {
        var stale = UsdToKes(1) with { StaleAfter = Now.AddMinutes(-1) };
        var superseded = UsdToKes(2) with { Superseded = true };
        var ranking = Ranker.Rank([stale, superseded], Send(200m) with { IncludeStale = true });

        Assert.That(ranking.Offers.Select(o => o.Flags.HasFlag(OfferFlags.Stale)), Is.EqualTo(new[] { true, true }));
    }

    [Test]
    public void Counts_services_that_do_not_take_the_amount()
    {
        var upTo100 = UsdToKes(2) with { SenderFee = FeeSchedule.Tiered([new FeeBand(0m, 100m, 3m, 0m)]) };
        var ranking = Ranker.Rank([UsdToKes(1), upTo100], Send(200m));

        Assert.That((ranking.Offers.Count, ranking.OutOfRange), Is.EqualTo((1, 1)));
    }

    [Test]
    public void Ranks_offers_in_one_currency_by_what_they_deliver_even_when_their_own_mid_rates_differ()
    {
        // A delivers 200 × 129 = 25,800 KES against an old mid of 140 (value 184.3 at its own mid);
        // B delivers 200 × 128.5 = 25,700 KES against a recent mid of 130 (value 197.7 at its own mid).
        // One mid per payout currency (the most recent) ranks A first: it gets the family more shillings.
        var a = QuoteBuilder.UsdToKes(1, rate: 129m, mid: 140m) with
        {
            MidMarket = new MidMarketRate(140m, "ecb", new DateOnly(2025, 1, 1)),
        };
        var b = QuoteBuilder.UsdToKes(2, rate: 128.5m, mid: 130m);

        var ranking = Ranker.Rank([b, a], QuoteBuilder.Send(200m));

        Assert.That(ranking.Offers.Select(o => o.Quote.ServiceId), Is.EqualTo(new long[] { 1, 2 }));
    }
}
