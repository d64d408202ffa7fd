using RemitCompare.Domain.Fees;
using RemitCompare.Domain.Money;
using RemitCompare.Domain.Pricing;
using RemitCompare.Domain.Ranking;
using RemitCompare.Domain.Services;

namespace RemitCompare.Tests.Domain;

/// <summary>ISO 4217 currencies the domain tests use, with their real minor units.</summary>
public static class Currencies
{
    public static readonly Currency Usd = new("USD", "840", 2, "US Dollar");
    public static readonly Currency Eur = new("EUR", "978", 2, "Euro");
    public static readonly Currency Gbp = new("GBP", "826", 2, "Pound Sterling");
    public static readonly Currency Kes = new("KES", "404", 2, "Kenyan Shilling");
    public static readonly Currency Jpy = new("JPY", "392", 0, "Yen");
    public static readonly Currency Kwd = new("KWD", "414", 3, "Kuwaiti Dinar");

    public static Currency ByCode(string code) => code switch
    {
        "USD" => Usd,
        "EUR" => Eur,
        "GBP" => Gbp,
        "KES" => Kes,
        "JPY" => Jpy,
        "KWD" => Kwd,
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "Not a test currency."),
    };
}

/// <summary>
/// Service quotes for the tests: a plain USD→KES service (mobile wallet, funded by bank account, same day, rate 128
/// against a mid-market 130, no fee, disclosed, fresh). Tests change only what they are about, with <c>with { … }</c>.
/// </summary>
public static class QuoteBuilder
{
    public static readonly DateTimeOffset CollectedAt = new(2025, 8, 14, 9, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset Now = CollectedAt.AddHours(1);

    public static ServiceQuote UsdToKes(long serviceId = 1, decimal? rate = 128m, decimal mid = 130m, decimal fee = 0m) => new()
    {
        ServiceId = serviceId,
        ProviderId = serviceId,
        Provider = $"Provider {serviceId}",
        FirmType = "Money Transfer Operator",
        Funding = FundingMethod.BankAccount,
        Payout = PayoutMethod.MobileWallet,
        Speed = Speed.SameDay,
        SendCurrency = Currencies.Usd,
        PayoutCurrency = Currencies.Kes,
        SenderFee = FeeSchedule.Fixed(fee),
        Rate = rate,
        MidMarket = new MidMarketRate(mid, "ecb", DateOnly.FromDateTime(CollectedAt.UtcDateTime)),
        CollectedAt = CollectedAt,
        Source = new QuoteSource("feed", "test-feed", 1),
    };

    /// <summary>A USD→KES service that pays out US dollars (a USD account in Kenya) at a USD→USD rate against mid 1.</summary>
    public static ServiceQuote UsdToUsdInKenya(long serviceId, decimal rate, decimal fee = 0m) =>
        UsdToKes(serviceId, rate, 1m, fee) with { PayoutCurrency = Currencies.Usd };

    /// <summary>"I send <paramref name="amount"/> USD" to Kenya.</summary>
    public static RankingRequest Send(decimal amount) =>
        new(CompareMode.Send, amount, Currencies.Usd, null, "KES", Now);

    /// <summary>"The recipient in Kenya must get <paramref name="amount"/> KES", paid in USD.</summary>
    public static RankingRequest Receive(decimal amount) =>
        new(CompareMode.Receive, amount, Currencies.Usd, Currencies.Kes, "KES", Now);
}
