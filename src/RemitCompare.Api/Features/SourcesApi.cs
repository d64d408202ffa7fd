using Microsoft.AspNetCore.Http.HttpResults;
using RemitCompare.Api.Json;
using RemitCompare.Ingestion.Feeds;

namespace RemitCompare.Api.Features;

/// <summary>GET /v1/sources: each configured live source's state.</summary>
public static class SourcesApi
{
    /// <summary>Maps the endpoint.</summary>
    public static IEndpointRouteBuilder MapSources(this IEndpointRouteBuilder v1)
    {
        v1.MapGet("/sources", Get).WithName("ListSources");
        return v1;
    }

    internal static Ok<SourceListDto> Get(FeedScheduler feeds) =>
        TypedResults.Ok(new SourceListDto(feeds.Status().Select(SourceStatusDto.From).ToList()));
}
