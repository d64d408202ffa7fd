using System.Text.Json.Serialization;

namespace RemitCompare.Api.Json;

/// <summary>An amount of money as shown: rounded half-to-even to the currency's minor units.</summary>
public sealed record MoneyDto(decimal Amount, string Currency);

/// <summary>A corridor in the list.</summary>
public sealed record CorridorDto(
    string From, string To, string FromName, string ToName, string? DestinationCurrency,
    IReadOnlyList<string> SendCurrencies, IReadOnlyList<string> PayoutCurrencies,
    int Services, int TransparentServices, DateTimeOffset? LastCollected);

/// <summary>GET /v1/corridors.</summary>
public sealed record CorridorListDto(DateTimeOffset? AsOf, IReadOnlyList<CorridorDto> Corridors);

/// <summary>The corridor a comparison is for.</summary>
public sealed record CompareCorridorDto(string From, string To, string SendCurrency, string ReceiveCurrency, string? DestinationCurrency);

/// <summary>The request, echoed.</summary>
public sealed record CompareRequestDto(string Mode, MoneyDto Amount, string? Payout, string? Funding, string? MaxSpeed, bool IncludeStale);

/// <summary>A mid-market rate and where it came from.</summary>
public sealed record MidMarketDto(decimal Rate, string Source, DateOnly At);

/// <summary>Where an offer's price came from.</summary>
public sealed record SourceDto(string Kind, string Name, long Batch);

/// <summary>One ranked offer; in receive mode a service that hides its rate has its send amount, fee and what the sender pays null.</summary>
public sealed record OfferDto(
    int Rank, long ServiceId, long ProviderId, string Provider, string FirmType, string FundingMethod, string PayoutMethod,
    string? Speed, bool Transparent, bool Promotion, MoneyDto? SendAmount, MoneyDto? Fee, MoneyDto? SenderPays,
    decimal? Rate, decimal? MidMarketRate, MidMarketDto? MidMarket, decimal? FeePct, decimal? FxMarginPct, MoneyDto ReceiveFee,
    decimal? TotalCostPct, MoneyDto? TotalCost, MoneyDto? RecipientGets, DateTimeOffset CollectedAt, string? Period,
    SourceDto Source, IReadOnlyList<string> Flags);

/// <summary>Services not in the offers, and why.</summary>
public sealed record ExcludedDto(int Stale, int OutOfRange, int Filtered);

/// <summary>GET /v1/compare.</summary>
public sealed record CompareResponse(CompareCorridorDto Corridor, CompareRequestDto Request, DateTimeOffset? AsOf, IReadOnlyList<OfferDto> Offers, ExcludedDto Excluded);

/// <summary>A provider's transparency record.</summary>
public sealed record TransparencyDto(int Observations, int UndisclosedRate, int Promotions, decimal TransparentPct, DateTimeOffset? FirstCollected, DateTimeOffset? LastCollected);

/// <summary>A provider in the list.</summary>
public sealed record ProviderSummaryDto(long Id, string Name, string FirmType, int Services, IReadOnlyList<string> Corridors, TransparencyDto Transparency);

/// <summary>GET /v1/providers.</summary>
public sealed record ProviderListDto(DateTimeOffset? AsOf, IReadOnlyList<ProviderSummaryDto> Providers);

/// <summary>One service of a provider.</summary>
public sealed record ProviderServiceDto(
    long ServiceId, string From, string To, string FundingMethod, string PayoutMethod, string SendCurrency, string PayoutCurrency,
    string? Speed, bool Transparent, bool Stale, DateTimeOffset CollectedAt, string? Period);

/// <summary>GET /v1/providers/{id}.</summary>
public sealed record ProviderDetailDto(long Id, string Name, string FirmType, TransparencyDto Transparency, IReadOnlyList<string> Corridors, IReadOnlyList<ProviderServiceDto> Services);

/// <summary>GET /v1/rates/{base}/{quote}.</summary>
public sealed record RateDto(string Base, string Quote, decimal Rate, string Source, DateOnly Date, DateOnly RequestedAt);

/// <summary>GET /healthz.</summary>
/// <param name="Status"><c>ok</c>, or <c>degraded</c> when no prices are held, a live source is not fresh, or the last upload could not be written.</param>
/// <param name="SnapshotVersion">Version of the snapshot served.</param>
/// <param name="AsOf">Last ingestion the snapshot holds.</param>
/// <param name="Corridors">Corridors served.</param>
/// <param name="Quotes">Quotes served.</param>
/// <param name="Sources">Each configured live source and how it is doing.</param>
/// <param name="IngestionError">Why the last upload could not be written, while that is so.</param>
/// <param name="IngestionLeader">Whether this node runs the live sources' fetch cycles now (holds the ingestion lease).</param>
public sealed record HealthDto(
    string Status, long SnapshotVersion, DateTimeOffset? AsOf, int Corridors, int Quotes, IReadOnlyList<SourceStatusDto> Sources, string? IngestionError,
    bool IngestionLeader);

/// <summary>One reason a parameter is refused, in a 400 problem's <c>reasons</c>.</summary>
/// <param name="Parameter">The parameter, as in <c>errors</c>.</param>
/// <param name="Code">Stable code of the reason (<c>amount.not_positive</c>).</param>
/// <param name="Values">The values the reason is about (what was sent, codes, limits), as invariant text.</param>
public sealed record QueryReasonDto(string Parameter, string Code, IReadOnlyList<string> Values);

/// <summary>The one JSON options instance of the API: source-generated, camelCase, nulls written.</summary>
[JsonSourceGenerationOptions(System.Text.Json.JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(CorridorListDto))]
[JsonSerializable(typeof(CompareResponse))]
[JsonSerializable(typeof(ProviderListDto))]
[JsonSerializable(typeof(ProviderDetailDto))]
[JsonSerializable(typeof(RateDto))]
[JsonSerializable(typeof(HealthDto))]
[JsonSerializable(typeof(CorridorIndicatorListDto))]
[JsonSerializable(typeof(CorridorSeriesDto))]
[JsonSerializable(typeof(GlobalIndicatorsDto))]
[JsonSerializable(typeof(BatchDto))]
[JsonSerializable(typeof(TransparencyReportDto))]
[JsonSerializable(typeof(ExportDto))]
[JsonSerializable(typeof(SourceListDto))]
[JsonSerializable(typeof(SurveyUploadDto))]
[JsonSerializable(typeof(Microsoft.AspNetCore.Mvc.ProblemDetails))]
[JsonSerializable(typeof(Microsoft.AspNetCore.Http.HttpValidationProblemDetails))]
[JsonSerializable(typeof(QueryReasonDto[]))]
public sealed partial class ApiJsonContext : JsonSerializerContext;
