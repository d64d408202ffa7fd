using System.Reflection;
using System.Text.Json;
using Microsoft.OpenApi.Models;

namespace RemitCompare.Tests.Api;

/// <summary>
/// Compares the C# type an endpoint writes with its documented schema, field by field: name (camelCase), JSON type,
/// nullability and presence in <c>required</c>. Catches what example answers cannot show, such as a field that is
/// never null in the default data but may be null.
/// </summary>
public static class TypeSchemaComparer
{
    private static readonly NullabilityInfoContext Nullability = new();

    /// <summary>Every difference between <paramref name="type"/> and <paramref name="schema"/>; empty when they agree.</summary>
    public static IReadOnlyList<string> Compare(Type type, OpenApiSchema schema)
    {
        var differences = new List<string>();
        Compare(type, schema, type.Name, differences);
        return differences;
    }

    private static void Compare(Type type, OpenApiSchema schema, string at, List<string> differences)
    {
        var parts = new List<OpenApiSchema>();
        Collect(schema, parts);
        var documentedType = parts.Select(p => p.Type).FirstOrDefault(t => t is not null);
        var format = parts.Select(p => p.Format).FirstOrDefault(f => f is not null);
        var (expectedType, expectedFormat) = JsonTypeOf(type);
        if (documentedType != expectedType || (expectedFormat is not null && format != expectedFormat))
        {
            differences.Add($"{at}: {type.Name} is written as {expectedType} {expectedFormat}, documented as {documentedType} {format}");
            return;
        }
        if (expectedType == "array")
        {
            var items = parts.Select(p => p.Items).FirstOrDefault(i => i is not null);
            if (items is null) differences.Add($"{at}: the array schema has no items");
            else Compare(ElementType(type)!, items, at + "[]", differences);
            return;
        }
        if (expectedType != "object") return;

        var documented = parts.SelectMany(p => p.Properties).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.First().Value);
        var required = parts.SelectMany(p => p.Required).ToHashSet();
        var written = type.GetProperties(BindingFlags.Public | BindingFlags.Instance);
        foreach (var property in written)
        {
            var name = JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            var path = $"{at}.{name}";
            if (!documented.TryGetValue(name, out var propertySchema))
            {
                differences.Add($"{path}: written but not documented");
                continue;
            }
            if (!required.Contains(name)) differences.Add($"{path}: always written but not required");
            var nullable = Nullable.GetUnderlyingType(property.PropertyType) is not null
                || Nullability.Create(property).ReadState == NullabilityState.Nullable;
            if (nullable != propertySchema.Nullable) differences.Add($"{path}: {(nullable ? "may be null" : "is never null")} but documented nullable: {propertySchema.Nullable.ToString().ToLowerInvariant()}");
            Compare(Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType, propertySchema, path, differences);
        }
        foreach (var name in documented.Keys.Except(written.Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name))))
            differences.Add($"{at}.{name}: documented but never written");
    }

    private static void Collect(OpenApiSchema schema, List<OpenApiSchema> parts)
    {
        parts.Add(schema);
        foreach (var part in schema.AllOf) Collect(part, parts);
    }

    private static (string Type, string? Format) JsonTypeOf(Type type) => type switch
    {
        _ when type == typeof(string) => ("string", null),
        _ when type == typeof(bool) => ("boolean", null),
        _ when type == typeof(int) => ("integer", "int32"),
        _ when type == typeof(long) => ("integer", "int64"),
        _ when type == typeof(decimal) || type == typeof(double) => ("number", null),
        _ when type == typeof(DateTimeOffset) || type == typeof(DateTime) => ("string", "date-time"),
        _ when type == typeof(DateOnly) => ("string", "date"),
        _ when ElementType(type) is not null => ("array", null),
        _ => ("object", null),
    };

    private static Type? ElementType(Type type) =>
        type.IsArray ? type.GetElementType()
        : type.IsGenericType && type.GetGenericTypeDefinition() is var d && (d == typeof(IReadOnlyList<>) || d == typeof(List<>) || d == typeof(IEnumerable<>))
            ? type.GetGenericArguments()[0]
            : null;
}
