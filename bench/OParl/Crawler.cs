using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Masterplan.Bench.OParl;

/// <summary>
/// A strict OParl client: from the System object it follows every list's <c>links.next</c> and GETs every URL of the API
/// that appears in an answer (objects, embedded ones included, and the lists they name) exactly once, with
/// <paramref name="workers"/> requests in flight. The API writes its canonical URLs (<c>Mail:PlatformUrl</c>); they are
/// mapped onto the bench server. Without <paramref name="refetchEmbedded"/> it is a lean client that takes an object it got
/// in a list or embedded in another as it is and fetches only URLs it has no object for. File contents (<c>accessUrl</c>) are downloads, not objects, and are left out.
/// </summary>
internal sealed class Crawler(string baseUrl, int workers, bool refetchEmbedded = true)
{
    private readonly ConcurrentDictionary<string, byte> _seen = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _objects = new(StringComparer.Ordinal);
    private readonly ConcurrentBag<string> _failures = [];
    private readonly ConcurrentBag<string> _deferred = [];
    private string _canonical = "";
    private long _bytes;
    private int _requests;
    private int _listPages;
    private long _parseTicks;

    /// <summary>Distinct objects seen (by id), with their OParl type; deleted ones as "deleted".</summary>
    public IReadOnlyDictionary<string, string> Objects => _objects;

    public IReadOnlyCollection<string> Failures => _failures;

    public int Requests => _requests;

    public int ListPages => _listPages;

    public long Bytes => _bytes;

    /// <summary>Time the client spent reading answers (summed over its workers): its own share of the crawl's CPU.</summary>
    public TimeSpan ParseTime => Stopwatch.GetElapsedTime(0, _parseTicks);

    /// <summary>
    /// Crawls from the System object. <paramref name="query"/> (e.g. <c>?modified_since=…</c>) makes it an update: the
    /// body's lists and the organizations' lists with the filter, following <c>next</c>, and no single objects.
    /// </summary>
    public async Task<TimeSpan> RunAsync(string query = "")
    {
        using var client = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = workers, PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5), AutomaticDecompression = DecompressionMethods.None,
        })
        { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Accept.ParseAdd("application/json");
        var watch = Stopwatch.StartNew();
        var system = await GetAsync(client, "/oparl/v1/") ?? throw new InvalidOperationException("no System object");
        _canonical = ((string)system["id"]!)[..^"/oparl/v1/".Length];
        var update = query.Length > 0;
        var first = new List<string>();
        if (update)
        {
            // An update walks the lists only: the body's, then (from the organizations it gets) each organization's.
            var body = await GetAsync(client, Path((string)system["body"]!)) ?? throw new InvalidOperationException("no body list");
            foreach (var b in body["data"]!.AsArray())
            {
                foreach (var list in new[] { "organization", "person", "meeting", "paper", "agendaItem", "consultation", "file", "membership", "locationList", "legislativeTermList" })
                {
                    first.Add(Path((string)b![list]!) + query);
                }
            }
        }
        else
        {
            Visit(system, first.Add);
        }

        _seen.TryAdd("/oparl/v1/", 0);
        await PumpAsync(client, first, query);

        // The lean client, once it has every list: the objects it has not got yet.
        var missing = _deferred.Distinct().Where(p => !_seen.ContainsKey(p)).ToList();
        if (missing.Count > 0)
        {
            await PumpAsync(client, missing, query);
        }

        return watch.Elapsed;
    }

    private async Task PumpAsync(HttpClient client, List<string> start, string query)
    {
        var update = query.Length > 0;
        using var queue = new BlockingCollection<string>();
        var pending = 0;
        void Enqueue(string path)
        {
            if (_seen.TryAdd(path, 0))
            {
                Interlocked.Increment(ref pending);
                queue.Add(path);
            }
        }

        foreach (var path in start)
        {
            Enqueue(path);
        }

        if (pending == 0)
        {
            return;
        }

        var tasks = Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            foreach (var path in queue.GetConsumingEnumerable())
            {
                try
                {
                    var bytes = await GetBytesAsync(client, path);
                    if (bytes is not null)
                    {
                        // Read once with a forward-only reader: books the objects, queues the URLs, finds links.next.
                        var started = Stopwatch.GetTimestamp();
                        var next = Scan(bytes, update ? null : Enqueue);
                        Interlocked.Add(ref _parseTicks, Stopwatch.GetTimestamp() - started);
                        if (next is not null)
                        {
                            Interlocked.Increment(ref _listPages);
                            Enqueue(Path(next));
                        }
                        else if (IsListPage(bytes))
                        {
                            Interlocked.Increment(ref _listPages);
                        }

                        if (update && path.Contains("/organization?", StringComparison.Ordinal))
                        {
                            foreach (var o in JsonNode.Parse(bytes)!["data"]!.AsArray().Where(o => o!["deleted"] is null))
                            {
                                Enqueue(Path((string)o!["meeting"]!) + query);
                                Enqueue(Path((string)o!["consultation"]!) + query);
                            }
                        }
                    }
                }
                catch (Exception e)
                {
                    _failures.Add($"{path}: {e.Message}");
                }
                finally
                {
                    if (Interlocked.Decrement(ref pending) == 0)
                    {
                        queue.CompleteAdding();
                    }
                }
            }
        })).ToList();
        await Task.WhenAll(tasks);
    }

    private string Path(string url) => url.StartsWith(_canonical, StringComparison.Ordinal) ? url[_canonical.Length..] : url;

    private async Task<JsonNode?> GetAsync(HttpClient client, string path) =>
        await GetBytesAsync(client, path) is { } bytes ? JsonNode.Parse(bytes) : null;

    private async Task<byte[]?> GetBytesAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Interlocked.Increment(ref _requests);
        Interlocked.Add(ref _bytes, bytes.Length);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            _failures.Add($"{path}: {(int)response.StatusCode} {System.Text.Encoding.UTF8.GetString(bytes)[..Math.Min(200, bytes.Length)]}");
            return null;
        }

        return bytes;
    }

    private static bool IsListPage(byte[] bytes) => bytes.AsSpan().StartsWith("{\"data\":"u8);

    private const string TypePrefix = "https://schema.oparl.org/1.1/";

    /// <summary>
    /// What <see cref="Visit"/> does, in one pass of a <see cref="Utf8JsonReader"/> over the answer instead of a
    /// <see cref="JsonNode"/> tree (the strict crawl reads ~100 MiB; the tree and its walk cost the client as much CPU as the
    /// server's own work for a cached object). Returns the page's <c>links.next</c>, if any.
    /// </summary>
    private string? Scan(byte[] bytes, Action<string>? enqueue)
    {
        var reader = new Utf8JsonReader(bytes);
        // One frame per open object: its id, type and deleted flag, booked when it closes.
        var frames = new Stack<(string? Id, string? Type, bool Deleted)>();
        string? property = null;
        string? next = null;
        var linksDepth = -1;
        var linksSeen = false;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    property = reader.GetString();
                    if (property == "links" && !linksSeen && reader.CurrentDepth == 1)
                    {
                        linksSeen = true;
                        linksDepth = reader.CurrentDepth;
                    }

                    break;
                case JsonTokenType.StartObject:
                    frames.Push((null, null, false));
                    break;
                case JsonTokenType.EndObject:
                    var (id, type, deleted) = frames.Pop();
                    if (linksDepth >= 0 && reader.CurrentDepth == linksDepth)
                    {
                        linksDepth = -1; // the page's links closed
                    }

                    if (id is not null && type is not null && type.StartsWith(TypePrefix, StringComparison.Ordinal))
                    {
                        _objects[Path(id)] = deleted ? "deleted" : type[TypePrefix.Length..];
                        if (!refetchEmbedded)
                        {
                            _seen.TryAdd(Path(id), 0);
                        }
                    }

                    break;
                case JsonTokenType.True when property == "deleted":
                    var top = frames.Pop();
                    frames.Push(top with { Deleted = true });
                    break;
                case JsonTokenType.String:
                    var s = reader.GetString()!;
                    if (linksDepth >= 0)
                    {
                        // links.first/last/prev/self of a list page: the crawl reaches every page through next.
                        if (property == "next")
                        {
                            next = s;
                        }

                        break;
                    }

                    if (reader.CurrentDepth > 0 && frames.Count > 0 && (property == "id" || property == "type"))
                    {
                        var frame = frames.Pop();
                        frames.Push(property == "id" ? frame with { Id = frame.Id ?? s } : frame with { Type = frame.Type ?? s });
                    }

                    if (enqueue is not null && s.StartsWith(_canonical + "/oparl/", StringComparison.Ordinal) && !s.EndsWith("/content", StringComparison.Ordinal))
                    {
                        if (!refetchEmbedded && char.IsAsciiDigit(s[^1]))
                        {
                            _deferred.Add(Path(s));
                        }
                        else
                        {
                            enqueue(Path(s));
                        }
                    }

                    break;
            }
        }

        return next;
    }

    /// <summary>Books every object in the tree; with <paramref name="enqueue"/>, queues every API URL in it.</summary>
    private void Visit(JsonNode? node, Action<string>? enqueue)
    {
        switch (node)
        {
            case JsonObject o:
                if (o["type"] is JsonValue t && o["id"] is JsonValue id && ((string)t!).StartsWith("https://schema.oparl.org/1.1/", StringComparison.Ordinal))
                {
                    _objects[Path((string)id!)] = o["deleted"] is JsonValue d && (bool)d! ? "deleted" : ((string)t!)["https://schema.oparl.org/1.1/".Length..];
                    if (!refetchEmbedded)
                    {
                        _seen.TryAdd(Path((string)id!), 0);
                    }
                }

                foreach (var (name, value) in o)
                {
                    // links.first/last/prev/self of a list page: the crawl reaches every page through next.
                    if (name != "links")
                    {
                        Visit(value, enqueue);
                    }
                }

                break;
            case JsonArray a:
                foreach (var value in a)
                {
                    Visit(value, enqueue);
                }

                break;
            case JsonValue v when enqueue is not null && v.GetValueKind() == JsonValueKind.String:
                var s = (string)v!;
                if (s.StartsWith(_canonical + "/oparl/", StringComparison.Ordinal) && !s.EndsWith("/content", StringComparison.Ordinal))
                {
                    if (!refetchEmbedded && char.IsAsciiDigit(s[^1]))
                    {
                        _deferred.Add(Path(s));
                    }
                    else
                    {
                        enqueue(Path(s));
                    }
                }

                break;
        }
    }
}
