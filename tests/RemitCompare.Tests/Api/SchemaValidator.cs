using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.OpenApi.Any;
using Microsoft.OpenApi.Models;

namespace RemitCompare.Tests.Api;

/// <summary>
/// Checks a JSON value against an OpenAPI 3.0 schema: type, format, pattern, required, nullable, enum, items,
/// properties and allOf. Stricter than the specification on one point: a property the schema does not document
/// is an error unless the schema gives <c>additionalProperties</c>, because the file is the contract.
/// </summary>
public static class SchemaValidator
{
    /// <summary>What is wrong with <paramref name="value"/>, one line per problem with its JSON path; empty when it conforms.</summary>
    public static IReadOnlyList<string> Validate(JsonElement value, OpenApiSchema schema)
    {
        var problems = new List<string>();
        Check(value, schema, "$", problems);
        return problems;
    }

    private static void Check(JsonElement value, OpenApiSchema schema, string at, List<string> problems)
    {
        if (schema.OneOf.Count > 0 || schema.AnyOf.Count > 0 || schema.Not is not null)
        {
            problems.Add($"{at}: the schema uses oneOf/anyOf/not, which this validator does not check");
            return;
        }
        var parts = SelfAndAllOf(schema).ToList();
        if (value.ValueKind == JsonValueKind.Null)
        {
            if (!schema.Nullable) problems.Add($"{at}: null, but the schema is not nullable");
            else if (schema.Enum.Count > 0 && !schema.Enum.Any(e => e is OpenApiNull)) problems.Add($"{at}: null is not in the enum");
            return;
        }
        var types = parts.Select(p => p.Type).Where(t => t is not null).Distinct().ToList();
        if (types.Count != 1)
        {
            problems.Add($"{at}: the schema declares {(types.Count == 0 ? "no type" : "types " + string.Join(", ", types))}");
            return;
        }
        foreach (var part in parts)
        {
            CheckScalar(value, types[0]!, part, at, problems);
            if (part.Enum.Count > 0 && !part.Enum.Any(e => SameValue(e, value))) problems.Add($"{at}: {value.GetRawText()} is not in the enum");
        }
        switch (types[0])
        {
            case "object" when value.ValueKind == JsonValueKind.Object:
                CheckObject(value, parts, at, problems);
                break;
            case "array" when value.ValueKind == JsonValueKind.Array:
                var items = parts.Select(p => p.Items).FirstOrDefault(i => i is not null);
                if (items is null)
                {
                    problems.Add($"{at}: the array schema has no items");
                    break;
                }
                var index = 0;
                foreach (var item in value.EnumerateArray()) Check(item, items, $"{at}[{index++}]", problems);
                break;
        }
    }

    private static IEnumerable<OpenApiSchema> SelfAndAllOf(OpenApiSchema schema) => [schema, .. schema.AllOf.SelectMany(SelfAndAllOf)];

    private static void CheckScalar(JsonElement value, string type, OpenApiSchema part, string at, List<string> problems)
    {
        var fits = type switch
        {
            "object" => value.ValueKind == JsonValueKind.Object,
            "array" => value.ValueKind == JsonValueKind.Array,
            "string" => value.ValueKind == JsonValueKind.String,
            "number" => value.ValueKind == JsonValueKind.Number,
            "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
            "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
            _ => false,
        };
        if (!fits)
        {
            problems.Add($"{at}: {value.GetRawText()} is not of type {type}");
            return;
        }
        if (type == "integer" && part.Format == "int32" && !value.TryGetInt32(out _)) problems.Add($"{at}: {value.GetRawText()} is not an int32");
        if (type != "string") return;
        var text = value.GetString()!;
        if (part.Pattern is { } pattern && !Regex.IsMatch(text, pattern, RegexOptions.CultureInvariant))
            problems.Add($"{at}: '{text}' does not match {pattern}");
        var formatted = part.Format switch
        {
            "date" => DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
            "date-time" => DateTimeOffset.TryParseExact(text, "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
            _ => true,
        };
        if (!formatted) problems.Add($"{at}: '{text}' is not a {part.Format}");
    }

    private static void CheckObject(JsonElement value, List<OpenApiSchema> parts, string at, List<string> problems)
    {
        var properties = new Dictionary<string, OpenApiSchema>(StringComparer.Ordinal);
        foreach (var part in parts)
        {
            foreach (var (name, schema) in part.Properties) properties.TryAdd(name, schema);
        }
        var additional = parts.Select(p => p.AdditionalProperties).FirstOrDefault(a => a is not null);
        foreach (var required in parts.SelectMany(p => p.Required).Distinct())
        {
            if (!value.TryGetProperty(required, out _)) problems.Add($"{at}: required property '{required}' is missing");
        }
        foreach (var property in value.EnumerateObject())
        {
            var path = $"{at}.{property.Name}";
            if (properties.TryGetValue(property.Name, out var schema)) Check(property.Value, schema, path, problems);
            else if (additional is not null) Check(property.Value, additional, path, problems);
            else problems.Add($"{path}: the property is not documented");
        }
    }

    private static bool SameValue(IOpenApiAny expected, JsonElement actual) => expected switch
    {
        OpenApiString s => actual.ValueKind == JsonValueKind.String && actual.GetString() == s.Value,
        OpenApiBoolean b => actual.ValueKind == (b.Value ? JsonValueKind.True : JsonValueKind.False),
        OpenApiInteger i => actual.ValueKind == JsonValueKind.Number && actual.GetDecimal() == i.Value,
        OpenApiLong l => actual.ValueKind == JsonValueKind.Number && actual.GetDecimal() == l.Value,
        OpenApiDouble d => actual.ValueKind == JsonValueKind.Number && actual.GetDouble().Equals(d.Value),
        _ => false,
    };
}
