using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Json.Schema;
using Masterplan.Web.Tests.Features.Home;

namespace Masterplan.Web.Tests.Features.Open311;

/// <summary>
/// What the GeoReport v2 spec says about each answer, for the tests: the official JSON schemas (copied unmodified to
/// <c>Schema/</c>, see SOURCE.md there), the element names the spec lists, and the mapping between the XML and the JSON.
/// </summary>
internal static class Open311Spec
{
    private const string SchemaBase = "https://open311.test/schema/";

    private static readonly Dictionary<string, JsonSchema> Schemas = Load();

    /// <summary>The fields the spec lists for each element that holds fields; nothing else may appear.</summary>
    public static readonly Dictionary<string, string[]> Elements = new()
    {
        ["service"] = ["service_code", "service_name", "description", "metadata", "type", "keywords", "group"],
        ["service_definition"] = ["service_code", "attributes"],
        ["attribute"] = ["variable", "code", "datatype", "required", "datatype_description", "order", "description", "values"],
        ["value"] = ["key", "name"],
        ["request"] = ["service_request_id", "token", "status", "status_notes", "service_name", "service_code", "description", "agency_responsible",
            "service_notice", "requested_datetime", "updated_datetime", "expected_datetime", "address", "address_id", "zipcode", "lat", "long", "media_url",
            "account_id"],
        ["error"] = ["code", "description"],
        ["discovery"] = ["changeset", "contact", "key_service", "endpoints"],
        ["endpoint"] = ["specification", "url", "changeset", "type", "formats"],
    };

    /// <summary>Elements that are lists, with the name of their items (the spec's "⇊").</summary>
    public static readonly Dictionary<string, string> Lists = new()
    {
        ["services"] = "service", ["service_requests"] = "request", ["errors"] = "error", ["attributes"] = "attribute", ["values"] = "value",
        ["endpoints"] = "endpoint", ["formats"] = "format",
    };

    private static Dictionary<string, JsonSchema> Load()
    {
        // Formats of the swagger description that JSON Schema does not know: identifiers and unsigned numbers.
        FormatRegistry.Global.Register(new PredicateFormat("uid", e => e.ValueKind == JsonValueKind.String));
        FormatRegistry.Global.Register(new PredicateFormat("uint", e => e.ValueKind != JsonValueKind.Number || e.GetDouble() >= 0));
        var registry = new SchemaRegistry();
        var options = new BuildOptions { SchemaRegistry = registry };
        var folder = Path.Combine(TranslationTests.RepositoryRoot(), "tests", "Masterplan.Web.Tests", "Features", "Open311", "Schema");
        var schemas = new Dictionary<string, JsonSchema>();

        // The single objects first: the lists refer to them by file name ("$ref": "service.json").
        foreach (var name in new[] { "service", "request", "service-definition", "services", "requests" })
        {
            var uri = new Uri(SchemaBase + name + ".json");
            var schema = JsonSchema.FromText(File.ReadAllText(Path.Combine(folder, name + ".json")), options, uri);
            registry.Register(uri, schema);
            schemas[name] = schema;
        }

        // The answers to POST requests and GET tokens have no schema file; the swagger description defines them.
        var swagger = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "swagger.json")))!;
        foreach (var name in new[] { "RequestResponse", "TokenResponse" })
        {
            schemas[name] = JsonSchema.FromText(swagger["definitions"]![name]!.ToJsonString(), options, new Uri(SchemaBase + name));
        }

        return schemas;
    }

    /// <summary>Validates a JSON answer against a schema ("services", "request", "RequestResponse", …).</summary>
    public static void Validate(string schema, JsonNode json)
    {
        using var document = JsonDocument.Parse(json.ToJsonString());
        var result = Schemas[schema].Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        Assert.True(result.IsValid, $"does not match {schema}:\n{json}\n" + string.Join('\n',
            (result.Details ?? []).Where(d => d.Errors is { Count: > 0 }).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} {d.EvaluationPath}: {e.Value}"))));
    }

    /// <summary>
    /// The XML answer read the way the spec maps it to JSON: a list element becomes an array of its items, an element with
    /// fields an object, a text element a string. Checks on the way that every name is one the spec lists.
    /// </summary>
    public static JsonNode FromXml(string xml)
    {
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>", xml, StringComparison.OrdinalIgnoreCase);
        var root = XDocument.Parse(xml).Root!;
        Assert.True(root.Name.NamespaceName.Length == 0, "the spec's XML has no namespace");
        return Convert(root)!;
    }

    private static JsonNode? Convert(XElement e)
    {
        var name = e.Name.LocalName;
        if (Lists.TryGetValue(name, out var item))
        {
            Assert.All(e.Elements(), c => Assert.Equal(item, c.Name.LocalName));
            return new JsonArray([.. e.Elements().Select(Convert)]);
        }

        if (Elements.TryGetValue(name, out var fields))
        {
            var o = new JsonObject();
            foreach (var child in e.Elements())
            {
                Assert.True(fields.Contains(child.Name.LocalName), $"<{child.Name.LocalName}> is not a field of <{name}> in the spec");
                o[child.Name.LocalName] = Convert(child);
            }

            return o;
        }

        Assert.False(e.HasElements, $"<{name}> should hold text");
        return JsonValue.Create(e.Value);
    }

    /// <summary>The JSON answer with every value as text, as XML carries it, for comparing the two formats.</summary>
    public static JsonNode? AsText(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.Select(p => KeyValuePair.Create(p.Key, AsText(p.Value)))),
        JsonArray a => new JsonArray([.. a.Select(AsText)]),
        JsonValue v when v.GetValueKind() == JsonValueKind.True => JsonValue.Create("true"),
        JsonValue v when v.GetValueKind() == JsonValueKind.False => JsonValue.Create("false"),
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => JsonValue.Create(v.GetValue<double>().ToString("R", CultureInfo.InvariantCulture)),
        JsonValue v => JsonValue.Create(v.GetValue<string>()),
        _ => null,
    };

    /// <summary>Fields of each element that hold fields, in the JSON answer, checked against the spec's names too.</summary>
    public static void CheckNames(string root, JsonNode json)
    {
        switch (json)
        {
            case JsonArray a when Lists.TryGetValue(root, out var item):
                Assert.All(a, x => CheckNames(item, x!));
                break;
            case JsonObject o when Elements.TryGetValue(root, out var fields):
                foreach (var (key, value) in o)
                {
                    Assert.True(fields.Contains(key), $"\"{key}\" is not a field of {root} in the spec");
                    CheckNames(key, value!);
                }

                break;
        }
    }
}
