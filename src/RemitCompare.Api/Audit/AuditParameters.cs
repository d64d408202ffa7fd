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
        errors.Add("asOf", QueryReasons.MomentMalformed, QueryErrors.Shorten(text));
        return null;
    }

    /// <summary>A quarter as <c>2025Q3</c> (also <c>2025_3Q</c>), or null when absent.</summary>
    public static string? Period(this QueryErrors errors, string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (SurveyPeriod.Normalise(text) is { } period) return period;
        errors.Add("period", QueryReasons.PeriodMalformed, QueryErrors.Shorten(text));
        return null;
    }

    /// <summary>A country code in a path: three letters, upper-cased.</summary>
    public static string Country(this QueryErrors errors, string name, string text)
    {
        if (CountryCode().IsMatch(text)) return text.ToUpperInvariant();
        errors.Add(name, QueryReasons.CountryCodeMalformed, QueryErrors.Shorten(text));
        return text;
    }

    /// <summary>A comma-separated list of corridors (<c>KEN-UGA,TZA-KEN</c>), or empty when absent.</summary>
    public static IReadOnlyList<string> Corridors(this QueryErrors errors, string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return [];
        var keys = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(k => k.ToUpperInvariant()).ToList();
        foreach (var bad in keys.Where(k => !CorridorKey().IsMatch(k)))
            errors.Add("corridors", QueryReasons.CorridorMalformed, QueryErrors.Shorten(bad));
        return keys.Distinct().Order(StringComparer.Ordinal).ToList();
    }

    [GeneratedRegex("^[A-Za-z]{3}$")]
    private static partial Regex CountryCode();

    [GeneratedRegex("^[A-Z]{3}-[A-Z]{3}$")]
    private static partial Regex CorridorKey();
}
