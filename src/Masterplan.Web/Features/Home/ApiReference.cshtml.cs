using System.Text.Json;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Masterplan.Web.Features.Home;

/// <summary>
/// The reference of the JSON API at <c>/api/docs</c>, rendered on the server from the same OpenAPI document that
/// <c>/openapi/v1.json</c> serves: plain HTML in the site's layout, so it is accessible, translated and works without
/// JavaScript like every other page.
/// </summary>
public sealed class ApiReferenceModel : PageModel
{
    public const string DocumentName = "v1";

    public IReadOnlyList<ApiTag> Tags { get; private set; } = [];

    public IReadOnlyList<ApiSchema> Schemas { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var document = await HttpContext.RequestServices.GetRequiredKeyedService<IOpenApiDocumentProvider>(DocumentName).GetOpenApiDocumentAsync(ct);
        using var json = JsonDocument.Parse(await document.SerializeAsJsonAsync(OpenApiSpecVersion.OpenApi3_1, ct));
        (Tags, Schemas) = Read(json.RootElement);
    }

    /// <summary>German headings for the document's tags (the module names); other tags are shown as they are.</summary>
    public static readonly IReadOnlyDictionary<string, string> TagHeadings = new Dictionary<string, string>
    {
        ["Catalogue"] = "Handlungsfelder, Maßnahmen und Kennzahlen",
        ["Organizations"] = "Gremien und Sitzverteilung",
        ["Districts"] = "Stadtbezirke",
        ["Papers"] = "Vorlagen",
    };

    /// <summary>German words for the answers the API gives; other codes show the document's own description.</summary>
    public static readonly IReadOnlyDictionary<string, string> StatusTexts = new Dictionary<string, string>
    {
        ["200"] = "Erfolg",
        ["201"] = "Angelegt",
        ["204"] = "Erfolg, ohne Inhalt",
        ["400"] = "Ungültige Anfrage",
        ["401"] = "Nicht angemeldet",
        ["403"] = "Keine Berechtigung",
        ["404"] = "Nicht gefunden",
        ["409"] = "Konflikt mit einer zwischenzeitlichen Änderung",
    };

    public static readonly IReadOnlyDictionary<string, string> ParameterPlaces = new Dictionary<string, string>
    {
        ["path"] = "Pfad",
        ["query"] = "Abfrage",
        ["header"] = "Kopfzeile",
        ["cookie"] = "Cookie",
    };

    /// <summary>Reads the operations (grouped by tag, in the document's tag order) and the named schemas.</summary>
    public static (IReadOnlyList<ApiTag> Tags, IReadOnlyList<ApiSchema> Schemas) Read(JsonElement document)
    {
        var operations = new List<(string Tag, ApiOperation Operation)>();
        foreach (var path in Members(document, "paths"))
        {
            foreach (var method in path.Value.EnumerateObject().Where(m => m.Value.ValueKind == JsonValueKind.Object && m.Name != "parameters"))
            {
                var o = method.Value;
                var tag = o.TryGetProperty("tags", out var tags) && tags.GetArrayLength() > 0 ? tags[0].GetString() ?? "" : "";
                var parameters = Items(o, "parameters")
                    .Select(p => new ApiParameter(
                        Text(p, "name") ?? "", Text(p, "in") ?? "", p.TryGetProperty("required", out var r) && r.GetBoolean(),
                        p.TryGetProperty("schema", out var s) ? TypeOf(s) : ApiType.Any, Text(p, "description")))
                    .ToList();
                var request = o.TryGetProperty("requestBody", out var body) ? Contents(body).ToList() : [];
                var responses = Members(o, "responses")
                    .Select(r => new ApiResponse(r.Name, Text(r.Value, "description"), Contents(r.Value).ToList()))
                    .ToList();
                var verb = method.Name.ToUpperInvariant();
                operations.Add((tag, new ApiOperation(
                    verb, path.Name, Anchor("op", verb + path.Name), Text(o, "summary"), Text(o, "description"), parameters, request, responses)));
            }
        }

        var tagOrder = Items(document, "tags")
            .Select(t => Text(t, "name") ?? "").ToList();
        var grouped = operations.GroupBy(o => o.Tag)
            .OrderBy(g => tagOrder.IndexOf(g.Key) is var i and >= 0 ? i : int.MaxValue).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new ApiTag(g.Key, Anchor("tag", g.Key), g.Select(o => o.Operation).ToList()))
            .ToList();

        var schemas = document.TryGetProperty("components", out var components) && components.TryGetProperty("schemas", out var named)
            ? named.EnumerateObject().Select(s => ReadSchema(s.Name, s.Value)).OrderBy(s => s.Name, StringComparer.Ordinal).ToList()
            : [];
        return (grouped, schemas);
    }

    private static ApiSchema ReadSchema(string name, JsonElement s)
    {
        var required = s.TryGetProperty("required", out var r) ? r.EnumerateArray().Select(x => x.GetString()).ToHashSet() : [];
        var properties = Members(s, "properties")
            .Select(p => new ApiProperty(p.Name, TypeOf(p.Value), required.Contains(p.Name), Text(p.Value, "description")))
            .ToList();
        return new ApiSchema(name, SchemaAnchor(name), Text(s, "description"), EnumValues(s), properties);
    }

    private static IEnumerable<ApiContent> Contents(JsonElement bodyOrResponse) =>
        bodyOrResponse.TryGetProperty("content", out var content)
            ? content.EnumerateObject().Select(c => new ApiContent(c.Name, c.Value.TryGetProperty("schema", out var s) ? TypeOf(s) : null))
            : [];

    /// <summary>A schema as one line: a named type (linked), a list of one, or a JSON type with its format.</summary>
    internal static ApiType TypeOf(JsonElement s)
    {
        if (s.TryGetProperty("$ref", out var reference))
        {
            var name = reference.GetString()!.Split('/')[^1];
            return new ApiType(name, null, false, false);
        }

        foreach (var combinator in new[] { "oneOf", "anyOf" })
        {
            if (s.TryGetProperty(combinator, out var options))
            {
                var parts = options.EnumerateArray().ToList();
                var nonNull = parts.Where(p => !(p.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String && t.GetString() == "null")).ToList();
                if (nonNull.Count == 1)
                {
                    return TypeOf(nonNull[0]) with { Nullable = nonNull.Count < parts.Count };
                }
            }
        }

        var types = !s.TryGetProperty("type", out var type) ? []
            : type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString() ?? "").ToList()
            : [type.GetString() ?? ""];
        var nullable = types.Remove("null");
        if (types.Contains("array"))
        {
            var item = s.TryGetProperty("items", out var items) ? TypeOf(items) : ApiType.Any;
            return item with { IsList = true, Nullable = nullable };
        }

        // Numbers are also read from strings ("12"); the number is what a client sends.
        if (types.Contains("string") && types.Any(t => t is "integer" or "number"))
        {
            types.Remove("string");
        }

        if (types.Count == 0)
        {
            return EnumValues(s).Count > 0 ? new ApiType(null, "string", false, nullable) : ApiType.Any with { Nullable = nullable };
        }

        var format = Text(s, "format");
        return new ApiType(null, string.Join(" | ", types) + (format is null ? "" : $" ({format})"), false, nullable);
    }

    private static List<JsonElement> Items(JsonElement e, string property) =>
        e.TryGetProperty(property, out var v) && v.ValueKind == JsonValueKind.Array ? [.. v.EnumerateArray()] : [];

    private static List<JsonProperty> Members(JsonElement e, string property) =>
        e.TryGetProperty(property, out var v) && v.ValueKind == JsonValueKind.Object ? [.. v.EnumerateObject()] : [];

    private static List<string> EnumValues(JsonElement s) =>
        s.TryGetProperty("enum", out var values) ? values.EnumerateArray().Select(v => v.ToString()).ToList() : [];

    private static string? Text(JsonElement e, string property) =>
        e.TryGetProperty(property, out var v) && v.ValueKind == JsonValueKind.String && v.GetString() is { Length: > 0 } s ? s : null;

    public static string SchemaAnchor(string name) => Anchor("schema", name);

    /// <summary>An id for a link target: letters and digits kept, everything else one hyphen.</summary>
    private static string Anchor(string prefix, string text) =>
        prefix + "-" + System.Text.RegularExpressions.Regex.Replace(text.ToLowerInvariant(), "[^a-z0-9]+", "-").Trim('-');
}

public sealed record ApiTag(string Name, string Anchor, IReadOnlyList<ApiOperation> Operations);

public sealed record ApiOperation(
    string Method, string Path, string Anchor, string? Summary, string? Description,
    IReadOnlyList<ApiParameter> Parameters, IReadOnlyList<ApiContent> Request, IReadOnlyList<ApiResponse> Responses);

public sealed record ApiParameter(string Name, string In, bool Required, ApiType Type, string? Description);

public sealed record ApiContent(string MediaType, ApiType? Type);

public sealed record ApiResponse(string Status, string? Description, IReadOnlyList<ApiContent> Contents);

public sealed record ApiSchema(string Name, string Anchor, string? Description, IReadOnlyList<string> EnumValues, IReadOnlyList<ApiProperty> Properties);

public sealed record ApiProperty(string Name, ApiType Type, bool Required, string? Description);

/// <summary>A type as shown: a named schema (<see cref="Reference"/>) or a JSON type, possibly a list of it, possibly null.</summary>
public sealed record ApiType(string? Reference, string? Json, bool IsList, bool Nullable)
{
    public static readonly ApiType Any = new(null, "any", false, false);
}
