using System.Globalization;

namespace RemitCompare.Data;

/// <summary>Moments live in TEXT columns as ISO 8601 in UTC; one way to write and read them.</summary>
public static class StoredTime
{
    /// <summary>The column text of a moment: round-trip ISO 8601, UTC.</summary>
    public static string Format(DateTimeOffset moment) => moment.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    /// <summary>The moment in a column's text (UTC when the text has no offset).</summary>
    public static DateTimeOffset Parse(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    /// <summary>The moment in a nullable column's text, or null.</summary>
    public static DateTimeOffset? ParseOrNull(string? text) => text is null ? null : Parse(text);

    /// <summary>
    /// A calendar day written <c>yyyy-MM-dd</c>, read digit by digit (format-driven parsing was a tenth of reading a
    /// survey file and of loading the rate history); false for any other text or an impossible day.
    /// </summary>
    public static bool TryParseDay(ReadOnlySpan<char> text, out DateOnly day)
    {
        day = default;
        if (text.Length != 10 || text[4] != '-' || text[7] != '-'
            || !int.TryParse(text[..4], NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(text[5..7], NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            || !int.TryParse(text[8..], NumberStyles.None, CultureInfo.InvariantCulture, out var dayOfMonth)
            || year < 1 || month is < 1 or > 12 || dayOfMonth < 1 || dayOfMonth > DateTime.DaysInMonth(year, month))
            return false;
        day = new DateOnly(year, month, dayOfMonth);
        return true;
    }
}
