using System.Globalization;

namespace RemitCompare.Data;

/// <summary>Decimals live in TEXT columns so SQLite never rounds them through a double; always the invariant culture.</summary>
public static class DecimalText
{
    /// <summary>Text for a TEXT column, or null.</summary>
    public static string? Format(decimal? value) => value?.ToString(CultureInfo.InvariantCulture);

    /// <summary>The decimal in a TEXT column, or null.</summary>
    public static decimal? Parse(string? value) =>
        value is null ? null : decimal.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture);
}
