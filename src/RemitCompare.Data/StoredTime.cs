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
}
