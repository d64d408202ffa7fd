using RemitCompare.Domain.Fees;

namespace RemitCompare.Tests.Domain;

public sealed class FeeScheduleTests
{
    // 3 below 100; 5 + 1 % from 100 up to 500; 2 % from 500 on.
    private static readonly FeeSchedule Tiers = FeeSchedule.Tiered(
    [
        new FeeBand(0m, 100m, 3m, 0m),
        new FeeBand(100m, 500m, 5m, 1m),
        new FeeBand(500m, null, 0m, 2m),
    ]);

    [TestCase("200")]
    [TestCase("5000")]
    public void Fixed_fee_is_the_same_at_every_amount(decimal amount)
    {
        Assert.That(FeeSchedule.Fixed(4.99m).FeeFor(amount), Is.EqualTo(4.99m));
    }

    [Test]
    public void Percent_fee_is_a_share_of_the_amount()
    {
        // 1.5 % of 200 = 3
        Assert.That(FeeSchedule.Percent(1.5m).FeeFor(200m), Is.EqualTo(3m));
    }

    [Test]
    public void Fixed_plus_percent_fee_adds_both_parts()
    {
        // 2 + 1.5 % of 200 = 2 + 3 = 5
        Assert.That(FeeSchedule.FixedPlusPercent(2m, 1.5m).FeeFor(200m), Is.EqualTo(5m));
    }

    [TestCase("0", "3")]
    [TestCase("99.99", "3")]
    [TestCase("100", "6")]          // From is inclusive: 5 + 1 % of 100
    [TestCase("499.99", "9.9999")]  // 5 + 4.9999
    [TestCase("500", "10")]         // UpTo is exclusive: 2 % of 500 in the next band
    public void Tiered_fee_uses_the_band_the_amount_falls_in(decimal amount, decimal fee)
    {
        Assert.That(Tiers.FeeFor(amount), Is.EqualTo(fee));
    }

    [Test]
    public void Bands_given_out_of_order_are_sorted_by_amount()
    {
        var schedule = FeeSchedule.Tiered([new FeeBand(100m, null, 9m, 0m), new FeeBand(0m, 100m, 1m, 0m)]);

        Assert.That(schedule.FeeFor(50m), Is.EqualTo(1m));
    }

    [Test]
    public void Minimum_cap_raises_a_small_fee()
    {
        // 1 % of 100 = 1, raised to the minimum 3
        Assert.That(FeeSchedule.Percent(1m).WithCaps(3m, null).FeeFor(100m), Is.EqualTo(3m));
    }

    [Test]
    public void Maximum_cap_lowers_a_large_fee()
    {
        // 1 % of 2000 = 20, lowered to the maximum 10
        Assert.That(FeeSchedule.Percent(1m).WithCaps(null, 10m).FeeFor(2000m), Is.EqualTo(10m));
    }

    [Test]
    public void Caps_leave_a_fee_between_them_alone()
    {
        // 1 % of 500 = 5, between 3 and 10
        Assert.That(FeeSchedule.Percent(1m).WithCaps(3m, 10m).FeeFor(500m), Is.EqualTo(5m));
    }

    [TestCase("5")]
    [TestCase("1000")]
    [TestCase("2000")]
    public void An_amount_outside_every_band_has_no_fee(decimal amount)
    {
        var schedule = FeeSchedule.Tiered([new FeeBand(10m, 1000m, 2m, 0m)]);

        Assert.That(schedule.FeeFor(amount), Is.Null);
    }

    [Test]
    public void Refuses_a_gap_between_bands()
    {
        Assert.That(
            () => FeeSchedule.Tiered([new FeeBand(0m, 100m, 1m, 0m), new FeeBand(150m, null, 2m, 0m)]),
            Throws.ArgumentException);
    }

    [Test]
    public void Refuses_overlapping_bands()
    {
        Assert.That(
            () => FeeSchedule.Tiered([new FeeBand(0m, 100m, 1m, 0m), new FeeBand(50m, null, 2m, 0m)]),
            Throws.ArgumentException);
    }

    [Test]
    public void Refuses_a_band_that_ends_before_it_starts()
    {
        Assert.That(() => FeeSchedule.Tiered([new FeeBand(100m, 50m, 1m, 0m)]), Throws.ArgumentException);
    }

    [Test]
    public void Refuses_a_negative_fixed_fee()
    {
        Assert.That(() => FeeSchedule.Fixed(-1m), Throws.ArgumentException);
    }

    [Test]
    public void Refuses_a_negative_percentage()
    {
        Assert.That(() => FeeSchedule.Percent(-0.5m), Throws.ArgumentException);
    }

    [Test]
    public void Refuses_a_percentage_of_one_hundred()
    {
        Assert.That(() => FeeSchedule.Percent(100m), Throws.ArgumentException);
    }

    [Test]
    public void Refuses_a_minimum_above_the_maximum()
    {
        Assert.That(() => FeeSchedule.Percent(1m).WithCaps(10m, 5m), Throws.ArgumentException);
    }

    [Test]
    public void Refuses_a_negative_cap()
    {
        Assert.That(() => FeeSchedule.Percent(1m).WithCaps(-1m, null), Throws.ArgumentException);
    }

    [Test]
    public void Refuses_a_schedule_without_bands()
    {
        Assert.That(() => FeeSchedule.Tiered([]), Throws.ArgumentException);
    }

    [Test]
    public void Knows_the_lowest_amount_and_the_amount_limit()
    {
        var schedule = FeeSchedule.Tiered([new FeeBand(10m, 100m, 1m, 0m), new FeeBand(100m, 1000m, 2m, 0m)]);

        Assert.That((schedule.LowestAmount, schedule.AmountLimit), Is.EqualTo((10m, (decimal?)1000m)));
    }
}
