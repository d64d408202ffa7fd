using RemitCompare.Domain.Fees;
using RemitCompare.Domain.Services;

namespace RemitCompare.Tests.Domain;

/// <summary>Fees by funding method and by payout method: the most specific line of a price list wins.</summary>
public sealed class PriceListTests
{
    private static readonly FeeSchedule Default = FeeSchedule.Fixed(5m);
    private static readonly FeeSchedule CardFunded = FeeSchedule.Fixed(7m);
    private static readonly FeeSchedule CashPickup = FeeSchedule.Fixed(6m);
    private static readonly FeeSchedule CardToCashPickup = FeeSchedule.Fixed(9m);

    private static PriceList FullList() => new(
    [
        new PriceListLine(null, null, Default),
        new PriceListLine(FundingMethod.DebitCard, null, CardFunded),
        new PriceListLine(null, PayoutMethod.CashPickup, CashPickup),
        new PriceListLine(FundingMethod.DebitCard, PayoutMethod.CashPickup, CardToCashPickup),
    ]);

    [Test]
    public void Line_for_both_methods_wins()
    {
        Assert.That(FullList().For(FundingMethod.DebitCard, PayoutMethod.CashPickup), Is.SameAs(CardToCashPickup));
    }

    [Test]
    public void Payout_line_applies_to_any_funding_method()
    {
        Assert.That(FullList().For(FundingMethod.BankAccount, PayoutMethod.CashPickup), Is.SameAs(CashPickup));
    }

    [Test]
    public void Funding_line_applies_to_any_payout_method()
    {
        Assert.That(FullList().For(FundingMethod.DebitCard, PayoutMethod.MobileWallet), Is.SameAs(CardFunded));
    }

    [Test]
    public void Payout_line_is_more_specific_than_funding_line()
    {
        var list = new PriceList(
        [
            new PriceListLine(FundingMethod.DebitCard, null, CardFunded),
            new PriceListLine(null, PayoutMethod.CashPickup, CashPickup),
        ]);

        Assert.That(list.For(FundingMethod.DebitCard, PayoutMethod.CashPickup), Is.SameAs(CashPickup));
    }

    [Test]
    public void Default_line_covers_every_other_combination()
    {
        Assert.That(FullList().For(FundingMethod.BankAccount, PayoutMethod.MobileWallet), Is.SameAs(Default));
    }

    [Test]
    public void Combination_no_line_covers_has_no_schedule()
    {
        var list = new PriceList([new PriceListLine(FundingMethod.DebitCard, PayoutMethod.CashPickup, CardToCashPickup)]);

        Assert.That(list.For(FundingMethod.Cash, PayoutMethod.CashPickup), Is.Null);
    }
}
