using System.Globalization;

namespace RemitCompare.Domain.Money;

/// <summary>An exact amount of one currency. Arithmetic across currencies throws; rounding happens only on request.</summary>
public readonly record struct Money(decimal Amount, Currency Currency)
{
    /// <summary>Zero of a currency.</summary>
    public static Money Zero(Currency currency) => new(0m, currency);

    /// <summary>Adds two amounts of the same currency.</summary>
    public static Money operator +(Money left, Money right) =>
        new(left.Amount + right.Amount, SameCurrency(left, right));

    /// <summary>Subtracts two amounts of the same currency.</summary>
    public static Money operator -(Money left, Money right) =>
        new(left.Amount - right.Amount, SameCurrency(left, right));

    /// <summary>Scales an amount.</summary>
    public static Money operator *(Money money, decimal factor) => new(money.Amount * factor, money.Currency);

    /// <summary>Compares two amounts of the same currency.</summary>
    public static bool operator <(Money left, Money right) => left.Amount < SameAmount(left, right);

    /// <summary>Compares two amounts of the same currency.</summary>
    public static bool operator >(Money left, Money right) => left.Amount > SameAmount(left, right);

    /// <summary>Compares two amounts of the same currency.</summary>
    public static bool operator <=(Money left, Money right) => left.Amount <= SameAmount(left, right);

    /// <summary>Compares two amounts of the same currency.</summary>
    public static bool operator >=(Money left, Money right) => left.Amount >= SameAmount(left, right);

    /// <summary>Adds two amounts of the same currency.</summary>
    public Money Add(Money other) => this + other;

    /// <summary>Subtracts an amount of the same currency.</summary>
    public Money Subtract(Money other) => this - other;

    /// <summary>Scales the amount.</summary>
    public Money Multiply(decimal factor) => this * factor;

    /// <summary>Converts at a rate given in units of <paramref name="target"/> per unit of this currency; unrounded.</summary>
    public Money ConvertTo(Currency target, decimal rate) => new(Amount * rate, target);

    /// <summary>This amount rounded half-to-even to the currency's minor units, as shown or paid.</summary>
    public Money Rounded() => new(Currency.Round(Amount), Currency);

    /// <summary>Formats as <c>EUR 234.25</c>: code, then the amount rounded to minor units.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Currency.Code} {Currency.Round(Amount).ToString("F" + Currency.MinorUnits, CultureInfo.InvariantCulture)}");

    private static Currency SameCurrency(Money left, Money right) =>
        left.Currency.Code == right.Currency.Code
            ? left.Currency
            : throw new CurrencyMismatchException(left.Currency, right.Currency);

    private static decimal SameAmount(Money left, Money right) => SameCurrency(left, right) is not null ? right.Amount : 0m;
}

/// <summary>Thrown when two amounts of different currencies meet in arithmetic.</summary>
public sealed class CurrencyMismatchException(Currency left, Currency right)
    : InvalidOperationException($"Cannot combine {left.Code} with {right.Code}.");
