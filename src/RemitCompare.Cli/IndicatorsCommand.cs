using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using RemitCompare.Data;
using RemitCompare.Data.Flows;
using RemitCompare.Data.Indicators;
using RemitCompare.Domain.Indicators;
using RemitCompare.Ingestion;

namespace RemitCompare.Cli;

/// <summary><c>remitcompare indicators --period 2025Q3 [--format table|csv|json] [--as-of moment]</c>: the RPW indicators of a period.</summary>
public static class IndicatorsCommand
{
    /// <summary>The command.</summary>
    public static Command Build(Option<string?> db, TextWriter output, TextWriter errors)
    {
        var period = new Option<string?>("--period") { Description = "Quarter, e.g. 2025Q3 (default: the latest held)" };
        var format = new Option<string>("--format") { Description = "table, csv or json", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "csv", "json");
        var asOf = new Option<string?>("--as-of") { Description = "Only data ingested by this moment (2025-09-30 or 2025-09-30T12:00:00Z)" };
        var command = new Command("indicators", "World Bank RPW indicators of a period: corridor averages, SmaRT, global and weighted averages")
        {
            period, format, asOf,
        };
        command.SetAction(parse =>
        {
            var quarter = parse.GetValue(period) is { } text ? SurveyPeriod.Normalise(text) ?? "" : null;
            DateTimeOffset? moment = null;
            if (parse.GetValue(asOf) is { } at)
            {
                if (!DateTimeOffset.TryParse(at, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
                    return Fail(errors, $"--as-of '{at}' is not a date or moment (use 2025-09-30)", 2);
                moment = parsed;
            }
            if (quarter == "") return Fail(errors, $"--period '{parse.GetValue(period)}' is not a quarter (use 2025Q3)", 2);
            var store = CliApp.OpenStore(parse.GetValue(db));
            DefaultDataSet.EnsureLoaded(store, TimeProvider.System, ingestSamples: false);
            var rows = new SurveyRowStore(store);
            var periods = rows.Periods(moment);
            quarter ??= periods.Count > 0 ? periods[^1] : null;
            var observations = quarter is null ? [] : rows.Observations(new SurveyQuery(quarter, AsOf: moment));
            if (observations.Count == 0) return Fail(errors, quarter is null ? "no survey rows are held" : $"no survey rows are held for {quarter}", 1);
            var corridors = RpwMethodology.Corridors(observations);
            var global = RpwMethodology.Global(quarter!, observations, new FlowStore(store).Weights(FlowStore.Cutoff(moment)));
            output.Write(parse.GetValue(format) switch
            {
                "csv" => Csv(corridors),
                "json" => Json(corridors, global),
                _ => Table(corridors, global),
            });
            return 0;
        });
        return command;
    }

    private static int Fail(TextWriter errors, string message, int code)
    {
        errors.WriteLine("error: " + message);
        return code;
    }

    private static string Pct(decimal? value) => value is { } v ? Math.Round(v, 4).ToString("0.0000", CultureInfo.InvariantCulture) : "";

    private static string Csv(IReadOnlyList<CorridorIndicator> corridors)
    {
        var csv = new StringBuilder("from,to,period,services,transparentServices,cc1AvgTotalCostPct,cc2AvgTotalCostPct,smartPct\n");
        foreach (var c in corridors)
            csv.Append(CultureInfo.InvariantCulture, $"{c.From},{c.To},{c.Period},{c.Services},{c.TransparentServices},{Pct(c.Cc1AvgTotalCostPct)},{Pct(c.Cc2AvgTotalCostPct)},{Pct(c.SmartPct)}\n");
        return csv.ToString();
    }

    private static string Table(IReadOnlyList<CorridorIndicator> corridors, GlobalIndicators g)
    {
        var table = new StringBuilder();
        table.Append(CultureInfo.InvariantCulture, $"{"corridor",-9} {"period",-7} {"services",8} {"transp.",8} {"cc1 avg %",10} {"cc2 avg %",10} {"SmaRT %",10}\n");
        foreach (var c in corridors)
            table.Append(CultureInfo.InvariantCulture, $"{c.Corridor,-9} {c.Period,-7} {c.Services,8} {c.TransparentServices,8} {Pct(c.Cc1AvgTotalCostPct),10} {Pct(c.Cc2AvgTotalCostPct),10} {Pct(c.SmartPct),10}\n");
        table.Append(CultureInfo.InvariantCulture, $"global average {Pct(g.GlobalAveragePct)} %, weighted {Pct(g.GlobalWeightedAveragePct)} % ({g.WeightedCorridors} corridors with flows), SmaRT {Pct(g.SmartAveragePct)} %\n");
        table.Append(CultureInfo.InvariantCulture, $"SDG 10.c: global average below 3 %: {(g.Sdg10c.GlobalAverageMet is true ? "yes" : "no")}; corridors with SmaRT above 5 %: {(g.Sdg10c.CorridorsAboveCeiling.Count == 0 ? "none" : string.Join(", ", g.Sdg10c.CorridorsAboveCeiling))}\n");
        return table.ToString();
    }

    private static string Json(IReadOnlyList<CorridorIndicator> corridors, GlobalIndicators g)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("period", g.Period);
            Number(json, "globalAveragePct", g.GlobalAveragePct);
            Number(json, "globalWeightedAveragePct", g.GlobalWeightedAveragePct);
            Number(json, "smartAveragePct", g.SmartAveragePct);
            json.WriteStartArray("corridors");
            foreach (var c in corridors)
            {
                json.WriteStartObject();
                json.WriteString("from", c.From);
                json.WriteString("to", c.To);
                json.WriteString("period", c.Period);
                json.WriteNumber("services", c.Services);
                json.WriteNumber("transparentServices", c.TransparentServices);
                Number(json, "cc1AvgTotalCostPct", c.Cc1AvgTotalCostPct);
                Number(json, "cc2AvgTotalCostPct", c.Cc2AvgTotalCostPct);
                Number(json, "smartPct", c.SmartPct);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static void Number(Utf8JsonWriter json, string name, decimal? value)
    {
        if (value is { } v) json.WriteNumber(name, Math.Round(v, 4));
        else json.WriteNull(name);
    }
}
