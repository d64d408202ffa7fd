namespace RemitCompare.Domain.Services;

/// <summary>How the recipient receives the money.</summary>
public enum PayoutMethod
{
    /// <summary>Cash collected at an agent or branch.</summary>
    CashPickup,
    /// <summary>Credited to a bank account.</summary>
    BankAccount,
    /// <summary>Credited to a mobile-money wallet.</summary>
    MobileWallet,
    /// <summary>Cash delivered to the recipient's door.</summary>
    HomeDelivery,
    /// <summary>Anything else the source reported.</summary>
    Other,
}

/// <summary>How the sender pays for the transfer.</summary>
public enum FundingMethod
{
    /// <summary>Cash at a counter.</summary>
    Cash,
    /// <summary>A transfer from a bank account.</summary>
    BankAccount,
    /// <summary>A debit card.</summary>
    DebitCard,
    /// <summary>A credit card.</summary>
    CreditCard,
    /// <summary>A mobile-money wallet.</summary>
    MobileMoney,
    /// <summary>Anything else the source reported.</summary>
    Other,
}

/// <summary>Delivery time categories of the RPW methodology, fastest first, so they compare by speed.</summary>
public enum Speed
{
    /// <summary>Less than one hour.</summary>
    LessThanOneHour,
    /// <summary>Same day.</summary>
    SameDay,
    /// <summary>Next day.</summary>
    NextDay,
    /// <summary>Two days.</summary>
    TwoDays,
    /// <summary>Three to five days.</summary>
    ThreeToFiveDays,
    /// <summary>Six days or more.</summary>
    SixDaysOrMore,
}

/// <summary>Whether the sender fee is added on top of the send amount or taken out of it.</summary>
public enum FeePlacement
{
    /// <summary>The sender pays amount + fee; the whole amount is converted.</summary>
    OnTop,
    /// <summary>The fee is deducted from the amount before conversion.</summary>
    Deducted,
}

/// <summary>Parsing of the free-text method and speed names that sources use, and their stable API names.</summary>
public static class MethodNames
{
    private static readonly string[] PayoutNames = ["cash_pickup", "bank_account", "mobile_wallet", "home_delivery", "other"];
    private static readonly string[] FundingNames = ["cash", "bank_account", "debit_card", "credit_card", "mobile_money", "other"];
    private static readonly string[] SpeedNames = ["less_than_one_hour", "same_day", "next_day", "2_days", "3_5_days", "6_days_or_more"];

    /// <summary>The API name of a payout method, e.g. <c>mobile_wallet</c>.</summary>
    public static string Name(this PayoutMethod method) => PayoutNames[(int)method];

    /// <summary>The API name of a funding method, e.g. <c>debit_card</c>.</summary>
    public static string Name(this FundingMethod method) => FundingNames[(int)method];

    /// <summary>The API name of a speed category, e.g. <c>same_day</c>.</summary>
    public static string Name(this Speed speed) => SpeedNames[(int)speed];

    /// <summary>Every API name of payout methods.</summary>
    public static IReadOnlyList<string> PayoutMethodNames => PayoutNames;

    /// <summary>Every API name of funding methods.</summary>
    public static IReadOnlyList<string> FundingMethodNames => FundingNames;

    /// <summary>Every API name of speed categories.</summary>
    public static IReadOnlyList<string> SpeedCategoryNames => SpeedNames;

    /// <summary>Parses an API name of a payout method.</summary>
    public static bool TryParsePayout(string? name, out PayoutMethod method) => TryParseName(PayoutNames, name, out method);

    /// <summary>Parses an API name of a funding method.</summary>
    public static bool TryParseFunding(string? name, out FundingMethod method) => TryParseName(FundingNames, name, out method);

    /// <summary>Parses an API name of a speed category.</summary>
    public static bool TryParseSpeed(string? name, out Speed speed) => TryParseName(SpeedNames, name, out speed);

    /// <summary>Reads a source's payout text ("Cash", "Own/partner Bank account", "Mobile wallet").</summary>
    public static PayoutMethod PayoutFromText(string text)
    {
        var t = text.Trim().ToLowerInvariant();
        if (t.Contains("wallet") || t.Contains("mobile")) return PayoutMethod.MobileWallet;
        if (t.Contains("home") || t.Contains("door")) return PayoutMethod.HomeDelivery;
        if (t.Contains("account") || t.Contains("bank")) return PayoutMethod.BankAccount;
        if (t.Contains("cash")) return PayoutMethod.CashPickup;
        return PayoutMethod.Other;
    }

    /// <summary>Reads a source's payment-instrument text ("Cash", "Bank account transfer", "Debit card").</summary>
    public static FundingMethod FundingFromText(string text)
    {
        var t = text.Trim().ToLowerInvariant();
        if (t.Contains("debit")) return FundingMethod.DebitCard;
        if (t.Contains("credit")) return FundingMethod.CreditCard;
        if (t.Contains("mobile")) return FundingMethod.MobileMoney;
        if (t.Contains("bank") || t.Contains("account")) return FundingMethod.BankAccount;
        if (t.Contains("cash")) return FundingMethod.Cash;
        return FundingMethod.Other;
    }

    /// <summary>Reads an RPW speed text ("Less than one hour", "3-5 days"); null when it is not one of the categories.</summary>
    public static Speed? SpeedFromText(string text)
    {
        var t = text.Trim().ToLowerInvariant().Replace('–', '-');
        return t switch
        {
            "less than one hour" or "less than 1 hour" => Speed.LessThanOneHour,
            "same day" => Speed.SameDay,
            "next day" => Speed.NextDay,
            "2 days" => Speed.TwoDays,
            "3-5 days" or "3 - 5 days" => Speed.ThreeToFiveDays,
            "6 days or more" => Speed.SixDaysOrMore,
            _ => null,
        };
    }

    private static bool TryParseName<T>(string[] names, string? name, out T value) where T : struct, Enum
    {
        var index = name is null ? -1 : Array.IndexOf(names, name.Trim().ToLowerInvariant());
        value = index < 0 ? default : (T)(object)index;
        return index >= 0;
    }
}
