using System.Globalization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi.Any;
using Microsoft.OpenApi.Models;
using Microsoft.OpenApi.Readers;
using RemitCompare.Tests.Support;

namespace RemitCompare.Tests.Api;

/// <summary>openapi.yaml is the contract: the running app maps exactly its operations and answers in its schemas.</summary>
public sealed class OpenApiContractTests : ApiFixture
{
    /// <summary>A request the contract says must fail, per operation and documented status.</summary>
    private static readonly (string OperationId, int Status, string Url)[] Failures =
    [
        ("Compare", 400, "/v1/compare?from=KEN&to=UGA&amount=0"),
        ("GetProvider", 400, "/v1/providers/abc"),
        ("ListProviders", 400, "/v1/providers?asOf=whenever"),
        ("GetProvider", 404, "/v1/providers/999999"),
        ("GetRate", 400, "/v1/rates/USD/GBP?at=09-05-2025"),
        ("GetRate", 404, "/v1/rates/KES/USD?at=1999-01-04"),
        ("CompareSms", 400, "/v1/compare/sms?from=KEN&to=UGA&amount=0"),
        ("ComparePage", 400, "/compare?from=KEN&to=UGA&amount=0"),
        ("WidgetFrame", 400, "/widget/frame?from=KEN&to=UGA&amount=0"),
        ("ListCorridorIndicators", 400, "/v1/indicators/corridors?period=2025Q5"),
        ("ListCorridorIndicators", 404, "/v1/indicators/corridors?period=1999Q1"),
        ("GetCorridorIndicatorSeries", 400, "/v1/indicators/corridors/KE1-UGA"),
        ("GetCorridorIndicatorSeries", 404, "/v1/indicators/corridors/USA-MEX"),
        ("GetGlobalIndicators", 400, "/v1/indicators/global?asOf=yesterday"),
        ("GetGlobalIndicators", 404, "/v1/indicators/global?period=1999Q1"),
        ("GetBatch", 400, "/v1/batches/abc"),
        ("GetBatch", 404, "/v1/batches/999999"),
        ("GetTransparencyReport", 400, "/v1/audit/transparency?asOf=soon"),
        ("ExportRpwCsv", 400, "/v1/exports/rpw.csv?corridors=KENUGA"),
        ("ExportRpwJson", 400, "/v1/exports/rpw.json?period=2025Q9"),
        ("GetCorridorChart", 400, "/v1/charts/corridors/K-UGA.svg"),
        ("GetCorridorChart", 404, "/v1/charts/corridors/USA-MEX.svg"),
        ("GetGlobalChart", 400, "/v1/charts/global.svg?asOf=never"),
        ("GetGlobalChart", 404, "/v1/charts/global.svg?asOf=2000-01-01"),
    ];

    private static readonly Lazy<(OpenApiDocument Document, OpenApiDiagnostic Diagnostic)> Contract = new(() =>
    {
        var text = File.ReadAllText(Path.Combine(RepoFiles.Root, "openapi.yaml"));
        var document = new OpenApiStringReader().Read(text, out var diagnostic);
        return (document, diagnostic);
    });

    internal static OpenApiDocument Document => Contract.Value.Document;

    [Test]
    public void The_contract_reads_as_OpenAPI_3_0_without_errors()
    {
        var diagnostic = Contract.Value.Diagnostic;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(diagnostic.Errors.Select(e => $"{e.Pointer}: {e.Message}"), Is.Empty);
            Assert.That(diagnostic.Warnings.Select(e => $"{e.Pointer}: {e.Message}"), Is.Empty);
            Assert.That(diagnostic.SpecificationVersion, Is.EqualTo(Microsoft.OpenApi.OpenApiSpecVersion.OpenApi3_0));
            Assert.That(Document.Info.License?.Name, Is.Not.Null.And.Not.Empty);
            Assert.That(Document.Servers.Select(s => s.Url), Is.EqualTo(new[] { "/" }));
        }
    }

    [Test]
    public void The_contract_documents_exactly_the_endpoints_the_app_maps()
    {
        _ = Client; // the host is built by now, so its endpoints are known
        var mapped = Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["*"])
                .Select(method => $"{method.ToUpperInvariant()} {NormalisedPath(e.RoutePattern.RawText ?? "")}"))
            .Order(StringComparer.Ordinal)
            .ToList();
        var documented = Document.Paths
            .SelectMany(p => p.Value.Operations.Keys.Select(method => $"{method.ToString().ToUpperInvariant()} {NormalisedPath(p.Key)}"))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.That(documented, Is.EqualTo(mapped));
    }

    [Test]
    public void The_contract_documents_the_fields_and_nullability_of_every_type_the_app_writes()
    {
        _ = Client;
        var written = Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(e => (Path: NormalisedPath(e.RoutePattern.RawText ?? ""),
                Method: Enum.Parse<OperationType>(e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods[0] ?? "GET", ignoreCase: true),
                Written: e.Metadata.OfType<IProducesResponseTypeMetadata>().Single(m => m.StatusCode == 200)))
            .Where(e => e.Written.ContentTypes.Contains(ApiAnswer.Json)) // pages, scripts and texts are strings, documented as such
            .Select(e => (e.Path, e.Method, e.Written.Type))
            .ToList();
        var paths = Document.Paths.ToDictionary(p => NormalisedPath(p.Key), p => p.Value);

        Assert.That(written, Is.Not.Empty);
        using (Assert.EnterMultipleScope())
        {
            foreach (var (path, method, type) in written)
            {
                // Text answers (CSV, SVG) are documented by media type; only JSON has fields to compare.
                if (!paths[path].Operations[method].Responses["200"].Content.TryGetValue(ApiAnswer.Json, out var media))
                {
                    Assert.That(type, Is.EqualTo(typeof(string)), path);
                    continue;
                }
                Assert.That(TypeSchemaComparer.Compare(type!, media.Schema), Is.Empty, path);
            }
        }
    }

    [TestCaseSource(nameof(SuccessScenarios))]
    public async Task Each_operation_answers_its_examples_in_the_documented_schema(string operationId, string scenario)
    {
        var (path, operation) = Operation(operationId);
        var values = ExampleValues(operation, scenario);
        Assert.That(operation.Parameters.Where(p => p.Required).Select(p => p.Name), Is.SubsetOf(values.Keys),
            "every required parameter needs an example");

        var answer = await Get(Url(path, operation, values));

        Assert.That(answer.Status, Is.EqualTo(System.Net.HttpStatusCode.OK), answer.Body);
        AssertDocumented(operation, 200, answer);
    }

    [Test]
    public void Every_documented_error_status_has_a_failing_request_here()
    {
        var documented = GetOperations()
            .SelectMany(o => o.Responses.Keys.Where(k => k.StartsWith('4')).Select(k => $"{o.OperationId} {k}"))
            .Order(StringComparer.Ordinal);
        var covered = Failures.Select(f => $"{f.OperationId} {f.Status}").Order(StringComparer.Ordinal);
        Assert.That(covered, Is.EqualTo(documented));
    }

    [Test]
    public void Every_documented_error_is_a_problem()
    {
        // Pages answer a wrong form with the form itself, marked: HTML for people, problems for programs.
        var errorMediaTypes = Document.Paths.Values.SelectMany(p => p.Operations.Values)
            .Where(o => !o.Responses.Values.SelectMany(r => r.Content.Keys).Contains("text/html"))
            .SelectMany(o => o.Responses.Where(r => r.Key.StartsWith('4')))
            .SelectMany(r => r.Value.Content.Keys)
            .Distinct();
        Assert.That(errorMediaTypes, Is.EqualTo(new[] { ApiAnswer.Problem }));
    }

    [TestCaseSource(nameof(FailureCases))]
    public async Task Each_documented_error_answers_a_problem_in_the_documented_schema(string operationId, int status, string url)
    {
        var (_, operation) = Operation(operationId);

        var answer = await Get(url);

        Assert.That((int)answer.Status, Is.EqualTo(status), answer.Body);
        AssertDocumented(operation, status, answer);
    }

    /// <summary>The operations these GET-driven checks cover; POST /v1/surveys has its own (Security/SurveyContractTests).</summary>
    private static IEnumerable<OpenApiOperation> GetOperations() =>
        Document.Paths.Values.SelectMany(p => p.Operations.Where(o => o.Key == OperationType.Get).Select(o => o.Value));

    private static IEnumerable<TestCaseData> SuccessScenarios() =>
        GetOperations()
            .SelectMany(o => ScenarioNames(o).Select(s => new TestCaseData(o.OperationId, s)));

    private static IEnumerable<TestCaseData> FailureCases() =>
        Failures.Select(f => new TestCaseData(f.OperationId, f.Status, f.Url));

    private static (string Path, OpenApiOperation Operation) Operation(string operationId)
    {
        foreach (var (path, item) in Document.Paths)
        {
            foreach (var operation in item.Operations.Values)
            {
                if (operation.OperationId == operationId) return (path, operation);
            }
        }
        throw new ArgumentException($"No operation {operationId} in openapi.yaml.", nameof(operationId));
    }

    /// <summary>Named examples (parameter <c>examples</c>) are scenarios; an operation with none has one, "example".</summary>
    private static IEnumerable<string> ScenarioNames(OpenApiOperation operation) =>
        operation.Parameters.SelectMany(p => p.Examples.Keys).Distinct().DefaultIfEmpty("example");

    /// <summary>A scenario's values: each parameter's named example for it, or its single <c>example</c>.</summary>
    private static Dictionary<string, string> ExampleValues(OpenApiOperation operation, string scenario)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var parameter in operation.Parameters)
        {
            var example = parameter.Examples.Count > 0
                ? parameter.Examples.TryGetValue(scenario, out var named) ? named.Value : null
                : parameter.Example;
            if (example is not null) values[parameter.Name] = Text(example);
        }
        return values;
    }

    private static string Url(string path, OpenApiOperation operation, Dictionary<string, string> values)
    {
        foreach (var p in operation.Parameters.Where(p => p.In == ParameterLocation.Path))
            path = path.Replace("{" + p.Name + "}", Uri.EscapeDataString(values[p.Name]), StringComparison.Ordinal);
        var query = operation.Parameters.Where(p => p.In == ParameterLocation.Query && values.ContainsKey(p.Name))
            .Select(p => (p.Name, (string?)values[p.Name])).ToArray();
        return path + Query.Of(query);
    }

    private static string Text(IOpenApiAny value) => value switch
    {
        OpenApiString s => s.Value,
        OpenApiInteger i => i.Value.ToString(CultureInfo.InvariantCulture),
        OpenApiLong l => l.Value.ToString(CultureInfo.InvariantCulture),
        OpenApiDouble d => d.Value.ToString("R", CultureInfo.InvariantCulture),
        OpenApiFloat f => f.Value.ToString("R", CultureInfo.InvariantCulture),
        OpenApiBoolean b => b.Value ? "true" : "false",
        OpenApiDate d => d.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => throw new NotSupportedException($"Example of kind {value.AnyType} cannot go in a URL."),
    };

    private static void AssertDocumented(OpenApiOperation operation, int status, ApiAnswer answer)
    {
        Assert.That(operation.Responses.TryGetValue(status.ToString(CultureInfo.InvariantCulture), out var response), Is.True,
            $"{operation.OperationId} does not document status {status}");
        Assert.That(response!.Content.Keys, Has.Member(answer.MediaType), "the answer's Content-Type is not documented");
        if (answer.MediaType is not (ApiAnswer.Json or ApiAnswer.Problem))
        {
            Assert.That(response.Content[answer.MediaType!].Schema.Type, Is.EqualTo("string"), "a text answer is documented as a string");
            Assert.That(answer.Body, Is.Not.Empty);
            return;
        }
        var problems = SchemaValidator.Validate(answer.Root, response.Content[answer.MediaType!].Schema);
        Assert.That(problems, Is.Empty, answer.Body);
    }

    /// <summary><c>/v1/providers/{id:long}/</c> and <c>v1/providers/{id}</c> are the same path.</summary>
    private static string NormalisedPath(string path)
    {
        var normalised = System.Text.RegularExpressions.Regex.Replace(path.Trim(), @"\{([^}:=?]+)[^}]*\}", "{$1}");
        normalised = "/" + normalised.Trim('/');
        return normalised;
    }
}
