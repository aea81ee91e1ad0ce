using Masterplan.Web.Data;
using Masterplan.Web.Features.Districts;
using Masterplan.Web.Features.Meetings;
using Masterplan.Web.Features.Organizations;
using Masterplan.Web.Features.Papers;
using Masterplan.Web.Shared;
using Masterplan.Web.Shared.Mail;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Masterplan.Web.Features.OParl;

/// <summary>
/// The OParl 1.1 API at <c>/oparl/v1/</c>: one System, one Body (Stadt Dortmund), and the bodies, persons, memberships,
/// meetings, agenda items, files, papers, consultations, locations and council terms of the platform, read-only and
/// anonymous. Every answer is JSON with <c>Access-Control-Allow-Origin: *</c>, errors included (OParl's error object).
/// </summary>
public sealed class OParlModule : IModule
{
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(sp => new OParlUrls(sp.GetRequiredService<IOptions<MailOptions>>().Value.BaseUrl));
        services.AddScoped<OParlWriter>();
        services.AddScoped<OParlObjects>();

        // Everything the API shows: a change of any of these moves the version its cache is valid for.
        services.AddSingleton(new DataVersion(OParlCache.VersionName, new HashSet<Type>
        {
            typeof(Body), typeof(Organization), typeof(Person), typeof(Membership), typeof(Meeting), typeof(AgendaItem), typeof(AgendaLink),
            typeof(MeetingDocument), typeof(Paper), typeof(PaperRelation), typeof(PaperFile), typeof(Consultation), typeof(District),
        }));
        services.AddSingleton<OParlCache>();

        // A consultation names the public agenda item that treats it (OParlObjects' matching, by the items that link its
        // paper): when such an item is depublished, deleted or public again, the consultations of its papers change too.
        services.AddSingleton(new LinkedFrom(typeof(AgendaItem), async (db, id, ct) =>
        {
            var papers = db.AgendaLinks.Where(l => l.AgendaItemId == id && l.Kind == AgendaLinkKind.Paper && l.TargetId != null).Select(l => l.TargetId!.Value);
            return [.. (await db.Consultations.Where(c => papers.Contains(c.PaperId)).Select(c => c.Id).ToListAsync(ct)).Select(c => (typeof(Consultation), c))];
        }));
    }

    /// <summary>
    /// CORS for every answer under <c>/oparl</c>, and OParl's error object instead of the site's HTML error pages: for
    /// routing's own 404 and 405 and for anything unexpected.
    /// </summary>
    public void UseMiddleware(WebApplication app) => app.Use(async (context, next) =>
    {
        if (!context.Request.Path.StartsWithSegments("/oparl"))
        {
            await next(context);
            return;
        }

        context.Response.OnStarting(() =>
        {
            context.Response.Headers.AccessControlAllowOrigin = "*";
            return Task.CompletedTask;
        });
        if (context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodePagesFeature>() is { } pages)
        {
            pages.Enabled = false;
        }

        if (HttpMethods.IsHead(context.Request.Method))
        {
            // The handlers write as for GET; the body goes nowhere (Kestrel drops it for HEAD anyway, other servers may not).
            var body = context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpResponseBodyFeature>()!;
            context.Features.Set<Microsoft.AspNetCore.Http.Features.IHttpResponseBodyFeature>(new StreamResponseBodyFeature(Stream.Null, body));
        }

        try
        {
            await next(context);
        }
        catch (Exception e) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            context.RequestServices.GetRequiredService<ILogger<OParlModule>>().LogError(e, "Unhandled error in OParl request {Path}", context.Request.Path);
            context.Response.Clear();
            await new OParlError(StatusCodes.Status500InternalServerError, "Ein unerwarteter Fehler ist aufgetreten.", "Internal error; it has been logged.")
                .ToResult().ExecuteAsync(context);
            return;
        }

        if (!context.Response.HasStarted && context.Response.StatusCode >= 400 && context.Response.ContentType is null)
        {
            var error = context.Response.StatusCode == StatusCodes.Status405MethodNotAllowed
                ? new OParlError(405, "Die OParl-Schnittstelle kann nur gelesen werden (GET, HEAD).", "Only GET and HEAD are allowed.")
                : OParlError.NotFound(context.Request.Path);
            await error.ToResult().ExecuteAsync(context);
        }
    });

    /// <summary>Every URL of the API answers GET, and HEAD with the same status and headers and no body (HTTP's rule).</summary>
    private static readonly string[] Read = [HttpMethods.Get, HttpMethods.Head];

    public void MapEndpoints(WebApplication app)
    {
        var api = app.MapGroup(OParlJson.Prefix).AllowAnonymous().ExcludeFromDescription();

        // Objects and list pages come from the cache while nothing the API shows has changed (OParlCache); a list page's key
        // is its URL as asked, an object's is its id, under which list pages and other objects store it too.
        api.MapMethods("/", Read, (HttpContext http, AppDbContext db, OParlCache cache, OParlObjects o, CancellationToken ct) =>
            cache.AnswerAsync(http, db, o.Writer, o.Urls.System, async () => new OParlJson.Answer((await o.SystemAsync(ct)).Bytes), ct));
        api.MapMethods("/body", Read, (HttpContext http, AppDbContext db, OParlCache cache, OParlObjects o, CancellationToken ct) =>
            cache.AnswerAsync(http, db, o.Writer, ListKey(http, o), () =>
                OParlList.WriteAsync(http, db, o.Writer, o.Urls, o.Urls.List("body"), o.Bodies, null, "Body", "Body", (rows, omit) => o.BodiesAsync(rows, omit, ct), ct), ct));
        api.MapMethods("/body/{id:int}/{list}", Read, (int id, string list, HttpContext http, AppDbContext db, OParlCache cache, OParlObjects o, CancellationToken ct) =>
            cache.AnswerAsync(http, db, o.Writer, ListKey(http, o), () => BodyListAsync(id, list, http, db, o, ct), ct));
        api.MapMethods("/organization/{id:int}/meeting", Read, (int id, HttpContext http, AppDbContext db, OParlCache cache, OParlObjects o, CancellationToken ct) =>
            cache.AnswerAsync(http, db, o.Writer, ListKey(http, o), async () => !await o.Organizations.AnyAsync(x => x.Id == id, ct)
                ? OParlError.NotFound(http.Request.Path).ToResult()
                : await OParlList.WriteAsync(http, db, o.Writer, o.Urls, o.Urls.Of("Organization", id) + "/meeting", o.Meetings.Where(m => m.OrganizationId == id),
                    db.Set<Meeting>().Where(m => m.OrganizationId == id).Select(m => m.Id), "Meeting", "Meeting", (rows, omit) => o.MeetingsAsync(rows, omit, ct), ct), ct));
        api.MapMethods("/organization/{id:int}/consultation", Read, (int id, HttpContext http, AppDbContext db, OParlCache cache, OParlObjects o, CancellationToken ct) =>
            cache.AnswerAsync(http, db, o.Writer, ListKey(http, o), async () => !await o.Organizations.AnyAsync(x => x.Id == id, ct)
                ? OParlError.NotFound(http.Request.Path).ToResult()
                : await OParlList.WriteAsync(http, db, o.Writer, o.Urls, o.Urls.Of("Organization", id) + "/consultation", o.Consultations.Where(c => c.OrganizationId == id),
                    null, "Consultation", "Consultation", (rows, omit) => o.ConsultationsAsync(rows, omit, ct), ct), ct));
        api.MapMethods("/file/{id:int}/content", Read, FileContentAsync);
        api.MapMethods("/paperFile/{id:int}/content", Read, PaperFileContentAsync);
        api.MapMethods("/{type}/{id:int}", Read, (string type, int id, HttpContext http, AppDbContext db, OParlCache cache, OParlObjects o, CancellationToken ct) =>
            cache.AnswerAsync(http, db, o.Writer, o.Urls.Absolute(http.Request.Path), () => ObjectAsync(type, id, http, db, o, ct), ct));
    }

    private static readonly HashSet<string> ListParameters = ["created_since", "created_until", "modified_since", "modified_until", "limit", "omit_internal", "after"];

    /// <summary>
    /// A list page's cache key: its URL with the query as the client wrote it (so each spelling is its own entry); none for a
    /// query with other parameters, so that made-up ones cannot fill the cache with copies.
    /// </summary>
    private static string? ListKey(HttpContext http, OParlObjects o) =>
        http.Request.Query.Keys.All(ListParameters.Contains) ? o.Urls.Absolute(http.Request.Path + http.Request.QueryString) : null;

    /// <summary>The external lists of the body; the body is the only one, so every list covers the whole platform.</summary>
    private static async Task<IResult> BodyListAsync(int id, string list, HttpContext http, AppDbContext db, OParlObjects o, CancellationToken ct)
    {
        if (!await o.Bodies.AnyAsync(b => b.Id == id, ct))
        {
            return OParlError.NotFound(http.Request.Path).ToResult();
        }

        var url = o.Urls.Of("Body", id) + "/" + list;
        return list switch
        {
            "organization" => await OParlList.WriteAsync(http, db, o.Writer, o.Urls, url, o.Organizations, null, "Organization", "Organization", (r, x) => o.OrganizationsAsync(r, x, ct), ct),
            "person" => await OParlList.WriteAsync(http, db, o.Writer, o.Urls, url, o.Persons, null, "Person", "Person", (r, x) => o.PersonsAsync(r, x, ct), ct),
            "membership" => await OParlList.WriteAsync(http, db, o.Writer, o.Urls, url, o.Memberships, null, "Membership", "Membership", (r, x) => o.MembershipsAsync(r, x, ct), ct),
            "meeting" => await OParlList.WriteAsync(http, db, o.Writer, o.Urls, url, o.Meetings, null, "Meeting", "Meeting", (r, x) => o.MeetingsAsync(r, x, ct), ct),
            "agendaItem" => await OParlList.WriteAsync(http, db, o.Writer, o.Urls, url, o.AgendaItems, null, "AgendaItem", "AgendaItem", (r, x) => o.AgendaItemsAsync(r, x, ct), ct),
            // The files of meetings and agenda items, then those of papers.
            "file" => await OParlList.WriteAsync(http, url, q =>
            [
                ListPart.Live(o.Files, q, (r, x) => o.FilesAsync(r, x, ct)),
                ListPart.Live(o.PaperFiles, q, (r, x) => o.PaperFilesAsync(r, x, ct)),
                ListPart.Dead(db, o.Writer, q, "MeetingDocument", null, i => o.Urls.Of("File", i), "File"),
                ListPart.Dead(db, o.Writer, q, nameof(PaperFile), null, i => o.Urls.Of(nameof(PaperFile), i), "File"),
            ], ct),
            "paper" => await OParlList.WriteAsync(http, db, o.Writer, o.Urls, url, o.Papers, null, "Paper", "Paper", (r, x) => o.PapersAsync(r, x, ct), ct),
            "consultation" => await OParlList.WriteAsync(http, db, o.Writer, o.Urls, url, o.Consultations, null, "Consultation", "Consultation", (r, x) => o.ConsultationsAsync(r, x, ct), ct),
            "location" => await OParlList.WriteAsync(http, db, o.Writer, o.Urls, url, o.Locations, null, "District", "Location", (r, x) => o.LocationsAsync(r, x, ct), ct),
            "legislativeTerm" => await TermsAsync(http, o, db, url, id, ct),
            _ => OParlError.NotFound(http.Request.Path).ToResult(),
        };
    }

    /// <summary>The council terms: a fixed list, filtered like every other by the times they carry (the body's).</summary>
    private static async Task<IResult> TermsAsync(HttpContext http, OParlObjects o, AppDbContext db, string url, int bodyId, CancellationToken ct)
    {
        var body = await db.Bodies.AsNoTracking().SingleAsync(b => b.Id == bodyId, ct);
        return OParlList.WriteFixed(http, url, [.. LegislativeTerm.All.Select(t => (t.Id, (ITimestamped)body, o.Term(t, body)))]);
    }

    /// <summary>One object by its canonical URL; a deleted or depublished one as its tombstone, anything else 404.</summary>
    private static async Task<IResult> ObjectAsync(string type, int id, HttpContext http, AppDbContext db, OParlObjects o, CancellationToken ct)
    {
        var (found, entity, oparlType) = type switch
        {
            "paperFile" => (await One(o.PaperFiles, id, r => o.PaperFilesAsync(r, false, ct), ct), nameof(PaperFile), "File"),
            "body" => (await One(o.Bodies, id, r => o.BodiesAsync(r, false, ct), ct), "Body", null),
            "organization" => (await One(o.Organizations, id, r => o.OrganizationsAsync(r, false, ct), ct), "Organization", null),
            "person" => (await One(o.Persons, id, r => o.PersonsAsync(r, false, ct), ct), "Person", null),
            "membership" => (await One(o.Memberships, id, r => o.MembershipsAsync(r, false, ct), ct), "Membership", null),
            "meeting" => (await One(o.Meetings, id, r => o.MeetingsAsync(r, false, ct), ct), "Meeting", null),
            "agendaItem" => (await One(o.AgendaItems, id, r => o.AgendaItemsAsync(r, false, ct), ct), "AgendaItem", null),
            "file" => (await One(o.Files, id, r => o.FilesAsync(r, false, ct), ct), "MeetingDocument", null),
            "paper" => (await One(o.Papers, id, r => o.PapersAsync(r, false, ct), ct), "Paper", null),
            "consultation" => (await One(o.Consultations, id, r => o.ConsultationsAsync(r, false, ct), ct), "Consultation", null),
            "location" => (await One(o.Locations, id, r => o.LocationsAsync(r, false, ct), ct), "District", null),
            "legislativeTerm" => (await TermAsync(db, o, id, ct), null, null),
            _ => ((Written?)null, null, null),
        };
        if (found is not null)
        {
            return new OParlJson.Answer(found.Bytes);
        }

        var tombstone = entity is null ? null : await db.Tombstones.AsNoTracking().FirstOrDefaultAsync(t => t.EntityType == entity && t.EntityId == id, ct);
        if (tombstone is not null)
        {
            oparlType ??= char.ToUpperInvariant(type[0]) + type[1..];
            return new OParlJson.Answer(o.Writer.Deleted(o.Urls.Of(type, id), oparlType, tombstone).Bytes);
        }

        return OParlError.NotFound(http.Request.Path).ToResult();
    }

    private static async Task<Written?> TermAsync(AppDbContext db, OParlObjects o, int id, CancellationToken ct) =>
        LegislativeTerm.All.FirstOrDefault(t => t.Id == id) is { } term
            ? o.Term(term, await db.Bodies.AsNoTracking().OrderBy(b => b.Id).FirstAsync(ct))
            : null;

    private static async Task<Written?> One<T>(IQueryable<T> set, int id, Func<List<T>, Task<List<Written>>> map, CancellationToken ct)
        where T : class
    {
        var rows = await set.Where(e => EF.Property<int>(e, "Id") == id).AsNoTracking().ToListAsync(ct);
        return rows.Count == 0 ? null : (await map(rows))[0];
    }

    /// <summary>
    /// The file itself for <c>accessUrl</c>: shown inline (no <c>attachment</c>, as OParl requires); <c>downloadUrl</c> is the
    /// meeting page's download, which sends it as an attachment with its name.
    /// </summary>
    private static async Task<IResult> FileContentAsync(int id, HttpContext http, AppDbContext db, OParlObjects o, CancellationToken ct)
    {
        var document = await o.Files.AsNoTracking().Where(d => d.Id == id).Select(d => new { d.MediaType, d.Sha512, d.Modified }).FirstOrDefaultAsync(ct);
        if (document is null)
        {
            return OParlError.NotFound(http.Request.Path).ToResult();
        }

        var content = await db.DocumentContents.AsNoTracking().SingleAsync(c => c.Id == id, ct);
        http.Response.Headers.CacheControl = "public, max-age=300";
        return Results.File(content.Data, document.MediaType, lastModified: document.Modified,
            entityTag: new Microsoft.Net.Http.Headers.EntityTagHeaderValue($"\"{document.Sha512[..32].ToLowerInvariant()}\""));
    }

    /// <summary>A paper's file for <c>accessUrl</c>, inline; <c>downloadUrl</c> is the paper page's download (an attachment).</summary>
    private static async Task<IResult> PaperFileContentAsync(int id, HttpContext http, AppDbContext db, OParlObjects o, CancellationToken ct)
    {
        var file = await o.PaperFiles.AsNoTracking().Where(f => f.Id == id).Select(f => new { f.MediaType, f.Sha512, f.Modified }).FirstOrDefaultAsync(ct);
        if (file is null)
        {
            return OParlError.NotFound(http.Request.Path).ToResult();
        }

        var content = await db.PaperFileContents.AsNoTracking().SingleAsync(c => c.Id == id, ct);
        http.Response.Headers.CacheControl = "public, max-age=300";
        return Results.File(content.Data, file.MediaType, lastModified: file.Modified,
            entityTag: new Microsoft.Net.Http.Headers.EntityTagHeaderValue($"\"{file.Sha512[..32].ToLowerInvariant()}\""));
    }
}
