using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Net.Http.Headers;
using RemitCompare.Api.Json;

namespace RemitCompare.Api.Features;

/// <summary>
/// A comparison answer as UTF-8 JSON bytes with its entity tag: written as is (200), or as 304 Not Modified when
/// the client already holds these bytes (<c>If-None-Match</c>).
/// </summary>
/// <param name="Body">The serialized <see cref="CompareResponse"/>.</param>
/// <param name="ETag">Quoted strong entity tag of the body.</param>
/// <param name="ValidUntil">First moment the answer may no longer hold.</param>
public sealed record CompareAnswer(byte[] Body, string ETag, DateTimeOffset ValidUntil) : IResult, IEndpointMetadataProvider
{
    private const string JsonUtf8 = "application/json; charset=utf-8";

    /// <inheritdoc />
    public Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.Headers.ETag = ETag;
        if (Matches(httpContext.Request.Headers.IfNoneMatch))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = JsonUtf8;
        response.ContentLength = Body.Length;
        return response.Body.WriteAsync(Body).AsTask();
    }

    /// <summary>True when an <c>If-None-Match</c> header names this answer's tag (weak comparison, as RFC 9110 asks) or is <c>*</c>.</summary>
    public bool Matches(Microsoft.Extensions.Primitives.StringValues ifNoneMatch)
    {
        if (ifNoneMatch.Count == 0) return false;
        if (!EntityTagHeaderValue.TryParseList(ifNoneMatch, out var tags)) return false;
        var mine = EntityTagHeaderValue.Parse(ETag);
        foreach (var tag in tags)
        {
            if (tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(mine, useStrongComparison: false)) return true;
        }
        return false;
    }

    /// <inheritdoc />
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(CompareResponse), ["application/json"]));
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status304NotModified, typeof(void)));
    }
}
