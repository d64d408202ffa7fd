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
    public void Clamps_the_fixed_part_at_zero_when_the_line_crosses_below_it()
    {
        // slope (20 − 2) / 300 = 6 %; fixed 2 − 6 % × 200 = −10 → 0
        var schedule = FeeSchedule.FromTwoPoints(200m, 2m, 500m, 20m);

        Assert.That(schedule.Bands, Is.EqualTo(new[] { new FeeBand(0m, null, 0m, 6m) }));
    }

    [Test]
    public void Clamps_the_percent_at_zero_when_the_fee_falls_with_the_amount()
    {
        // slope (8 − 10) / 300 < 0 → 0 %; the cc1 fee is kept as the fixed fee
        var schedule = FeeSchedule.FromTwoPoints(200m, 10m, 500m, 8m);

        Assert.That(schedule.Bands, Is.EqualTo(new[] { new FeeBand(0m, null, 10m, 0m) }));
    }

    [Test]
    public void Never_gives_a_negative_fee_from_negative_survey_fees()
    {
        var schedule = FeeSchedule.FromTwoPoints(200m, -3m, 500m, -3m);

        Assert.That(schedule.FeeFor(200m), Is.Zero);
    }
}
