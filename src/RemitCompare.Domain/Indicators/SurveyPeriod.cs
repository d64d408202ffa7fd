using System.Text.RegularExpressions;

namespace RemitCompare.Domain.Indicators;

/// <summary>Survey periods are quarters, written <c>2025Q3</c>; sources also write <c>2025_3Q</c> and <c>Q3 2025</c>.</summary>
public static partial class SurveyPeriod
{
    /// <summary><c>2025_3Q</c>, <c>2025Q3</c>, <c>Q3 2025</c> → <c>2025Q3</c>; null when the text is not a quarter.</summary>
    public static string? Normalise(string text)
    {
        var match = Pattern().Match(text.Trim().ToUpperInvariant());
        if (!match.Success) return null;
        var year = match.Groups["y1"].Success ? match.Groups["y1"].Value : match.Groups["y2"].Value;
        var quarter = match.Groups["q1"].Success ? match.Groups["q1"].Value : match.Groups["q2"].Success ? match.Groups["q2"].Value : match.Groups["q3"].Value;
        return $"{year}Q{quarter}";
    }

    [GeneratedRegex(@"^(?:(?<y1>\d{4})[_ \-]?(?:(?<q1>[1-4])Q|Q(?<q2>[1-4]))|Q(?<q3>[1-4])[_ \-]?(?<y2>\d{4}))$")]
    private static partial Regex Pattern();
}
