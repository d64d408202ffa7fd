using RemitCompare.Domain.Fees;

namespace RemitCompare.Tests.Domain;

/// <summary>RPW rows price a service at cc1 and cc2 only; the fee model is the line through both points.</summary>
public sealed class SurveyFeeModelTests
{
    [Test]
    public void Equal_fees_at_both_amounts_give_a_fixed_fee()
    {
        var schedule = FeeSchedule.FromTwoPoints(200m, 5m, 500m, 5m);

        Assert.That(schedule.Bands, Is.EqualTo(new[] { new FeeBand(0m, null, 5m, 0m) }));
    }

    [Test]
    public void Line_through_both_points_is_fixed_plus_percent()
    {
        // slope (11 − 5) / (500 − 200) = 0.02 → 2 %; fixed 5 − 2 % × 200 = 1
        var schedule = FeeSchedule.FromTwoPoints(200m, 5m, 500m, 11m);

        Assert.That(schedule.Bands, Is.EqualTo(new[] { new FeeBand(0m, null, 1m, 2m) }));
    }

    [TestCase("200", "5", "500", "11")]
    [TestCase("200", "5", "500", "6")]       // slope 1/300: 0.333… %, fixed 4.333…
    [TestCase("140", "7.5", "350", "12.99")] // EUR cc1/cc2 amounts
    public void Line_reproduces_the_fee_at_both_surveyed_amounts(decimal amount1, decimal fee1, decimal amount2, decimal fee2)
    {
        var schedule = FeeSchedule.FromTwoPoints(amount1, fee1, amount2, fee2);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(schedule.FeeFor(amount1), Is.EqualTo(fee1).Within(0.0000000001m));
            Assert.That(schedule.FeeFor(amount2), Is.EqualTo(fee2).Within(0.0000000001m));
        }
    }

    [Test]
    public void Interpolates_between_the_surveyed_amounts()
    {
        // 1 + 2 % × 350 = 8, halfway between 5 and 11
        Assert.That(FeeSchedule.FromTwoPoints(200m, 5m, 500m, 11m).FeeFor(350m), Is.EqualTo(8m));
    }

    [Test]
    public void Uses_percent_bands_when_the_fee_grows_faster_than_the_amount()
    {
        // The line through (200, 2) and (500, 20) has fixed part 2 − 6 % × 200 = −10: no real fixed + percent fee.
        // Bands keep both surveyed fees: 1 % up to 500 (2 / 200), 4 % from 500 (20 / 500).
        var schedule = FeeSchedule.FromTwoPoints(200m, 2m, 500m, 20m);

        Assert.That(schedule.Bands, Is.EqualTo(new[] { new FeeBand(0m, 500m, 0m, 1m), new FeeBand(500m, null, 0m, 4m) }));
    }

    [Test]
    public void Uses_fixed_bands_when_the_fee_falls_with_the_amount()
    {
        // 10 at 200 and 8 at 500: the cheaper fee applies from the larger amount on.
        var schedule = FeeSchedule.FromTwoPoints(200m, 10m, 500m, 8m);

        Assert.That(schedule.Bands, Is.EqualTo(new[] { new FeeBand(0m, 500m, 10m, 0m), new FeeBand(500m, null, 8m, 0m) }));
    }

    [TestCase("200", "2", "500", "20")]
    [TestCase("200", "10", "500", "8")]
    [TestCase("500", "8", "200", "10")]
    public void Band_models_reproduce_the_fee_at_both_surveyed_amounts(decimal amount1, decimal fee1, decimal amount2, decimal fee2)
    {
        var schedule = FeeSchedule.FromTwoPoints(amount1, fee1, amount2, fee2);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(schedule.FeeFor(amount1), Is.EqualTo(fee1).Within(0.0000000001m));
            Assert.That(schedule.FeeFor(amount2), Is.EqualTo(fee2).Within(0.0000000001m));
        }
    }

    [Test]
    public void Never_gives_a_negative_fee_from_negative_survey_fees()
    {
        var schedule = FeeSchedule.FromTwoPoints(200m, -3m, 500m, -3m);

        Assert.That(schedule.FeeFor(200m), Is.Zero);
    }
}
