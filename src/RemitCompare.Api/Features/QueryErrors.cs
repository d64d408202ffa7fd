using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace RemitCompare.Api.Features;

/// <summary>
/// Collects what is wrong with a request, parameter by parameter, and answers it as one RFC 9457 problem
/// (<c>application/problem+json</c>, status 400) whose <c>errors</c> name each parameter and the reason.
/// </summary>
public sealed class QueryErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    /// <summary>True when nothing is wrong.</summary>
    public bool IsEmpty => _errors.Count == 0;

    /// <summary>Records a problem with a parameter.</summary>
    public void Add(string parameter, string reason)
    {
        if (!_errors.TryGetValue(parameter, out var list)) _errors[parameter] = list = [];
        list.Add(reason);
    }

    /// <summary>The reasons recorded, by parameter, for a form that shows each next to its field.</summary>
    public IReadOnlyDictionary<string, string[]> ByParameter => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);

    /// <summary>The problem response.</summary>
    public ValidationProblem ToProblem() => TypedResults.ValidationProblem(
        _errors.ToDictionary(e => e.Key, e => e.Value.ToArray()),
        detail: string.Join("; ", _errors.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}")),
        title: "The request has invalid parameters");

    /// <summary>A positive decimal in invariant notation, or a recorded problem.</summary>
    public decimal? PositiveAmount(string parameter, string? text, decimal max)
    {
        if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            Add(parameter, $"'{Shorten(text)}' is not a number (use digits and a decimal point, e.g. 200 or 150.50)");
            return null;
        }
        if (value <= 0m)
        {
            Add(parameter, "must be greater than zero");
            return null;
        }
        if (value > max)
        {
            Add(parameter, string.Create(CultureInfo.InvariantCulture, $"{value} is too large to be a remittance (at most {max})"));
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
                Add(parameter, $"'{Shorten(text)}' is not true or false");
                return false;
        }
    }

    /// <summary>Keeps echoed user input short in messages.</summary>
    public static string Shorten(string? text) => text is null ? "" : text.Length <= 40 ? text : text[..40] + "…";
}
