using RemitCompare.Domain.Fees;

namespace RemitCompare.Tests.Domain;

/// <summary>GrossForNet: the smallest gross amount whose net of fee reaches a target (receive mode, deducted fees).</summary>
public sealed class GrossForNetTests
{
    [Test]
    public void Fixed_fee_adds_the_fee()
    {
        Assert.That(FeeSchedule.Fixed(5m).GrossForNet(100m), Is.EqualTo(105m));
    }

    [Test]
    public void Percent_fee_divides_by_what_is_left()
    {
        // 98 / (1 − 2 %) = 100; 100 − 2 = 98
        Assert.That(FeeSchedule.Percent(2m).GrossForNet(98m), Is.EqualTo(100m));
    }

    [Test]
    public void Fixed_plus_percent_fee_adds_the_fixed_part_then_divides()
    {
        // (96 + 2) / 0.98 = 100; 100 − (2 + 2) = 96
        Assert.That(FeeSchedule.FixedPlusPercent(2m, 2m).GrossForNet(96m), Is.EqualTo(100m));
    }

    [Test]
    public void Non_terminating_solution_nets_the_target()
    {
        // 100 / 0.97 = 103.0927…
        var schedule = FeeSchedule.Percent(3m);
        var gross = schedule.GrossForNet(100m)!.Value;

        Assert.That(gross - schedule.FeeFor(gross)!.Value, Is.EqualTo(100m).Within(0.0000000001m));
    }

    [Test]
    public void Dearer_next_band_is_used_when_the_first_band_cannot_reach_the_target()
    {
        // 5 below 100, 10 from 100: below 100 the net stays under 95, so net 96 needs 96 + 10 = 106
        var schedule = FeeSchedule.Tiered([new FeeBand(0m, 100m, 5m, 0m), new FeeBand(100m, null, 10m, 0m)]);

        Assert.That(schedule.GrossForNet(96m), Is.EqualTo(106m));
    }

    [Test]
    public void Tier_jump_without_an_exact_solution_gives_the_smallest_gross_that_reaches_the_target()
    {
        // 10 below 100, 2 from 100: the net jumps from 89.99… to 98, so no gross nets exactly 95; 100 is the first that reaches it
        var schedule = FeeSchedule.Tiered([new FeeBand(0m, 100m, 10m, 0m), new FeeBand(100m, null, 2m, 0m)]);

        Assert.That(schedule.GrossForNet(95m), Is.EqualTo(100m));
    }

    [Test]
    public void Cheaper_band_start_wins_over_a_later_solution()
    {
        // net 93: 103 in the first band's formula lands in the second band; the second band starts at 100 (net 98)
        var schedule = FeeSchedule.Tiered([new FeeBand(0m, 100m, 10m, 0m), new FeeBand(100m, null, 2m, 0m)]);
        var gross = schedule.GrossForNet(93m)!.Value;

        Assert.That(gross, Is.EqualTo(100m));
    }

    [Test]
    public void Minimum_cap_applies_to_small_amounts()
    {
        // 1 % with a minimum of 3: 101.01 would net only 98.01 (fee 3), so 100 + 3 = 103
        Assert.That(FeeSchedule.Percent(1m).WithCaps(3m, null).GrossForNet(100m), Is.EqualTo(103m));
    }

    [Test]
    public void Maximum_cap_applies_to_large_amounts()
    {
        // 2 % with a maximum of 10: 1000 / 0.98 = 1020.41 overpays; 1000 + 10 = 1010 nets exactly 1000
        Assert.That(FeeSchedule.Percent(2m).WithCaps(null, 10m).GrossForNet(1000m), Is.EqualTo(1010m));
    }

    [Test]
    public void Percent_between_caps_is_solved_by_division()
    {
        // 2 % with caps 1..10: 98 / 0.98 = 100, fee 2 within the caps
        Assert.That(FeeSchedule.Percent(2m).WithCaps(1m, 10m).GrossForNet(98m), Is.EqualTo(100m));
    }

    [Test]
    public void Target_beyond_every_band_has_no_gross()
    {
        var schedule = FeeSchedule.Tiered([new FeeBand(0m, 100m, 5m, 0m)]);

        Assert.That(schedule.GrossForNet(200m), Is.Null);
    }

    [Test]
    public void Target_below_the_lowest_amount_starts_at_the_lowest_amount()
    {
        // The service takes 10 or more: net 1 needs 10 (net 8)
        var schedule = FeeSchedule.Tiered([new FeeBand(10m, null, 2m, 0m)]);

        Assert.That(schedule.GrossForNet(1m), Is.EqualTo(10m));
    }
}
