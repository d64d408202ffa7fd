using RemitCompare.Domain.Money;
using static RemitCompare.Tests.Domain.Currencies;

namespace RemitCompare.Tests.Domain;

public sealed class MoneyTests
{
    [Test]
    public void Adds_amounts_of_the_same_currency()
    {
        var sum = new Money(1.10m, Usd) + new Money(2.25m, Usd);

        Assert.That(sum, Is.EqualTo(new Money(3.35m, Usd)));
    }

    [Test]
    public void Subtracts_amounts_of_the_same_currency()
    {
        var difference = new Money(10m, Kes) - new Money(2.5m, Kes);

        Assert.That(difference, Is.EqualTo(new Money(7.5m, Kes)));
    }

    [Test]
    public void Refuses_to_add_two_currencies()
    {
        var dollars = new Money(1m, Usd);
        var euros = new Money(1m, Eur);

        Assert.That(() => dollars + euros, Throws.TypeOf<CurrencyMismatchException>());
    }

    [Test]
    public void Refuses_to_subtract_two_currencies()
    {
        var dollars = new Money(1m, Usd);
        var shillings = new Money(1m, Kes);

        Assert.That(() => dollars.Subtract(shillings), Throws.TypeOf<CurrencyMismatchException>());
    }

    [Test]
    public void Refuses_to_compare_two_currencies()
    {
        var dollars = new Money(1m, Usd);
        var euros = new Money(2m, Eur);

        Assert.That(() => dollars < euros, Throws.TypeOf<CurrencyMismatchException>());
    }

    [TestCase("USD", "2.345", "2.34")]
    [TestCase("USD", "2.355", "2.36")]
    [TestCase("JPY", "0.5", "0")]
    [TestCase("JPY", "1.5", "2")]
    [TestCase("JPY", "2.5", "2")]
    [TestCase("KWD", "1.2345", "1.234")]
    [TestCase("KWD", "1.2355", "1.236")]
    [TestCase("USD", "-2.345", "-2.34")]
    public void Rounds_half_to_even_to_the_currencys_minor_units(string code, decimal amount, decimal expected)
    {
        var rounded = new Money(amount, ByCode(code)).Rounded();

        Assert.That(rounded.Amount, Is.EqualTo(expected));
    }

    [TestCase("USD", "2.341", "2.35")]
    [TestCase("USD", "2.34", "2.34")]
    [TestCase("JPY", "100.2", "101")]
    [TestCase("KWD", "1.2341", "1.235")]
    public void Rounds_up_to_the_minor_unit_what_a_payer_must_hand_over(string code, decimal amount, decimal expected)
    {
        Assert.That(ByCode(code).RoundUp(amount), Is.EqualTo(expected));
    }

    [TestCase("EUR", "234.25", "EUR 234.25")]
    [TestCase("USD", "5", "USD 5.00")]
    [TestCase("JPY", "1500.5", "JPY 1500")]
    [TestCase("KWD", "1.5", "KWD 1.500")]
    [TestCase("USD", "0.125", "USD 0.12")]
    public void Formats_as_code_then_amount_rounded_to_minor_units(string code, decimal amount, string expected)
    {
        Assert.That(new Money(amount, ByCode(code)).ToString(), Is.EqualTo(expected));
    }

    [Test]
    public void Converts_at_a_rate_without_rounding()
    {
        // 200.001 USD × 128.3456 KES/USD = 25669.2483456 KES: every digit survives until the amount is shown.
        var converted = new Money(200.001m, Usd).ConvertTo(Kes, 128.3456m);

        Assert.That(converted, Is.EqualTo(new Money(25669.2483456m, Kes)));
    }
}
