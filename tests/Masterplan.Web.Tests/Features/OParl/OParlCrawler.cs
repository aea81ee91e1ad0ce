using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using Masterplan.Web.Tests.Features.Home;

namespace Masterplan.Web.Tests.Features.OParl;

/// <summary>
/// Walks the OParl API the way a strict client does: from the System object through every list page, checking the
/// headers of every answer and validating every object against the official schemas (copied unmodified to
/// <c>Schema/</c>, see SOURCE.md there).
/// </summary>
internal sealed class OParlCrawler(HttpClient client)
{
    /// <summary>The platform's public address in tests (<c>Mail:PlatformUrl</c> unset), which every URL starts with.</summary>
    public const string Base = "http://localhost:5000";

    public const string TypePrefix = "https://schema.oparl.org/1.1/";

    /// <summary>Every answer by path, raw, for searching planted strings.</summary>
    public Dictionary<string, string> Answers { get; } = [];

    /// <summary>The objects of the body's external lists, by list name (organization, person, …), in list order.</summary>
    public Dictionary<string, List<JsonObject>> Lists { get; } = [];

    /// <summary>Objects of the lists below objects (an organization's meetings and consultations), by list URL.</summary>
    public Dictionary<string, List<JsonObject>> SubLists { get; } = [];

    public JsonObject System { get; private set; } = null!;

    public JsonObject Body { get; private set; } = null!;

    public static string PathOf(string url)
    {
        Assert.StartsWith(Base, url, StringComparison.Ordinal);
        return url[Base.Length..];
    }

    public async Task<JsonNode> GetAsync(string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var path = url.StartsWith(Base, StringComparison.Ordinal) ? PathOf(url) : url;
        var response = await client.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{path}: {(int)response.StatusCode} {text}");
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal("*", response.Headers.TryGetValues("Access-Control-Allow-Origin", out var origin) ? string.Join(",", origin) : null);
        Answers[path] = text;
        return JsonNode.Parse(text)!;
    }

    /// <summary>All pages of a list, following <c>links.next</c>; checks the pagination block on the way.</summary>
    public async Task<List<JsonObject>> ListAsync(string url)
    {
        var all = new List<JsonObject>();
        string? next = url;
        var pages = 0;
        while (next is not null)
        {
            var page = (JsonObject)await GetAsync(next);
            pages++;
            var data = page["data"]!.AsArray().Select(d => (JsonObject)d!).ToList();
            all.AddRange(data);
            // Keyset pages: every page but the last is full and names the next; the last one is not empty unless it is the only one.
            var perPage = (int)page["pagination"]!["elementsPerPage"]!;
            Assert.True(data.Count <= perPage, $"{next}: {data.Count} objects on a page of {perPage}");
            next = (string?)page["links"]!["next"];
            if (next is not null)
            {
                Assert.Equal(perPage, data.Count);
            }
            else
            {
                Assert.True(pages == 1 || data.Count > 0, $"{url}: an empty last page after {pages - 1}");
            }

            Assert.True(pages < 10_000, "endless list");
        }

        return all;
    }

    public static readonly string[] BodyLists = ["organization", "person", "meeting", "paper", "agendaItem", "consultation", "file", "membership", "locationList", "legislativeTermList"];

    /// <summary>The whole API: System, the bodies, every external list of the body and of every organization.</summary>
    public async Task CrawlAsync(string query = "")
    {
        System = (JsonObject)await GetAsync("/oparl/v1/");
        OParlSchemas.Validate(System);
        // An update asks the body's lists what changed; the body itself it has already.
        var bodies = await ListAsync((string)System["body"]!);
        Body = Assert.Single(bodies);
        OParlSchemas.Validate(Body);
        foreach (var list in BodyLists)
        {
            Lists[list] = await ListAsync((string)Body[list]! + query);
            foreach (var item in Lists[list])
            {
                OParlSchemas.Validate(item);
            }
        }

        foreach (var organization in Lists["organization"].Where(o => o["deleted"] is null))
        {
            foreach (var sub in new[] { "meeting", "consultation" })
            {
                var url = (string)organization[sub]!;
                SubLists[url] = await ListAsync(url + query);
            }
        }
    }

    /// <summary>Every object in a JSON tree, embedded ones included.</summary>
    public static IEnumerable<JsonObject> Objects(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                if (o["type"] is JsonValue t && ((string)t!).StartsWith(TypePrefix, StringComparison.Ordinal))
                {
                    yield return o;
                }

                foreach (var (_, value) in o)
                {
                    foreach (var inner in Objects(value))
                    {
                        yield return inner;
                    }
                }

                break;
            case JsonArray a:
                foreach (var value in a)
                {
                    foreach (var inner in Objects(value))
                    {
                        yield return inner;
                    }
                }

                break;
        }
    }

    /// <summary>Every string in a JSON tree that is a URL of the platform.</summary>
    public static IEnumerable<string> Urls(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => Urls(p.Value)),
        JsonArray a => a.SelectMany(Urls),
        JsonValue v when v.GetValueKind() == JsonValueKind.String && ((string)v!).StartsWith(Base, StringComparison.Ordinal) => [(string)v!],
        _ => [],
    };
}

/// <summary>The official OParl 1.1 schemas, loaded once.</summary>
internal static class OParlSchemas
{
    private static readonly Dictionary<string, JsonSchema> ByType = Load();

    private static Dictionary<string, JsonSchema> Load()
    {
        // OParl's "url" format is not a JSON Schema format: an absolute http(s) URL.
        FormatRegistry.Global.Register(new PredicateFormat("url", e => e.ValueKind != JsonValueKind.String
            || (Uri.TryCreate(e.GetString(), UriKind.Absolute, out var u) && u.Scheme is "http" or "https")));
        var registry = new SchemaRegistry();
        var options = new BuildOptions { SchemaRegistry = registry };
        var folder = Path.Combine(TranslationTests.RepositoryRoot(), "tests", "Masterplan.Web.Tests", "Features", "OParl", "Schema");
        var schemas = new Dictionary<string, JsonSchema>();
        foreach (var file in Directory.GetFiles(folder, "*.json"))
        {
            var name = Path.GetFileNameWithoutExtension(file);

            // Quirk: each schema's $id has no ".json" ("…/1.1/Meeting") but the references between them do ("Location.json"),
            // so each is registered under the second address too.
            var schema = JsonSchema.FromText(File.ReadAllText(file), options);
            registry.Register(new Uri($"{TypePrefixUri}{name}.json"), schema);
            schemas[TypePrefixUri + name] = schema;
        }

        return schemas;
    }

    private const string TypePrefixUri = OParlCrawler.TypePrefix;

    /// <summary>Validates an object against the schema of its type; embedded objects are checked through the references.</summary>
    public static void Validate(JsonObject o)
    {
        var type = (string)o["type"]!;
        Assert.True(ByType.TryGetValue(type, out var schema), $"unknown type {type}");
        if (o["deleted"] is JsonValue deleted && (bool)deleted)
        {
            // Quirk: the schemas require properties such as AgendaItem.order and Body.name, which a deleted object no longer
            // has (OParl 1.1, 2.8: id, type, created, modified and deleted stay, the rest may go). A deleted object is checked
            // against that rule instead.
            Assert.Equal(["id", "type", "created", "modified", "deleted"], o.Select(p => p.Key));
            Assert.All(new[] { "created", "modified" }, p => Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$", (string)o[p]!));
            return;
        }

        using var document = JsonDocument.Parse(o.ToJsonString());
        var result = schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        Assert.True(result.IsValid, $"{o["id"]} does not match {type}:\n" + string.Join('\n',
            (result.Details ?? []).Where(d => d.Errors is { Count: > 0 }).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} {d.EvaluationPath}: {e.Value}"))));

        // Not in the schemas but mandatory (OParl 1.1, 3.1): created and modified on every object, embedded ones too.
        foreach (var inner in OParlCrawler.Objects(o))
        {
            Assert.True(inner["created"] is not null && inner["modified"] is not null, $"{inner["id"]} lacks created/modified");
        }
    }
}
