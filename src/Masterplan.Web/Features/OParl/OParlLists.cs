using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Masterplan.Web.Data;
using Masterplan.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.OParl;

/// <summary>
/// The parameters of an OParl list request (OParl 1.1, "Objektlisten und Paginierung"): the four time filters, <c>limit</c>,
/// <c>omit_internal</c> and our cursor (<c>after</c>: the list part and the id the page continues after, written by us into
/// <c>links.next</c>), read strictly so that a client learns at once what it got wrong.
/// </summary>
public sealed partial record ListQuery(
    DateTimeOffset? CreatedSince, DateTimeOffset? CreatedUntil, DateTimeOffset? ModifiedSince, DateTimeOffset? ModifiedUntil,
    int? Limit, bool OmitInternal, ListCursor? After)
{
    public const int DefaultLimit = 100;

    public const int MaxLimit = 1000;

    public int PageSize => Limit ?? DefaultLimit;

    /// <summary>Reads the query string; <paramref name="error"/> names the parameter and the form it needs when it cannot.</summary>
    public static ListQuery? Read(IQueryCollection query, out OParlError? error)
    {
        error = null;
        var moments = new DateTimeOffset?[4];
        string[] names = ["created_since", "created_until", "modified_since", "modified_until"];
        for (var i = 0; i < names.Length; i++)
        {
            if (!query.TryGetValue(names[i], out var raw))
            {
                continue;
            }

            if (Moment(raw.Count == 1 ? raw[0] : null) is not { } moment)
            {
                error = OParlError.BadRequest(
                    $"Der Parameter {names[i]} braucht einen Zeitpunkt der Form JJJJ-MM-TTThh:mm:ss±hh:mm zwischen {DateInput.Min.Year} und {DateInput.Max.Year}, zum Beispiel 2026-01-31T08:00:00+01:00.",
                    $"{names[i]}: expected one date-time yyyy-mm-ddThh:mm:ss±hh:mm (RFC 3339), got '{raw}'.");
                return null;
            }

            moments[i] = moment;
        }

        int? limit = null;
        if (query.TryGetValue("limit", out var rawLimit))
        {
            if (rawLimit.Count != 1 || !int.TryParse(rawLimit[0], NumberStyles.None, CultureInfo.InvariantCulture, out var l) || l < 1 || l > MaxLimit)
            {
                error = OParlError.BadRequest(
                    $"Der Parameter limit braucht eine ganze Zahl von 1 bis {MaxLimit}.", $"limit: expected an integer from 1 to {MaxLimit}, got '{rawLimit}'.");
                return null;
            }

            limit = l;
        }

        if (query.ContainsKey("page"))
        {
            // Pages are not numbered (so no page is counted or skipped to): a client that counts pages up would never stop.
            error = OParlError.BadRequest("Diese Schnittstelle blättert nicht mit page; die nächste Seite einer Liste steht in links.next.",
                "page is not supported: follow links.next (keyset pagination).");
            return null;
        }

        ListCursor? after = null;
        if (query.TryGetValue("after", out var rawAfter))
        {
            if (rawAfter.Count != 1 || ListCursor.Parse(rawAfter[0]) is not { } cursor)
            {
                error = OParlError.BadRequest("Der Parameter after ist ungültig; die nächste Seite einer Liste steht in links.next.",
                    $"after: expected the value from links.next (part-id), got '{rawAfter}'.");
                return null;
            }

            after = cursor;
        }

        var omit = query.TryGetValue("omit_internal", out var rawOmit) && string.Equals(rawOmit.ToString(), "true", StringComparison.Ordinal);
        return new ListQuery(moments[0], moments[1], moments[2], moments[3], limit, omit, after);
    }

    /// <summary>
    /// A full RFC 3339 date-time. A '+' that reached us unencoded arrives as a space; it can only have been the offset's
    /// sign, so it is read as one.
    /// </summary>
    private static DateTimeOffset? Moment(string? text)
    {
        if (text is null)
        {
            return null;
        }

        if (text.Length > 19 && text[^6] == ' ')
        {
            text = string.Concat(text.AsSpan(0, text.Length - 6), "+", text.AsSpan(text.Length - 5));
        }

        if (!MomentPattern().IsMatch(text)
            || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var moment)
            || !DateInput.InRange(DateOnly.FromDateTime(moment.UtcDateTime)))
        {
            return null;
        }

        return moment;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,7})?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex MomentPattern();

    /// <summary>The filters in one fixed order and spelling, so every page of a list has exactly one URL.</summary>
    public string Canonical(ListCursor? after)
    {
        var parts = new List<string>();
        void Add(string name, DateTimeOffset? value)
        {
            if (value is { } v)
            {
                parts.Add($"{name}={Uri.EscapeDataString(v.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture))}");
            }
        }

        Add("created_since", CreatedSince);
        Add("created_until", CreatedUntil);
        Add("modified_since", ModifiedSince);
        Add("modified_until", ModifiedUntil);
        if (Limit is { } limit)
        {
            parts.Add($"limit={limit}");
        }

        if (OmitInternal)
        {
            parts.Add("omit_internal=true");
        }

        if (after is { } cursor)
        {
            parts.Add($"after={cursor}");
        }

        return parts.Count == 0 ? "" : "?" + string.Join('&', parts);
    }
}

/// <summary>The error object of OParl 1.1 ("Ausnahmebehandlung"): German message for people, English details for developers.</summary>
public sealed record OParlError(int Status, string Message, string Debug)
{
    public static OParlError BadRequest(string message, string debug) => new(StatusCodes.Status400BadRequest, message, debug);

    public static OParlError NotFound(string path) =>
        new(StatusCodes.Status404NotFound, "Dieses Objekt gibt es in der OParl-Schnittstelle nicht.", $"No OParl object or list at {path}.");

    public IResult ToResult() => OParlJson.Result(new JsonObject
    {
        ["type"] = "https://schema.oparl.org/1.1/Error",
        ["message"] = Message,
        ["debug"] = Debug,
    }, Status);
}

/// <summary>How OParl objects are written: canonical URLs, the spec's date forms, no empty values.</summary>
public static class OParlJson
{
    public const string Version = "https://schema.oparl.org/1.1/";

    public const string Prefix = "/oparl/v1";

    /// <summary>An error object (small, never kept), written from a tree.</summary>
    public static IResult Result(JsonNode node, int status) => new NodeResult(node, status);

    public sealed class NodeResult(JsonNode node, int status) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            var response = httpContext.Response;
            response.StatusCode = status;
            response.ContentType = "application/json; charset=utf-8";
            await using (var writer = new Utf8JsonWriter(response.BodyWriter, OParlWriter.Options))
            {
                node.WriteTo(writer);
            }

            await response.BodyWriter.FlushAsync(httpContext.RequestAborted);
        }
    }

    /// <summary>A 200 answer as written (an object or a list page); <see cref="OParlCache"/> keeps it.</summary>
    public sealed class Answer(byte[] bytes) : IResult
    {
        public byte[] Bytes => bytes;

        public async Task ExecuteAsync(HttpContext httpContext)
        {
            var response = httpContext.Response;
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = "application/json; charset=utf-8";
            response.ContentLength = bytes.Length;
            await response.Body.WriteAsync(bytes, httpContext.RequestAborted);
        }
    }

    /// <summary>yyyy-mm-ddThh:mm:ss±hh:mm in Dortmund's time, as the spec writes date-times.</summary>
    public static string Moment(DateTimeOffset moment) =>
        TimeZoneInfo.ConvertTime(moment, CityTime.Zone).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Type(string name) => Version + name;
}

/// <summary>Where a list page continues: after the row with key <see cref="Id"/> of the list's part <see cref="Part"/>.</summary>
public readonly record struct ListCursor(int Part, int Id)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Part}-{Id}");

    public static ListCursor? Parse(string? text)
    {
        var dash = text?.IndexOf('-', StringComparison.Ordinal) ?? -1;
        return dash > 0
            && int.TryParse(text.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out var part)
            && int.TryParse(text.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? new ListCursor(part, id)
            : null;
    }
}

/// <summary>
/// One part of an external list: the live rows of one table, or the tombstones of one entity type. A list is usually one
/// table; the body's file list is two (the files of meetings, then those of papers), read as one sequence.
/// </summary>
public sealed class ListPart
{
    private ListPart(Func<int, int, CancellationToken, Task<(List<Written> Data, int Last, bool More)>> page) => Page = page;

    /// <summary>
    /// Up to <c>take</c> rows of this part with a key above <c>after</c>, written, in key order; the key of the last one
    /// written and whether more follow. One command: the rows come ordered by key from where the last page stopped, so no
    /// page counts or skips the rows before it.
    /// </summary>
    public Func<int, int, CancellationToken, Task<(List<Written> Data, int Last, bool More)>> Page { get; }

    /// <summary>The live objects of one table under the list's filters, in the order of their ids.</summary>
    public static ListPart Live<T>(IQueryable<T> live, ListQuery q, Func<List<T>, bool, Task<List<Written>>> map)
        where T : class, ITimestamped
    {
        var filtered = live;
        if (q.CreatedSince is { } cs)
        {
            filtered = filtered.Where(e => e.Created >= cs);
        }

        if (q.CreatedUntil is { } cu)
        {
            filtered = filtered.Where(e => e.Created <= cu);
        }

        if (q.ModifiedSince is { } ms)
        {
            filtered = filtered.Where(e => e.Modified >= ms);
        }

        if (q.ModifiedUntil is { } mu)
        {
            filtered = filtered.Where(e => e.Modified <= mu);
        }

        return new ListPart(async (after, take, ct) =>
        {
            // One row more than the page holds tells whether another page follows.
            var rows = await filtered.Where(e => EF.Property<int>(e, "Id") > after).OrderBy(e => EF.Property<int>(e, "Id")).Take(take + 1).AsNoTracking().ToListAsync(ct);
            var page = rows.Count > take ? rows[..take] : rows;
            return (page.Count == 0 ? [] : await map(page, q.OmitInternal), page.Count == 0 ? after : KeyOf<T>.Get(page[^1]), rows.Count > take);
        });
    }

    /// <summary>
    /// The deleted and depublished objects of one entity type, only for an update (spec 2.5: with <c>modified_since</c>,
    /// never without); <paramref name="scope"/> limits them to the ids a list below an object covers.
    /// </summary>
    public static ListPart? Dead(AppDbContext db, OParlWriter writer, ListQuery q, string entityType, IQueryable<int>? scope, Func<int, string> urlOf, string oparlType)
    {
        if (q.ModifiedSince is not { } since)
        {
            return null;
        }

        var dead = db.Tombstones.Where(t => t.EntityType == entityType && t.Deleted >= since);
        if (scope is not null)
        {
            dead = dead.Where(t => scope.Contains(t.EntityId));
        }

        if (q.ModifiedUntil is { } until)
        {
            dead = dead.Where(t => t.Deleted <= until);
        }

        if (q.CreatedSince is { } createdSince)
        {
            dead = dead.Where(t => t.Created >= createdSince);
        }

        if (q.CreatedUntil is { } createdUntil)
        {
            dead = dead.Where(t => t.Created <= createdUntil);
        }

        return new ListPart(async (after, take, ct) =>
        {
            var rows = await dead.Where(t => t.EntityId > after).OrderBy(t => t.EntityId).ThenBy(t => t.Id).Take(take + 1).AsNoTracking().ToListAsync(ct);
            var page = rows.Count > take ? rows[..take] : rows;
            return ([.. page.Select(t => writer.Deleted(urlOf(t.EntityId), oparlType, t))], page.Count == 0 ? after : page[^1].EntityId, rows.Count > take);
        });
    }

    /// <summary>The key of an entity (every table the API lists has an int <c>Id</c>), read by a compiled getter.</summary>
    private static class KeyOf<T>
    {
        public static readonly Func<T, int> Get = Build();

        private static Func<T, int> Build()
        {
            var row = System.Linq.Expressions.Expression.Parameter(typeof(T));
            return System.Linq.Expressions.Expression.Lambda<Func<T, int>>(System.Linq.Expressions.Expression.Property(row, "Id"), row).Compile();
        }
    }
}

/// <summary>One paginated external list (stable order by id; deleted objects at the end, and only with <c>modified_since</c>).</summary>
public static class OParlList
{
    /// <summary>A list of one table; <paramref name="scope"/> limits its tombstones to the ids of a list below an object.</summary>
    public static Task<IResult> WriteAsync<T>(
        HttpContext http, AppDbContext db, OParlWriter writer, OParlUrls urls, string listUrl, IQueryable<T> live, IQueryable<int>? scope, string entityType, string oparlType,
        Func<List<T>, bool, Task<List<Written>>> map, CancellationToken ct)
        where T : class, ITimestamped =>
        WriteAsync(http, listUrl, q => [ListPart.Live(live, q, map), ListPart.Dead(db, writer, q, entityType, scope, id => urls.Of(oparlType, id), oparlType)], ct);

    /// <summary>
    /// A list read from several parts in turn (live rows of each table first, then the tombstones). Keyset pages (OParl 1.1
    /// makes every <c>pagination</c> field optional and requires only <c>links.next</c>): a page starts after the part and
    /// key its cursor names, so nothing is counted and no rows are skipped, and a page written anew after a change costs
    /// its rows only.
    /// </summary>
    public static async Task<IResult> WriteAsync(HttpContext http, string listUrl, Func<ListQuery, IEnumerable<ListPart?>> parts, CancellationToken ct)
    {
        if (ListQuery.Read(http.Request.Query, out var error) is not { } given)
        {
            return error!.ToResult();
        }

        // The links repeat the filters as given; the database compares instants in UTC (PostgreSQL takes no other offset).
        var q = given with
        {
            CreatedSince = given.CreatedSince?.ToUniversalTime(), CreatedUntil = given.CreatedUntil?.ToUniversalTime(),
            ModifiedSince = given.ModifiedSince?.ToUniversalTime(), ModifiedUntil = given.ModifiedUntil?.ToUniversalTime(),
        };
        var all = parts(q).OfType<ListPart>().ToList();
        var size = q.PageSize;
        var start = q.After ?? new ListCursor(0, 0);
        var data = new List<Written>(size);
        ListCursor? next = null;
        for (var i = Math.Max(0, start.Part); i < all.Count && next is null; i++)
        {
            var want = size - data.Count;
            var (page, last, more) = await all[i].Page(i == start.Part ? start.Id : 0, want, ct);
            data.AddRange(page);
            if (more)
            {
                next = new ListCursor(i, last);
            }
            else if (data.Count == size)
            {
                // Full at the end of this part: the next page is the first part after it that has a row.
                for (var j = i + 1; j < all.Count && next is null; j++)
                {
                    if ((await all[j].Page(0, 0, ct)).More)
                    {
                        next = new ListCursor(j, 0);
                    }
                }

                break;
            }
        }

        return Envelope(given, listUrl, data, next);
    }

    /// <summary>A short list held in memory (the council terms), with the same filters and pages.</summary>
    public static IResult WriteFixed(HttpContext http, string listUrl, IReadOnlyList<(int Id, ITimestamped Stamps, Written Json)> all)
    {
        if (ListQuery.Read(http.Request.Query, out var error) is not { } q)
        {
            return error!.ToResult();
        }

        var after = q.After is { Part: 0 } cursor ? cursor.Id : q.After is null ? 0 : int.MaxValue;
        var matching = all.Where(x => x.Id > after && (q.CreatedSince is not { } cs || x.Stamps.Created >= cs) && (q.CreatedUntil is not { } cu || x.Stamps.Created <= cu)
            && (q.ModifiedSince is not { } ms || x.Stamps.Modified >= ms) && (q.ModifiedUntil is not { } mu || x.Stamps.Modified <= mu)).OrderBy(x => x.Id).ToList();
        var page = matching.Take(q.PageSize).ToList();
        return Envelope(q, listUrl, [.. page.Select(x => x.Json)], matching.Count > q.PageSize ? new ListCursor(0, page[^1].Id) : null);
    }

    private static OParlJson.Answer Envelope(ListQuery q, string self, List<Written> data, ListCursor? next) =>
        new(OParlWriter.Document(json =>
        {
            json.WriteStartObject();
            json.WriteStartArray("data");
            foreach (var o in data)
            {
                json.WriteRawValue(o.Bytes, skipInputValidation: true);
            }

            json.WriteEndArray();
            json.WriteStartObject("pagination");
            json.WriteNumber("elementsPerPage", q.PageSize);
            json.WriteEndObject();
            json.WriteStartObject("links");
            json.WriteString("first", self + q.Canonical(null));
            json.WriteString("self", self + q.Canonical(q.After));
            if (next is { } cursor)
            {
                json.WriteString("next", self + q.Canonical(cursor));
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }));
}

/// <summary>The canonical absolute URLs of the API, from the platform's public address (never from the request's Host).</summary>
public sealed class OParlUrls(string baseUrl)
{
    public string Base { get; } = baseUrl.TrimEnd('/');

    public string Absolute(string path) => Base + path;

    public string System => Base + OParlJson.Prefix + "/";

    /// <summary>The URL of the one body, once known (see <c>OParlObjects</c>).</summary>
    public string? MainBody { get; set; }

    /// <summary>An object by its OParl type name: <c>…/oparl/v1/meeting/7</c>.</summary>
    public string Of(string type, int id) => $"{Base}{OParlJson.Prefix}/{char.ToLowerInvariant(type[0])}{type[1..]}/{id}";

    public string List(string path) => $"{Base}{OParlJson.Prefix}/{path}";

    public string Web(string path) => Base + path;
}
