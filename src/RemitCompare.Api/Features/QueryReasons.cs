using System.Globalization;
using System.Text.RegularExpressions;

namespace RemitCompare.Api.Features;

/// <summary>Why a parameter is refused: a stable code for programs and pages, and the English text of the API's problems.</summary>
/// <param name="Code">Stable and machine-readable (<c>amount.not_positive</c>); the pages' language files hold <c>error.{Code}</c>.</param>
/// <param name="English">The text, with <see cref="ReasonText"/> placeholders for the values.</param>
public sealed record QueryReason(string Code, string English);

/// <summary>One refusal: the parameter, why, and the values (invariant text) its placeholders take.</summary>
/// <param name="Parameter">The query or path parameter.</param>
/// <param name="Reason">Why it is refused.</param>
/// <param name="Values">What fills the reason's placeholders, as invariant text.</param>
public sealed record QueryError(string Parameter, QueryReason Reason, IReadOnlyList<string> Values)
{
    /// <summary>The English text the API answers.</summary>
    public string English => ReasonText.Fill(Reason.English, Values, CultureInfo.InvariantCulture, "or");
}

/// <summary>
/// Fills a reason's text: <c>{0}</c> is a value as given, <c>{0:N0}</c> a number grouped the culture's way, <c>{0*}</c> the
/// values from there on joined by the word for "or", and <c>{0:country}</c> a country code as the reader's name for it.
/// The widget fills the language files' texts the same way.
/// </summary>
public static partial class ReasonText
{
    /// <summary>The text with its placeholders filled.</summary>
    public static string Fill(string template, IReadOnlyList<string> values, CultureInfo culture, string or, Func<string, string>? countryName = null) =>
        Placeholder().Replace(template, m =>
        {
            var i = int.Parse(m.Groups["index"].Value, CultureInfo.InvariantCulture);
            if (i >= values.Count) return "";
            return m.Groups["form"].Value switch
            {
                ":N0" when decimal.TryParse(values[i], NumberStyles.Number, CultureInfo.InvariantCulture, out var number) => number.ToString("N0", culture),
                ":country" when countryName is not null => countryName(values[i]),
                "*" => string.Join($" {or} ", values.Skip(i)),
                _ => values[i],
            };
        });

    [GeneratedRegex(@"\{(?<index>\d)(?<form>:N0|:country|\*)?\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}

/// <summary>Every reason a parameter is refused for, by code. <see cref="Shown"/> are the ones the page and the widget can show.</summary>
public static class QueryReasons
{
    public static readonly QueryReason AmountNotANumber = new("amount.not_a_number", "'{0}' is not a number (use digits and a decimal point, e.g. 200 or 150.50)");
    public static readonly QueryReason AmountNotPositive = new("amount.not_positive", "must be greater than zero");
    public static readonly QueryReason AmountTooLarge = new("amount.too_large", "{0} is too large to be a remittance (at most {1})");
    public static readonly QueryReason AmountSendOrReceive = new("amount.send_or_receive",
        "give either amount (what the sender sends) or receive (what the recipient must get), not both or neither");
    public static readonly QueryReason AmountTooManyDecimals = new("amount.too_many_decimals", "{0} has {1} decimal places; {2} has more");
    public static readonly QueryReason AmountOverUsdLimit = new("amount.over_usd_limit", "{0} {1} is more than USD {2:N0}: too large to be a remittance");
    public static readonly QueryReason CountryMissing = new("country.missing", "is required: an ISO 3166 alpha-3 country code such as KEN");
    public static readonly QueryReason CountryMalformed = new("country.malformed", "'{0}' is not an ISO 3166 alpha-3 country code (three letters, e.g. KEN)");
    public static readonly QueryReason CountryUnknown = new("country.unknown", "unknown country '{0}'");
    public static readonly QueryReason CountrySameAsFrom = new("country.same_as_from", "must differ from 'from'");
    public static readonly QueryReason CorridorNotCovered = new("corridor.not_covered",
        "no prices are held for {0} → {1}; GET /v1/corridors lists the corridors covered");
    public static readonly QueryReason CurrencyUnknown = new("currency.unknown", "'{0}' is not an ISO 4217 currency code");
    public static readonly QueryReason CurrencyNotSent = new("currency.not_sent", "{0} is not used by senders in {1} → {2}; use {3*}");
    public static readonly QueryReason CurrencyNotPaidOut = new("currency.not_paid_out", "{0} is not used for payouts in {1} → {2}; use {3*}");

    // Only programs meet these: the page and the widget never send the parameters they are about.
    public static readonly QueryReason CurrencyOnlyWithReceive = new("currency.only_with_receive", "only applies with receive=");
    public static readonly QueryReason ChoiceUnknown = new("choice.unknown", "'{0}' is not one of {1}");
    public static readonly QueryReason FlagNotBoolean = new("flag.not_boolean", "'{0}' is not true or false");
    public static readonly QueryReason MomentMalformed = new("moment.malformed", "'{0}' is not a date or moment (use 2025-09-30 or 2025-09-30T12:00:00Z)");
    public static readonly QueryReason DateMalformed = new("date.malformed", "'{0}' is not a date (yyyy-MM-dd)");
    public static readonly QueryReason PeriodMalformed = new("period.malformed", "'{0}' is not a quarter (use 2025Q3)");
    public static readonly QueryReason CountryCodeMalformed = new("country.not_three_letters", "'{0}' is not a country code (three letters, e.g. KEN)");
    public static readonly QueryReason CorridorMalformed = new("corridor.malformed", "'{0}' is not a corridor (use FROM-TO, e.g. KEN-UGA)");
    public static readonly QueryReason BatchIdMalformed = new("batch.malformed_id", "'{0}' is not a batch id (a positive whole number, as in an indicator's batches)");
    public static readonly QueryReason ProviderIdMalformed = new("provider.malformed_id", "'{0}' is not a provider id (a positive whole number from GET /v1/providers)");
    public static readonly QueryReason BodyUnreadable = new("body.unreadable", "is not a readable text/csv body or multipart/form-data form");
    public static readonly QueryReason BodyRefused = new("body.refused", "{0}; nothing was stored");

    /// <summary>The reasons the page, the widget frame and the widget can show: every language file has a text for each.</summary>
    public static IReadOnlyList<QueryReason> Shown { get; } =
    [
        AmountNotANumber, AmountNotPositive, AmountTooLarge, AmountSendOrReceive, AmountTooManyDecimals, AmountOverUsdLimit,
        CountryMissing, CountryMalformed, CountryUnknown, CountrySameAsFrom, CorridorNotCovered,
        CurrencyUnknown, CurrencyNotSent, CurrencyNotPaidOut,
    ];
}
