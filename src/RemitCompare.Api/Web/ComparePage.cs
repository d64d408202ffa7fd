using RemitCompare.Api.Features;
using RemitCompare.Api.Hosting;
using RemitCompare.Domain.Pricing;
using RemitCompare.Domain.Ranking;

namespace RemitCompare.Api.Web;

/// <summary>What the visitor typed into the form, as text, and which mode the amount is in.</summary>
/// <param name="From">Sending country code.</param>
/// <param name="To">Receiving country code.</param>
/// <param name="Amount">Amount, in the mode's currency.</param>
/// <param name="Currency">Send currency (send mode) or the currency the recipient must get (receive mode).</param>
/// <param name="Receive">True when the amount is what the recipient must get.</param>
public sealed record CompareForm(string? From, string? To, string? Amount, string? Currency, bool Receive)
{
    /// <summary>The form as the comparison API's query, so the page and the API validate and rank in one way.</summary>
    public CompareApi.CompareQuery ToQuery() => Receive
        ? new(From, To, null, Amount, null, Currency, null, null, null, null, null)
        : new(From, To, Amount, null, Currency, null, null, null, null, null, null);

    /// <summary>The query string of this form in a language, for links.</summary>
    public string QueryString(string lang) => Microsoft.AspNetCore.Http.QueryString.Create(
        new (string Key, string? Value)[] { ("from", From), ("to", To), ("amount", Amount), ("currency", Currency), ("mode", Receive ? "receive" : null), ("lang", lang) }
            .Where(p => !string.IsNullOrEmpty(p.Value))
            .Select(p => KeyValuePair.Create(p.Key, p.Value))).ToUriComponent();
}

/// <summary>A priced comparison for the page, the widget frame and the SMS text.</summary>
/// <param name="Corridor">The corridor.</param>
/// <param name="Request">The ranking request.</param>
/// <param name="Ranking">The ranked offers.</param>
public sealed record PageComparison(CorridorSnapshot Corridor, RankingRequest Request, Ranking Ranking);

/// <summary>Everything a page shows.</summary>
/// <param name="Language">Language of the page.</param>
/// <param name="Snapshot">Data the page is drawn from.</param>
/// <param name="Form">What was asked.</param>
/// <param name="Comparison">The answer, when the question was valid.</param>
/// <param name="Errors">What is wrong with the question, by form field, in the page's language.</param>
/// <param name="Now">When the page was drawn.</param>
/// <param name="Languages">Every language, for the switch.</param>
public sealed record PageModel(
    Language Language, Snapshot Snapshot, CompareForm Form, PageComparison? Comparison,
    IReadOnlyDictionary<string, string[]> Errors, DateTimeOffset Now, IReadOnlyList<Language> Languages);

/// <summary>Prices a form with the same parsing and ranking as GET /v1/compare.</summary>
public static class ComparePage
{
    /// <summary>Validates and ranks; or says why the question cannot be answered.</summary>
    public static (PageComparison? Comparison, IReadOnlyList<QueryError> Errors) Evaluate(CompareForm form, Snapshot snapshot, DateTimeOffset now)
    {
        var errors = new QueryErrors();
        var parsed = CompareApi.Parse(form.ToQuery(), snapshot, errors, now);
        if (!errors.IsEmpty || parsed is not { } p) return (null, errors.All);
        return (new PageComparison(p.Item1, p.Item2, Ranker.Rank(p.Item1, p.Item2)), []);
    }

    /// <summary>The page model for a request.</summary>
    public static PageModel Model(HttpContext http, SnapshotHolder snapshots, LanguageCatalog languages, TimeProvider clock, bool asked)
    {
        var q = http.Request.Query;
        var form = new CompareForm(q["from"], q["to"], q["amount"], q["currency"], q["mode"] == "receive");
        var language = languages.Choose(q["lang"], http.Request.Headers.AcceptLanguage);
        var snapshot = snapshots.Current;
        var now = clock.GetUtcNow();
        if (!asked) return new PageModel(language, snapshot, form, null, new Dictionary<string, string[]>(), now, languages.All);
        var (comparison, errors) = Evaluate(form, snapshot, now);
        return new PageModel(language, snapshot, form, comparison, FormFields(errors, language, snapshot), now, languages.All);
    }

    // receive/receiveCurrency are the amount and currency fields of the form in receive mode.
    private static Dictionary<string, string[]> FormFields(IReadOnlyList<QueryError> errors, Language language, Snapshot snapshot) =>
        errors.GroupBy(e => e.Parameter switch { "receive" => "amount", "receiveCurrency" => "currency", var k => k }, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => g.Select(e => language.Reason(e, code => language.Countries.Name(code, snapshot.Countries))).ToArray(),
                StringComparer.Ordinal);
}
