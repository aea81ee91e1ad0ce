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
/// <c>omit_internal</c> and our page number, read strictly so that a client learns at once what it got wrong.
/// </summary>
public sealed partial record ListQuery(
    DateTimeOffset? CreatedSince, DateTimeOffset? CreatedUntil, DateTimeOffset? ModifiedSince, DateTimeOffset? ModifiedUntil,
    int? Limit, bool OmitInternal, int Page)
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

        var page = 1;
        if (query.TryGetValue("page", out var rawPage)
            && (rawPage.Count != 1 || !int.TryParse(rawPage[0], NumberStyles.None, CultureInfo.InvariantCulture, out page) || page < 1))
        {
            error = OParlError.BadRequest("Der Parameter page braucht eine ganze Zahl ab 1.", $"page: expected an integer of at least 1, got '{rawPage}'.");
            return null;
        }

        var omit = query.TryGetValue("omit_internal", out var rawOmit) && string.Equals(rawOmit.ToString(), "true", StringComparison.Ordinal);
        return new ListQuery(moments[0], moments[1], moments[2], moments[3], limit, omit, page);
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
    public string Canonical(int page)
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

        if (page > 1)
        {
            parts.Add($"page={page}");
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

/// <summary>
/// One part of an external list: the live rows of one table, or the tombstones of one entity type. A list is usually one
/// table; the body's file list is two (the files of meetings, then those of papers), read as one sequence.
/// </summary>
public sealed class ListPart
{
    private ListPart(Func<CancellationToken, Task<int>> count, Func<int, int, CancellationToken, Task<List<Written>>> page)
    {
        Count = count;
        Page = page;
    }

    public Func<CancellationToken, Task<int>> Count { get; }

    /// <summary>Rows <c>skip</c> to <c>skip + take</c> of this part, written.</summary>
    public Func<int, int, CancellationToken, Task<List<Written>>> Page { get; }

    /// <summary>The live objects of one table under the list's filters, in the order of their ids.</summary>
    public static ListPart Live<T>(AppDbContext db, IQueryable<T> live, ListQuery q, Func<List<T>, bool, Task<List<Written>>> map)
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

        return new ListPart(ct => filtered.CountAsync(ct), async (skip, take, ct) =>
        {
            // The page's ids first, then its rows: skipping to a middle page then orders narrow ids (or reads the primary key
            // index) instead of sorting thousands of whole rows (the middle page of 10,000 files took 40 ms that way). The
            // rows are read by key alone: the ids come from the filtered query.
            var ids = await filtered.OrderBy(e => EF.Property<int>(e, "Id")).Select(e => EF.Property<int>(e, "Id")).Skip(skip).Take(take).ToListAsync(ct);
            var rows = ids.Count == 0
                ? []
                : await db.Set<T>().Where(e => ids.Contains(EF.Property<int>(e, "Id"))).OrderBy(e => EF.Property<int>(e, "Id")).AsNoTracking().ToListAsync(ct);
            return await map(rows, q.OmitInternal);
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

        return new ListPart(ct => dead.CountAsync(ct), async (skip, take, ct) =>
            [.. (await dead.OrderBy(t => t.EntityId).Skip(skip).Take(take).AsNoTracking().ToListAsync(ct)).Select(t => writer.Deleted(urlOf(t.EntityId), oparlType, t))]);
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
        WriteAsync(http, listUrl, q => [ListPart.Live(db, live, q, map), ListPart.Dead(db, writer, q, entityType, scope, id => urls.Of(oparlType, id), oparlType)], ct);

    /// <summary>A list read from several parts in turn (live rows of each table first, then the tombstones).</summary>
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
        var counts = new List<int>(all.Count);
        foreach (var part in all)
        {
            counts.Add(await part.Count(ct));
        }

        var total = counts.Sum();
        var size = q.PageSize;
        var pages = Math.Max(1, (total + size - 1) / size);
        if (q.Page > pages)
        {
            return BeyondLast(q, pages);
        }

        var skip = (q.Page - 1) * size;
        var data = new List<Written>(size);
        for (var i = 0; i < all.Count && data.Count < size; i++)
        {
            if (skip >= counts[i])
            {
                skip -= counts[i];
                continue;
            }

            data.AddRange(await all[i].Page(skip, Math.Min(size - data.Count, counts[i] - skip), ct));
            skip = 0;
        }

        return Envelope(given, listUrl, data, total, pages);
    }

    /// <summary>A short list held in memory (the council terms), with the same filters and pages.</summary>
    public static IResult WriteFixed(HttpContext http, string listUrl, IReadOnlyList<(ITimestamped Stamps, Written Json)> all)
    {
        if (ListQuery.Read(http.Request.Query, out var error) is not { } q)
        {
            return error!.ToResult();
        }

        var matching = all.Where(x => (q.CreatedSince is not { } cs || x.Stamps.Created >= cs) && (q.CreatedUntil is not { } cu || x.Stamps.Created <= cu)
            && (q.ModifiedSince is not { } ms || x.Stamps.Modified >= ms) && (q.ModifiedUntil is not { } mu || x.Stamps.Modified <= mu)).Select(x => x.Json).ToList();
        var pages = Math.Max(1, (matching.Count + q.PageSize - 1) / q.PageSize);
        return q.Page > pages
            ? BeyondLast(q, pages)
            : Envelope(q, listUrl, [.. matching.Skip((q.Page - 1) * q.PageSize).Take(q.PageSize)], matching.Count, pages);
    }

    private static IResult BeyondLast(ListQuery q, int pages) =>
        new OParlError(StatusCodes.Status404NotFound, $"Diese Liste hat nur {pages} Seiten.", $"page {q.Page} is beyond the last page, {pages}.").ToResult();

    private static OParlJson.Answer Envelope(ListQuery q, string self, List<Written> data, int total, int pages) =>
        new OParlJson.Answer(OParlWriter.Document(json =>
        {
            json.WriteStartObject();
            json.WriteStartArray("data");
            foreach (var o in data)
            {
                json.WriteRawValue(o.Bytes, skipInputValidation: true);
            }

            json.WriteEndArray();
            json.WriteStartObject("pagination");
            json.WriteNumber("totalElements", total);
            json.WriteNumber("elementsPerPage", q.PageSize);
            json.WriteNumber("currentPage", q.Page);
            json.WriteNumber("totalPages", pages);
            json.WriteEndObject();
            json.WriteStartObject("links");
            json.WriteString("first", self + q.Canonical(1));
            json.WriteString("self", self + q.Canonical(q.Page));
            json.WriteString("last", self + q.Canonical(pages));
            if (q.Page > 1)
            {
                json.WriteString("prev", self + q.Canonical(q.Page - 1));
            }

            if (q.Page < pages)
            {
                json.WriteString("next", self + q.Canonical(q.Page + 1));
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
