using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using RemitCompare.Api.Json;

namespace RemitCompare.Api.Features;

/// <summary>
/// Collects what is wrong with a request, parameter by parameter, and answers it as one RFC 9457 problem
/// (<c>application/problem+json</c>, status 400) whose <c>errors</c> name each parameter and the reason in English,
/// and whose <c>reasons</c> give each reason's code and values, so pages and widgets can say it in their reader's language.
/// </summary>
public sealed class QueryErrors
{
    private readonly List<QueryError> _errors = [];

    /// <summary>True when nothing is wrong.</summary>
    public bool IsEmpty => _errors.Count == 0;

    /// <summary>Records a problem with a parameter: the reason, and the values (invariant text) of its placeholders.</summary>
    public void Add(string parameter, QueryReason reason, params string[] values) => _errors.Add(new QueryError(parameter, reason, values));

    /// <summary>Every problem recorded, in order.</summary>
    public IReadOnlyList<QueryError> All => _errors;

    /// <summary>The problem response.</summary>
    public ValidationProblem ToProblem()
    {
        var byParameter = _errors.GroupBy(e => e.Parameter, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(e => e.English).ToArray(), StringComparer.Ordinal);
        return TypedResults.ValidationProblem(
            byParameter,
            detail: string.Join("; ", byParameter.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}")),
            title: "The request has invalid parameters",
            extensions: new Dictionary<string, object?>
            {
                ["reasons"] = _errors.Select(e => new QueryReasonDto(e.Parameter, e.Reason.Code, e.Values)).ToArray(),
            });
    }

    /// <summary>A positive decimal in invariant notation, or a recorded problem.</summary>
    public decimal? PositiveAmount(string parameter, string? text, decimal max)
    {
        if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            Add(parameter, QueryReasons.AmountNotANumber, Shorten(text));
            return null;
        }
        if (value <= 0m)
        {
            Add(parameter, QueryReasons.AmountNotPositive);
            return null;
        }
        if (value > max)
        {
            Add(parameter, QueryReasons.AmountTooLarge, Invariant(value), Invariant(max));
            return null;
        }
        return value;
    }

    /// <summary>A boolean flag (<c>true</c>/<c>false</c>/<c>1</c>/<c>0</c>); false when absent.</summary>
    public bool Flag(string parameter, string? text)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case null or "" or "false" or "0": return false;
            case "true" or "1": return true;
            default:
                Add(parameter, QueryReasons.FlagNotBoolean, Shorten(text));
                return false;
        }
    }

    /// <summary>A number as a reason's value: invariant notation, as the parameters are written.</summary>
    public static string Invariant(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Keeps echoed user input short in messages.</summary>
    public static string Shorten(string? text) => text is null ? "" : text.Length <= 40 ? text : text[..40] + "…";
}
