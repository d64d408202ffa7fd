using System.Text.RegularExpressions;
using Sylvan.Data.Csv;

namespace RemitCompare.Ingestion.Rpw;

/// <summary>The fields RemitCompare reads from an RPW row, whichever layout it came in.</summary>
public enum RpwField
{
    /// <summary>period (<c>2025_3Q</c>).</summary>
    Period, SourceCode, DestinationCode, Firm, FirmType, PaymentInstrument, Speed,
    Cc1Amount, Cc1Denomination, Cc1Code, Cc1Fee, Cc1Rate, Cc1Margin, Cc1Total,
    Cc2Amount, Cc2Denomination, Cc2Code, Cc2Fee, Cc2Rate, Cc2Margin, Cc2Total,
    /// <summary>inter lcu bank fx.</summary>
    Interbank, Transparent, Note1, Note2, PickupMethod, Date, Corridor,
}

/// <summary>
/// Maps the header of either RPW layout — the World Bank's 42-column dataset (<c>cc1 lcu fee</c>, <c>pickup method</c>)
/// or the 30-column cleaned export (<c>CC1 LCU FEE</c>, <c>PICK-UP METHOD</c>) — onto <see cref="RpwField"/>s.
/// </summary>
public sealed partial class RpwLayout
{
    private static readonly Dictionary<string, RpwField> Names = new(StringComparer.Ordinal)
    {
        ["period"] = RpwField.Period,
        ["source code"] = RpwField.SourceCode,
        ["destination code"] = RpwField.DestinationCode,
        ["firm"] = RpwField.Firm,
        ["firm type"] = RpwField.FirmType,
        ["payment instrument"] = RpwField.PaymentInstrument,
        ["speed actual"] = RpwField.Speed,
        ["cc1 lcu amount"] = RpwField.Cc1Amount,
        ["cc1 denomination amount"] = RpwField.Cc1Denomination,
        ["cc1 lcu code"] = RpwField.Cc1Code,
        ["cc1 lcu fee"] = RpwField.Cc1Fee,
        ["cc1 lcu fx rate"] = RpwField.Cc1Rate,
        ["cc1 fx margin"] = RpwField.Cc1Margin,
        ["cc1 total cost %"] = RpwField.Cc1Total,
        ["cc2 lcu amount"] = RpwField.Cc2Amount,
        ["cc2 denomination amount"] = RpwField.Cc2Denomination,
        ["cc2 lcu code"] = RpwField.Cc2Code,
        ["cc2 lcu fee"] = RpwField.Cc2Fee,
        ["cc2 lcu fx rate"] = RpwField.Cc2Rate,
        ["cc2 fx margin"] = RpwField.Cc2Margin,
        ["cc2 total cost %"] = RpwField.Cc2Total,
        ["inter lcu bank fx"] = RpwField.Interbank,
        ["transparent"] = RpwField.Transparent,
        ["note1"] = RpwField.Note1,
        ["standard note"] = RpwField.Note1,
        ["note2"] = RpwField.Note2,
        ["pick up method"] = RpwField.PickupMethod,
        ["pickup method"] = RpwField.PickupMethod,
        ["date"] = RpwField.Date,
        ["corridor"] = RpwField.Corridor,
    };

    private static readonly RpwField[] Required =
    [
        RpwField.Period, RpwField.SourceCode, RpwField.DestinationCode, RpwField.Firm, RpwField.Cc1Amount, RpwField.Cc1Fee,
        RpwField.Cc1Rate, RpwField.Cc2Amount, RpwField.Cc2Fee, RpwField.Cc2Rate,
    ];

    private readonly int[] _ordinals;

    private RpwLayout(int[] ordinals, string name)
    {
        _ordinals = ordinals;
        Name = name;
    }

    /// <summary><c>worldbank-42</c> or <c>cleaned-30</c> (or <c>rpw</c> for another arrangement of the same names).</summary>
    public string Name { get; }

    /// <summary>Reads the header of an open reader; throws <see cref="IngestionException"/> naming the missing columns.</summary>
    public static RpwLayout FromHeader(CsvDataReader csv)
    {
        var ordinals = Enumerable.Repeat(-1, Enum.GetValues<RpwField>().Length).ToArray();
        for (var i = 0; i < csv.FieldCount; i++)
        {
            if (Names.TryGetValue(Normalise(csv.GetName(i)), out var field) && ordinals[(int)field] < 0) ordinals[(int)field] = i;
        }
        var missing = Required.Where(f => ordinals[(int)f] < 0).ToArray();
        if (missing.Length > 0)
            throw new IngestionException($"Not an RPW file: the header lacks {string.Join(", ", missing.Select(f => f.ToString()))}.");
        var name = csv.FieldCount >= 42 && csv.GetName(0).Trim() == "id" ? "worldbank-42" : csv.FieldCount == 30 ? "cleaned-30" : "rpw";
        return new RpwLayout(ordinals, name);
    }

    /// <summary>The column a field is read from, as the World Bank names it (<c>cc1 lcu fee</c>): quarantine names fields this way.</summary>
    public static string ColumnName(RpwField field) => Names.First(n => n.Value == field).Key;

    /// <summary>Every field's text in the current row, indexed by <see cref="RpwField"/>; empty where the layout or the row lacks it.</summary>
    public string[] Fields(CsvDataReader csv)
    {
        // One read per field and row: the parser, its messages and the row hash all look fields up here.
        var fields = new string[_ordinals.Length];
        for (var f = 0; f < fields.Length; f++)
        {
            var index = _ordinals[f];
            fields[f] = index >= 0 && index < csv.RowFieldCount ? csv.GetString(index).Trim() : "";
        }
        return fields;
    }

    private static string Normalise(string header) => Spaces().Replace(header.Trim().ToLowerInvariant().Replace('_', ' ').Replace('-', ' '), " ");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
