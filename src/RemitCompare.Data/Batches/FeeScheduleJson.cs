using System.Text.Json;
using System.Text.Json.Serialization;
using RemitCompare.Domain.Fees;

namespace RemitCompare.Data.Batches;

/// <summary>Fee schedules are stored as a small JSON document: bands with fixed and percent parts, and caps.</summary>
public static class FeeScheduleJson
{
    /// <summary>The JSON text of a schedule.</summary>
    public static string Write(FeeSchedule schedule) =>
        JsonSerializer.Serialize(
            new StoredSchedule(schedule.Bands.Select(b => new StoredBand(b.From, b.UpTo, b.Fixed, b.Percent)).ToArray(), schedule.Minimum, schedule.Maximum),
            StoredScheduleContext.Default.StoredSchedule);

    /// <summary>The schedule in a JSON text.</summary>
    public static FeeSchedule Read(string json)
    {
        var stored = JsonSerializer.Deserialize(json, StoredScheduleContext.Default.StoredSchedule)
            ?? throw new InvalidDataException("Empty fee schedule.");
        return FeeSchedule.Create(stored.Bands.Select(b => new FeeBand(b.From, b.UpTo, b.Fixed, b.Percent)), stored.Min, stored.Max);
    }
}

internal sealed record StoredBand(decimal From, decimal? UpTo, decimal Fixed, decimal Percent);

internal sealed record StoredSchedule(StoredBand[] Bands, decimal? Min, decimal? Max);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(StoredSchedule))]
internal sealed partial class StoredScheduleContext : JsonSerializerContext;
