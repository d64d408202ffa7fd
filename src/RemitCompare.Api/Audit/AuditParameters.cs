using System.Globalization;
using System.Text.RegularExpressions;
using RemitCompare.Api.Features;
using RemitCompare.Domain.Indicators;

namespace RemitCompare.Api.Audit;

/// <summary>Reads the audit endpoints' parameters (asOf, period, corridors), recording what is wrong in the problem.</summary>
public static partial class AuditParameters
{
    /// <summary>A moment (<c>2025-09-30</c> or <c>2025-09-30T12:00:00Z</c>, UTC unless an offset is given), or null when absent.</summary>
    public static DateTimeOffset? AsOf(this QueryErrors errors, string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var moment)) return moment.ToUniversalTime();
        errors.Add("asOf", $"'{QueryErrors.Shorten(text)}' is not a date or moment (use 2025-09-30 or 2025-09-30T12:00:00Z)");
        return null;
    }

    /// <summary>A quarter as <c>2025Q3</c> (also <c>2025_3Q</c>), or null when absent.</summary>
    public static string? Period(this QueryErrors errors, string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (SurveyPeriod.Normalise(text) is { } period) return period;
        errors.Add("period", $"'{QueryErrors.Shorten(text)}' is not a quarter (use 2025Q3)");
        return null;
    }

    /// <summary>A country code in a path: three letters, upper-cased.</summary>
    public static string Country(this QueryErrors errors, string name, string text)
    {
        if (CountryCode().IsMatch(text)) return text.ToUpperInvariant();
        errors.Add(name, $"'{QueryErrors.Shorten(text)}' is not a country code (three letters, e.g. KEN)");
        return text;
    }

    /// <summary>A comma-separated list of corridors (<c>KEN-UGA,TZA-KEN</c>), or empty when absent.</summary>
    public static IReadOnlyList<string> Corridors(this QueryErrors errors, string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return [];
        var keys = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(k => k.ToUpperInvariant()).ToList();
        foreach (var bad in keys.Where(k => !CorridorKey().IsMatch(k)))
            errors.Add("corridors", $"'{QueryErrors.Shorten(bad)}' is not a corridor (use FROM-TO, e.g. KEN-UGA)");
        return keys.Distinct().Order(StringComparer.Ordinal).ToList();
    }

    [GeneratedRegex("^[A-Za-z]{3}$")]
    private static partial Regex CountryCode();

    [GeneratedRegex("^[A-Z]{3}-[A-Z]{3}$")]
    private static partial Regex CorridorKey();
}
