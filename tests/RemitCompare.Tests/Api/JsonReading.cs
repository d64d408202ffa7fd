using System.Text.Json;

namespace RemitCompare.Tests.Api;

/// <summary>An amount of money as the API shows it.</summary>
public readonly record struct ShownMoney(decimal Amount, string Currency);

/// <summary>Reads the fields of API answers.</summary>
public static class JsonReading
{
    /// <summary>ISO 4217 minor units of the currencies of the default data.</summary>
    public static readonly IReadOnlyDictionary<string, int> MinorUnits = new Dictionary<string, int>
    {
        ["KES"] = 2, ["UGX"] = 0, ["TZS"] = 2, ["RWF"] = 0, ["SSP"] = 2, ["USD"] = 2,
    };

    /// <summary>A string field.</summary>
    public static string Str(this JsonElement e, string name) => e.GetProperty(name).GetString()!;

    /// <summary>A string field that may be null.</summary>
    public static string? StrOrNull(this JsonElement e, string name) => e.GetProperty(name).GetString();

    /// <summary>A number field.</summary>
    public static decimal Dec(this JsonElement e, string name) => e.GetProperty(name).GetDecimal();

    /// <summary>An integer field.</summary>
    public static long Whole(this JsonElement e, string name) => e.GetProperty(name).GetInt64();

    /// <summary>A boolean field.</summary>
    public static bool Bool(this JsonElement e, string name) => e.GetProperty(name).GetBoolean();

    /// <summary>The elements of an array field.</summary>
    public static List<JsonElement> Items(this JsonElement e, string name) => e.GetProperty(name).EnumerateArray().ToList();

    /// <summary>The strings of an array field.</summary>
    public static List<string> Strings(this JsonElement e, string name) => e.GetProperty(name).EnumerateArray().Select(x => x.GetString()!).ToList();

    /// <summary>A money field.</summary>
    public static ShownMoney Money(this JsonElement e, string name)
    {
        var m = e.GetProperty(name);
        return new ShownMoney(m.Dec("amount"), m.Str("currency"));
    }

    /// <summary>The names of an object's properties, in order.</summary>
    public static List<string> Names(this JsonElement e) => e.EnumerateObject().Select(p => p.Name).ToList();

    /// <summary>True when the amount has no more decimals than its currency.</summary>
    public static bool IsInMinorUnits(this ShownMoney money) =>
        decimal.Round(money.Amount, MinorUnits[money.Currency]) == money.Amount;
}
