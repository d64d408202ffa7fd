using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using RemitCompare.Api.Audit;
using RemitCompare.Api.Json;
using RemitCompare.Domain.Catalog;
using RemitCompare.Domain.Money;
using RemitCompare.Domain.Pricing;
using RemitCompare.Domain.Ranking;
using RemitCompare.Domain.Services;

namespace RemitCompare.Api.Features;

/// <summary>GET /v1/compare: every service in a corridor ranked by what the recipient gets (or what the sender pays).</summary>
public static class CompareApi
{
    /// <summary>No remittance is larger than this many units of any currency.</summary>
    public const decimal AbsoluteMaximum = 1_000_000_000_000m;

    /// <summary>No remittance is larger than this many US dollars, where a rate tells the equivalent.</summary>
    public const decimal MaximumUsdEquivalent = 1_000_000m;

    /// <summary>Maps the endpoint.</summary>
    public static RouteGroupBuilder MapCompare(this RouteGroupBuilder group)
    {
        group.MapGet("/compare", Compare).WithName("Compare");
        return group;
    }

    /// <summary>The query parameters of a comparison, as text, so that every malformed value gets a problem response.</summary>
    public sealed record CompareQuery(
        string? From, string? To, string? Amount, string? Receive, string? Currency, string? ReceiveCurrency,
        string? Payout, string? Funding, string? MaxSpeed, string? IncludeStale, string? AsOf);

    internal static Results<CompareAnswer, ValidationProblem, ProblemHttpResult> Compare(
        [AsParameters] CompareQuery query, HttpRequest http, AsOfSnapshots snapshots, CompareAnswers answers, TimeProvider clock)
    {
        var errors = new QueryErrors();
        var asOf = errors.AsOf(query.AsOf);
        if (!errors.IsEmpty) return errors.ToProblem();
        // Answers of the snapshot in force are cached by query; a past moment's snapshot is answered but never kept.
        var snapshot = snapshots.At(asOf);
        var now = asOf ?? clock.GetUtcNow();
        var key = http.QueryString.Value ?? "";
        if (answers.Find(snapshot, key, now) is { } known) return known;
        var parsed = Parse(query, snapshot, errors, now);
        if (!errors.IsEmpty) return errors.ToProblem();
        var (corridor, request) = parsed!.Value;
        var ranking = Ranker.Rank(corridor, request);
        return answers.Keep(snapshot, key, ToResponse(corridor, request, snapshot, ranking), corridor, now);
    }

    /// <summary>Validates the query against the snapshot: countries, corridor, currencies, amounts and filters.</summary>
    internal static (CorridorSnapshot, RankingRequest)? Parse(CompareQuery q, Snapshot snapshot, QueryErrors errors, DateTimeOffset now)
    {
        var from = Country(errors, "from", q.From, snapshot.Countries);
        var to = Country(errors, "to", q.To, snapshot.Countries);
        PayoutMethod? payout = Choice<PayoutMethod>(errors, "payout", q.Payout, MethodNames.TryParsePayout, MethodNames.PayoutMethodNames);
        FundingMethod? funding = Choice<FundingMethod>(errors, "funding", q.Funding, MethodNames.TryParseFunding, MethodNames.FundingMethodNames);
        Speed? maxSpeed = Choice<Speed>(errors, "maxSpeed", q.MaxSpeed, MethodNames.TryParseSpeed, MethodNames.SpeedCategoryNames);
        var includeStale = errors.Flag("includeStale", q.IncludeStale);
        var mode = CompareMode.Send;
        decimal? number = null;
        if (string.IsNullOrWhiteSpace(q.Amount) == string.IsNullOrWhiteSpace(q.Receive))
            errors.Add("amount", QueryReasons.AmountSendOrReceive);
        else if (!string.IsNullOrWhiteSpace(q.Receive))
            (mode, number) = (CompareMode.Receive, errors.PositiveAmount("receive", q.Receive, AbsoluteMaximum));
        else
            number = errors.PositiveAmount("amount", q.Amount, AbsoluteMaximum);
        if (from is not null && to is not null && from.Iso3 == to.Iso3) errors.Add("to", QueryReasons.CountrySameAsFrom);
        if (!errors.IsEmpty || from is null || to is null) return null;

        var corridor = snapshot.Corridor(from.Iso3, to.Iso3);
        if (corridor is null || corridor.Quotes.Count == 0)
        {
            errors.Add("to", QueryReasons.CorridorNotCovered, from.Iso3, to.Iso3);
            return null;
        }
        var sendCurrency = CorridorCurrency(errors, "currency", q.Currency, corridor.SendCurrencies, null, snapshot.Currencies, QueryReasons.CurrencyNotSent, corridor);
        Currency? receiveCurrency = null;
        if (mode == CompareMode.Receive)
            receiveCurrency = CorridorCurrency(
                errors, "receiveCurrency", q.ReceiveCurrency, corridor.PayoutCurrencies, to.CurrencyCode, snapshot.Currencies, QueryReasons.CurrencyNotPaidOut, corridor);
        else if (!string.IsNullOrWhiteSpace(q.ReceiveCurrency))
            errors.Add("receiveCurrency", QueryReasons.CurrencyOnlyWithReceive);
        if (sendCurrency is null || (mode == CompareMode.Receive && receiveCurrency is null)) return null;

        var amountCurrency = mode == CompareMode.Send ? sendCurrency : receiveCurrency!;
        var parameter = mode == CompareMode.Send ? "amount" : "receive";
        var amount = Amount(errors, parameter, number!.Value, amountCurrency, snapshot, now);
        if (amount is null) return null;

        return (corridor, new RankingRequest(mode, amount.Value, sendCurrency, receiveCurrency, to.CurrencyCode ?? "", now)
        {
            Payout = payout,
            Funding = funding,
            MaxSpeed = maxSpeed,
            IncludeStale = includeStale,
        });
    }

    private static Country? Country(QueryErrors errors, string parameter, string? code, CountryCatalog countries)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            errors.Add(parameter, QueryReasons.CountryMissing);
            return null;
        }
        if (code.Trim().Length != 3 || !code.Trim().All(char.IsAsciiLetter))
        {
            errors.Add(parameter, QueryReasons.CountryMalformed, QueryErrors.Shorten(code));
            return null;
        }
        if (!countries.TryGet(code, out var country))
        {
            errors.Add(parameter, QueryReasons.CountryUnknown, code.Trim().ToUpperInvariant());
            return null;
        }
        return country;
    }

    private delegate bool TryParse<T>(string? text, out T value);

    private static T? Choice<T>(QueryErrors errors, string parameter, string? text, TryParse<T> parse, IReadOnlyList<string> allowed) where T : struct
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (parse(text, out var value)) return value;
        errors.Add(parameter, QueryReasons.ChoiceUnknown, QueryErrors.Shorten(text), string.Join(", ", allowed));
        return null;
    }

    private static Currency? CorridorCurrency(
        QueryErrors errors, string parameter, string? code, IReadOnlyList<string> used, string? preferred, CurrencyCatalog currencies,
        QueryReason notUsed, CorridorSnapshot corridor)
    {
        // Unsaid, "my mother must get 20,000" means her country's own currency whenever the corridor pays out in it.
        var fallback = preferred is not null && used.Contains(preferred) ? preferred : used[0];
        var wanted = string.IsNullOrWhiteSpace(code) ? fallback : code.Trim().ToUpperInvariant();
        if (!currencies.TryGet(wanted, out var currency))
        {
            errors.Add(parameter, QueryReasons.CurrencyUnknown, QueryErrors.Shorten(code));
            return null;
        }
        if (!used.Contains(currency.Code))
        {
            errors.Add(parameter, notUsed, [currency.Code, corridor.From.Iso3, corridor.To.Iso3, .. used]);
            return null;
        }
        return currency;
    }

    private static decimal? Amount(QueryErrors errors, string parameter, decimal value, Currency currency, Snapshot snapshot, DateTimeOffset now)
    {
        if (decimal.Round(value, currency.MinorUnits) != value)
        {
            errors.Add(parameter, QueryReasons.AmountTooManyDecimals, currency.Code, currency.MinorUnits.ToString(CultureInfo.InvariantCulture), QueryErrors.Invariant(value));
            return null;
        }
        if (UsdEquivalents.PerUnit(currency.Code, snapshot, DateOnly.FromDateTime(now.UtcDateTime)) is { } toUsd && value * toUsd > MaximumUsdEquivalent)
        {
            errors.Add(parameter, QueryReasons.AmountOverUsdLimit, currency.Code, QueryErrors.Invariant(value), QueryErrors.Invariant(MaximumUsdEquivalent));
            return null;
        }
        return value;
    }

    internal static CompareResponse ToResponse(CorridorSnapshot corridor, RankingRequest request, Snapshot snapshot, Ranking ranking)
    {
        var offers = new OfferDto[ranking.Offers.Count];
        for (var i = 0; i < offers.Length; i++) offers[i] = ToDto(i + 1, ranking.Offers[i]);
        var amountCurrency = request.Mode == CompareMode.Send ? request.SendCurrency : request.ReceiveCurrency!;
        return new CompareResponse(
            new CompareCorridorDto(corridor.From.Iso3, corridor.To.Iso3, request.SendCurrency.Code,
                request.ReceiveCurrency?.Code ?? corridor.To.CurrencyCode ?? corridor.PayoutCurrencies[0], corridor.To.CurrencyCode),
            new CompareRequestDto(request.Mode == CompareMode.Send ? "send" : "receive", Shown(request.Amount, amountCurrency),
                request.Payout?.Name(), request.Funding?.Name(), request.MaxSpeed?.Name(), request.IncludeStale),
            snapshot.AsOf,
            offers,
            new ExcludedDto(ranking.HiddenStale, ranking.OutOfRange, ranking.Filtered));
    }

    private static OfferDto ToDto(int rank, Offer offer)
    {
        var (q, c) = (offer.Quote, offer.Cost);
        return new OfferDto(
            rank, q.ServiceId, q.ProviderId, q.Provider, q.FirmType, q.Funding.Name(), q.Payout.Name(), q.Speed?.Name(),
            q.Transparent, q.Promotion,
            Shown(c.SendAmount, q.SendCurrency), Shown(c.Fee, q.SendCurrency), Shown(c.SenderPays, q.SendCurrency),
            Significant(q.Rate), Significant(q.MidMarket?.Rate),
            q.MidMarket is { } m ? new MidMarketDto(Significant(m.Rate)!.Value, m.Source, m.At) : null,
            Pct(c.FeePct), Pct(c.FxMarginPct), Shown(c.ReceiveFee, q.PayoutCurrency), Pct(c.TotalCostPct),
            Shown(c.TotalCost, q.SendCurrency), Shown(c.RecipientGets, q.PayoutCurrency),
            q.CollectedAt, q.Period, new SourceDto(q.Source.Kind, q.Source.Name, q.Source.BatchId), offer.Flags.ToNames());
    }

    private static MoneyDto Shown(decimal amount, Currency currency) => new(currency.Round(amount), currency.Code);

    private static MoneyDto? Shown(decimal? amount, Currency currency) => amount is { } known ? Shown(known, currency) : null;

    private static decimal? Pct(decimal? value) => value is { } v ? Math.Round(v, 2, MidpointRounding.ToEven) : null;

    /// <summary>Rates keep 6 significant digits: more than any source publishes, fewer than a division leaves.</summary>
    internal static decimal? Significant(decimal? value)
    {
        if (value is not { } v || v == 0m) return value;
        var digits = (int)Math.Floor(Math.Log10((double)Math.Abs(v))) + 1;
        return Math.Round(v, Math.Clamp(6 - digits, 0, 20), MidpointRounding.ToEven);
    }
}
