namespace RemitCompare.Api.Json;

/// <summary>A corridor's RPW indicators for one period; percentages to 4 decimals.</summary>
public sealed record CorridorIndicatorDto(
    string From, string To, string Period, int Services, int TransparentServices,
    decimal? Cc1AvgTotalCostPct, decimal? Cc2AvgTotalCostPct, decimal? SmartPct, IReadOnlyList<long> Batches);

/// <summary>GET /v1/indicators/corridors.</summary>
public sealed record CorridorIndicatorListDto(string Period, DateTimeOffset? AsOf, IReadOnlyList<string> Periods, IReadOnlyList<CorridorIndicatorDto> Corridors);

/// <summary>GET /v1/indicators/corridors/{from}-{to}.</summary>
public sealed record CorridorSeriesDto(string From, string To, DateTimeOffset? AsOf, IReadOnlyList<CorridorIndicatorDto> Series);

/// <summary>SDG 10.c status of a period.</summary>
public sealed record Sdg10cDto(decimal TargetPct, decimal CorridorCeilingPct, bool? GlobalAverageMet, IReadOnlyList<string> CorridorsAboveCeiling);

/// <summary>Mean cc1 total cost % of one group of transparent services.</summary>
public sealed record BreakdownDto(string Dimension, string Value, int Services, decimal AvgTotalCostPct);

/// <summary>GET /v1/indicators/global.</summary>
public sealed record GlobalIndicatorsDto(
    string Period, DateTimeOffset? AsOf, int Corridors, int Services, int TransparentServices, decimal? GlobalAveragePct,
    decimal? GlobalAverageCc2Pct, decimal? GlobalWeightedAveragePct, int WeightedCorridors, decimal? SmartAveragePct,
    Sdg10cDto Sdg10c, IReadOnlyList<BreakdownDto> Breakdowns);

/// <summary>A row a batch refused.</summary>
public sealed record QuarantinedRowDto(long RowNumber, string? Field, string Reason, string Raw);

/// <summary>GET /v1/batches/{id}: one ingestion batch, its payload's identity, what it covered and refused.</summary>
public sealed record BatchDto(
    long Id, string Source, string Kind, string? FileName, string PayloadSha256, long PayloadBytes, DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt, long RowsRead, long RowsAccepted, long RowsQuarantined, IReadOnlyList<string> Periods,
    IReadOnlyList<string> Corridors, IReadOnlyList<QuarantinedRowDto> Quarantine);

/// <summary>One provider in one corridor: shares of its services (in %) showing each practice.</summary>
public sealed record ProviderCorridorTransparencyDto(
    long ProviderId, string Provider, string FirmType, string From, string To, int Services, decimal UndisclosedRatePct,
    decimal ZeroFeeWithMarginPct, decimal ReceiveFeePct, decimal PromotionPct, decimal StalePct);

/// <summary>One criterion for national price databases, met or not.</summary>
public sealed record CriterionDto(string Id, string Criterion, bool Met, string Evidence);

/// <summary>GET /v1/audit/transparency.</summary>
public sealed record TransparencyReportDto(DateTimeOffset? AsOf, IReadOnlyList<ProviderCorridorTransparencyDto> Providers, IReadOnlyList<CriterionDto> Criteria);

/// <summary>One surveyed amount of an exported row.</summary>
public sealed record ExportPointDto(decimal? Amount, decimal? Fee, decimal? Rate, decimal? FxMarginPct, decimal? TotalCostPct);

/// <summary>One exported survey row.</summary>
public sealed record ExportRowDto(
    long Id, long Batch, string Period, string From, string To, string Provider, string FirmType, string FundingMethod,
    string PayoutMethod, string? Speed, string SendCurrency, string PayoutCurrency, bool Transparent, ExportPointDto Cc1,
    ExportPointDto Cc2, decimal? InterbankRate, DateTimeOffset CollectedAt, DateTimeOffset IngestedAt);

/// <summary>GET /v1/exports/rpw.json.</summary>
public sealed record ExportDto(string? Period, IReadOnlyList<string> Corridors, DateTimeOffset? AsOf, IReadOnlyList<ExportRowDto> Rows);
