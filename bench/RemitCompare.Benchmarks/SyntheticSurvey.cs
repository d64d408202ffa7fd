using System.Globalization;
using System.Text;

namespace RemitCompare.Benchmarks;

/// <summary>
/// A survey file in the RPW 30-column layout with the shape of the global survey: 19 sending and 20 receiving
/// countries (about 370 corridors), a number of services per corridor, over a number of quarters. Rates sit near
/// real 2024 levels so that currency inference reads every row as the destination's currency.
/// </summary>
public static class SyntheticSurvey
{
    private const string Header = "PERIOD,SOURCE_CODE,SOURCE_NAME,DESTINATION_CODE,DESTINATION_NAME,FIRM,FIRM_TYPE,PAYMENT INSTRUMENT,"
        + "SPEED ACTUAL,CC1 LCU AMOUNT,CC1 DENOMINATION AMOUNT,CC1 LCU CODE,CC1 LCU FEE,CC1 LCU FX RATE,CC1 FX MARGIN,CC1 TOTAL COST %,"
        + "CC2 LCU AMOUNT,CC2 DENOMINATION AMOUNT,CC2 LCU CODE,CC2 LCU FEE,CC2 LCU FX RATE,CC2 FX MARGIN,CC2 TOTAL COST %,"
        + "INTER LCU BANK FX,TRANSPARENT,NOTE1,NOTE2,PICK-UP METHOD,DATE,CORRIDOR";

    // (ISO 3166 alpha-3, name, ISO 4217, units per US dollar)
    private static readonly (string Code, string Name, string Currency, decimal PerUsd)[] Senders =
    [
        ("USA", "United States", "USD", 1m), ("GBR", "United Kingdom", "GBP", 0.79m), ("DEU", "Germany", "EUR", 0.92m),
        ("FRA", "France", "EUR", 0.92m), ("ITA", "Italy", "EUR", 0.92m), ("ESP", "Spain", "EUR", 0.92m),
        ("CAN", "Canada", "CAD", 1.36m), ("AUS", "Australia", "AUD", 1.52m), ("JPN", "Japan", "JPY", 150m),
        ("KOR", "Korea", "KRW", 1330m), ("SAU", "Saudi Arabia", "SAR", 3.75m), ("ARE", "United Arab Emirates", "AED", 3.67m),
        ("QAT", "Qatar", "QAR", 3.64m), ("KWT", "Kuwait", "KWD", 0.307m), ("SGP", "Singapore", "SGD", 1.34m),
        ("CHE", "Switzerland", "CHF", 0.88m), ("SWE", "Sweden", "SEK", 10.5m), ("NOR", "Norway", "NOK", 10.7m),
        ("ZAF", "South Africa", "ZAR", 18.5m),
    ];

    private static readonly (string Code, string Name, string Currency, decimal PerUsd)[] Receivers =
    [
        ("KEN", "Kenya", "KES", 129m), ("UGA", "Uganda", "UGX", 3700m), ("TZA", "Tanzania", "TZS", 2550m),
        ("IND", "India", "INR", 83.3m), ("PAK", "Pakistan", "PKR", 279m), ("PHL", "Philippines", "PHP", 56.2m),
        ("NGA", "Nigeria", "NGN", 1480m), ("BGD", "Bangladesh", "BDT", 110m), ("NPL", "Nepal", "NPR", 133m),
        ("MEX", "Mexico", "MXN", 17.1m), ("GTM", "Guatemala", "GTQ", 7.8m), ("HND", "Honduras", "HNL", 24.7m),
        ("EGY", "Egypt", "EGP", 48.5m), ("MAR", "Morocco", "MAD", 10.1m), ("LKA", "Sri Lanka", "LKR", 300m),
        ("VNM", "Viet Nam", "VND", 24500m), ("IDN", "Indonesia", "IDR", 15600m), ("GHA", "Ghana", "GHS", 12.5m),
        ("SEN", "Senegal", "XOF", 605m), ("ZMB", "Zambia", "ZMW", 25.5m),
    ];

    private static readonly string[] FirmTypes = ["Money Transfer Operator", "Bank", "Mobile Operator", "Post office", "Non-Bank FI"];
    private static readonly string[] Speeds = ["Less than one hour", "Same day", "Next day", "2 days", "3-5 days"];
    private static readonly string[] Pickups = ["Cash", "Bank account", "Mobile wallet"];

    /// <summary>Corridors the file covers.</summary>
    public static int Corridors => Senders.Length * Receivers.Length - Senders.Count(s => Receivers.Any(r => r.Code == s.Code));

    /// <summary>Writes the file: <paramref name="services"/> per corridor for each of <paramref name="quarters"/> quarters ending 2025_3Q.</summary>
    public static void Write(TextWriter writer, int services, int quarters)
    {
        writer.Write(Header);
        writer.Write('\n');
        var row = new StringBuilder(320);
        for (var q = quarters - 1; q >= 0; q--)
        {
            var (year, quarter) = Quarter(q);
            foreach (var from in Senders)
            {
                foreach (var to in Receivers)
                {
                    if (from.Code == to.Code) continue;
                    for (var s = 0; s < services; s++) writer.Write(Row(row, from, to, s, year, quarter));
                }
            }
        }
    }

    /// <summary>The file as bytes.</summary>
    public static byte[] Bytes(int services, int quarters)
    {
        using var memory = new MemoryStream();
        using (var writer = new StreamWriter(memory, new UTF8Encoding(false), 1 << 16)) Write(writer, services, quarters);
        return memory.ToArray();
    }

    private static (int Year, int Quarter) Quarter(int quartersBack)
    {
        var index = 2025 * 4 + 2 - quartersBack; // 2025_3Q is index 2025*4+2
        return (index / 4, index % 4 + 1);
    }

    private static string Row(
        StringBuilder row, (string Code, string Name, string Currency, decimal PerUsd) from,
        (string Code, string Name, string Currency, decimal PerUsd) to, int service, int year, int quarter)
    {
        var inv = CultureInfo.InvariantCulture;
        var seed = from.Code[0] * 31 + from.Code[1] * 7 + to.Code[0] * 13 + to.Code[2];
        var spread = (seed + service * 37 + year * 3 + quarter) % 50; // 0..49
        var interbank = Significant(to.PerUsd / from.PerUsd);
        var rate = Significant(interbank * (1m - spread / 1000m));
        var margin = Math.Round((1m - rate / interbank) * 100m, 2);
        var cc1 = Math.Round(200m * from.PerUsd, from.PerUsd < 1m ? 2 : 0);
        var cc2 = Math.Round(500m * from.PerUsd, from.PerUsd < 1m ? 2 : 0);
        var fee1 = Math.Round(cc1 * (service % 7) / 100m, 2);
        var fee2 = Math.Round(fee1 * (1m + service % 3 / 2m), 2);
        var total1 = Math.Round(fee1 / cc1 * 100m + margin, 2);
        var total2 = Math.Round(fee2 / cc2 * 100m + margin, 2);
        var month = (quarter - 1) * 3 + 2;
        row.Clear()
            .Append(inv, $"{year}_{quarter}Q,{from.Code},{from.Name},{to.Code},{to.Name},Remit {service:D2},{FirmTypes[service % FirmTypes.Length]},")
            .Append(inv, $"Cash,{Speeds[service % Speeds.Length]},{cc1},200,{from.Currency},{fee1},{rate},{margin},{total1},")
            .Append(inv, $"{cc2},500,{from.Currency},{fee2},{rate},{margin},{total2},{interbank},yes,,,{Pickups[service % Pickups.Length]},")
            .Append(inv, $"{year}-{month:D2}-15,{from.Code}{to.Code}\n");
        return row.ToString();
    }

    private static decimal Significant(decimal value)
    {
        var digits = (int)Math.Floor(Math.Log10((double)value)) + 1;
        return Math.Round(value, Math.Clamp(6 - digits, 0, 20));
    }
}
