using System.Security.Cryptography;
using System.Text;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Organizations;
using Masterplan.Web.Shared;
using Masterplan.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Meetings;

/// <summary>Settings of the meetings module (<c>Meetings:*</c>).</summary>
public sealed class MeetingsOptions
{
    /// <summary>Largest document upload in megabytes (configurable, docs/domain.md#meetings).</summary>
    public int MaxUploadMegabytes { get; set; } = 20;
}

public sealed class MeetingsModule : IModule
{
    /// <summary>The Office schedules meetings, keeps agendas, attendance, votes, minutes and follow-up.</summary>
    public const string Manage = "Meetings.Manage";

    /// <summary>
    /// Papers put on an agenda read their meeting and item through the agenda link; uploads share one content check; OParl
    /// and Participation read meetings, items, documents and recommendations through the one visibility rule.
    /// </summary>
    public IReadOnlyList<Type> PublicApi =>
    [
        typeof(Meeting), typeof(MeetingState), typeof(AgendaItem), typeof(AgendaLink), typeof(AgendaLinkKind), typeof(MeetingDocument), typeof(DocumentContent),
        typeof(MeetingViewer), typeof(MeetingVisibility), typeof(Recommendation), typeof(AddresseeKind), typeof(UploadedFile), typeof(MeetingRules),
        typeof(RecommendationTakeUp), typeof(RecommendationTakeUps),
    ];

    public IReadOnlyList<PageAccess> Pages =>
    [
        PageAccess.Folder("/Meetings/Manage", Manage),
        PageAccess.PublicPage("/Meetings/Index"),
        PageAccess.PublicPage("/Meetings/Details"),
        PageAccess.PublicPage("/Meetings/Recommendations"),
    ];

    public IReadOnlyList<NavigationEntry> Navigation =>
    [
        new(NavigationArea.Main, 30, "Sitzungen", "/sitzungen"),
        new(NavigationArea.TakePart, 30, "Sitzungen besuchen", "/sitzungen")
        {
            Description = "Öffentliche Sitzungen können alle besuchen. Termine, Tagesordnungen und Niederschriften stehen hier; Sie können die Termine auch in Ihren Kalender übernehmen.",
        },
        new(NavigationArea.Account, 30, "Sitzungen verwalten", "/verwaltung/sitzungen", Manage),
        new(NavigationArea.Account, 100, "Mein Sitzungskalender", "/sitzungen/kalender"),
    ];

    public IEnumerable<string> TranslationLabels => ((IEnumerable<string>)["Sitzungen", "Niederschrift freigegeben"]).Concat(Enum.GetValues<MeetingState>().Select(StateLabel)
            .Concat(Enum.GetValues<AddresseeKind>().Select(AddresseeLabel))
            .Concat(Enum.GetValues<RecommendationStatus>().Select(StatusLabel))
            .Concat(Enum.GetValues<MinutesState>().Select(MinutesLabel)));

    public Task<bool> SeedDemoAsync(IServiceProvider services, CancellationToken ct) =>
        MeetingsDemo.SeedAsync(services.GetRequiredService<AppDbContext>(), services.GetRequiredService<TimeProvider>(), ct);

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSearchSource<MeetingSearch>();
        services.AddNewsSource<MeetingSearch>(typeof(Minutes), typeof(Meeting));
        services.AddLinkTargets<MeetingLinks>();
        services.AddScoped<RecommendationTakeUps>();
        services.AddOptions<MeetingsOptions>().BindConfiguration("Meetings");
        // Uploads above Kestrel's 30 MB default must still reach the page, which answers with a German message.
        services.AddOptions<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>().Configure<Microsoft.Extensions.Options.IOptions<MeetingsOptions>>((k, m) =>
            k.Limits.MaxRequestBodySize = Math.Max(k.Limits.MaxRequestBodySize ?? 0, (m.Value.MaxUploadMegabytes + 1L) * 1024 * 1024));
        services.AddOptions<Microsoft.AspNetCore.Http.Features.FormOptions>().Configure<Microsoft.Extensions.Options.IOptions<MeetingsOptions>>((f, m) =>
            f.MultipartBodyLengthLimit = Math.Max(f.MultipartBodyLengthLimit, (m.Value.MaxUploadMegabytes + 1L) * 1024 * 1024));
        services.AddScoped<MeetingRoll>();

        // What the public sees of a meeting goes with it when it is made non-public or deleted (open data keeps tombstones).
        services.AddSingleton(new PublicParts(typeof(Meeting), async (db, id, ct) =>
        [
            .. await db.AgendaItems.Where(i => i.MeetingId == id && i.IsPublic).ToListAsync(ct),
            .. await db.MeetingDocuments.Where(d => d.MeetingId == id && d.IsPublic && !db.Set<AgendaItem>().Any(i => i.Id == d.AgendaItemId && !i.IsPublic)).ToListAsync(ct),
        ]));
        services.AddSingleton(new PublicParts(typeof(AgendaItem), async (db, id, ct) =>
            [.. await db.MeetingDocuments.Where(d => d.AgendaItemId == id && d.IsPublic).ToListAsync(ct)]));
        services.AddScoped<MeetingMail>();
        services.AddScoped<MinutesExport>();
        services.AddScoped<MeetingRules>();
        services.AddAuthorizationBuilder().AddPolicy(Manage, p => p.RequireRole(Roles.Office));
    }

    public static string StateLabel(MeetingState state) => state switch
    {
        MeetingState.Scheduled => "terminiert",
        MeetingState.Invited => "eingeladen",
        MeetingState.Held => "durchgeführt",
        _ => "abgesagt",
    };

    public static string AddresseeLabel(AddresseeKind kind) => kind switch
    {
        AddresseeKind.Council => "Rat der Stadt",
        AddresseeKind.Committee => "Ausschuss oder Bezirksvertretung",
        AddresseeKind.SteeringCircle => "Lenkungskreis",
        AddresseeKind.Administration => "Verwaltung",
        AddresseeKind.ExecutiveBoard => "Verwaltungsvorstand",
        AddresseeKind.LordMayor => "Oberbürgermeister",
        _ => "anderes Gremium",
    };

    public static string StatusLabel(RecommendationStatus status) => status switch
    {
        RecommendationStatus.Open => "offen",
        RecommendationStatus.Transmitted => "übermittelt",
        RecommendationStatus.InProgress => "in Bearbeitung",
        RecommendationStatus.Implemented => "umgesetzt",
        _ => "abgelehnt",
    };

    public static string MinutesLabel(MinutesState state) => state switch
    {
        MinutesState.Draft => "Entwurf",
        MinutesState.Circulated => "zur Abstimmung versandt",
        _ => "genehmigt",
    };

    public void MapEndpoints(WebApplication app)
    {
        app.MapGet("/sitzungen/{meetingId:int}/dokumente/{id:int}", DownloadAsync).ExcludeFromDescription().AllowAnonymous();
        app.MapGet(PublicFeedPath, AllBodiesFeedAsync).ExcludeFromDescription().AllowAnonymous();
        app.MapGet("/kalender/gremien/{id:int}.ics", OrganizationFeedAsync).ExcludeFromDescription().AllowAnonymous();
        app.MapGet("/kalender/persoenlich/{token}.ics", PersonalFeedAsync).ExcludeFromDescription().AllowAnonymous();
    }

    /// <summary>A meeting document for whoever sees it (<see cref="MeetingViewer"/>); everyone else gets 404, as if it did not exist.</summary>
    private static async Task<IResult> DownloadAsync(int meetingId, int id, HttpContext http, AppDbContext db, CancellationToken ct)
    {
        http.Response.Headers.CacheControl = MeetingVisibility.CacheControl(publicOnly: false);
        var meeting = await db.Meetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == meetingId, ct);
        var document = meeting is null ? null : await db.MeetingDocuments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id && d.MeetingId == meetingId, ct);
        if (meeting is null || document is null)
        {
            return Results.NotFound();
        }

        var item = document.AgendaItemId is { } itemId ? await db.AgendaItems.AsNoTracking().FirstOrDefaultAsync(i => i.Id == itemId, ct) : null;
        var viewer = await MeetingViewer.OfAsync(db, http.User, ct);
        if (!viewer.Sees(meeting, item, document))
        {
            return Results.NotFound();
        }

        var content = await db.DocumentContents.AsNoTracking().SingleAsync(c => c.Id == id, ct);
        http.Response.Headers.CacheControl = MeetingVisibility.CacheControl(publicOnly: MeetingViewer.Public.Sees(meeting, item, document));
        http.Response.Headers["Digest"] = $"sha-512={Convert.ToBase64String(Convert.FromHexString(document.Sha512))}";
        return Results.File(content.Data, document.MediaType, document.FileName);
    }

    /// <summary>The address of the calendar of all public meetings, linked from the list of meetings.</summary>
    public const string PublicFeedPath = "/kalender/sitzungen.ics";

    /// <summary>The public meetings of every body of the masterplan as one subscribable calendar.</summary>
    private static Task<IResult> AllBodiesFeedAsync(AppDbContext db, TimeProvider time, CancellationToken ct) =>
        PublicFeedAsync("Sitzungen – Masterplan Kommunale Sicherheit", db.Meetings, time, ct);

    /// <summary>The public meetings of one organization as a subscribable calendar.</summary>
    private static async Task<IResult> OrganizationFeedAsync(int id, AppDbContext db, TimeProvider time, CancellationToken ct)
    {
        var organization = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, ct);
        if (organization is null)
        {
            return Results.NotFound();
        }

        return await PublicFeedAsync(organization.Name, db.Meetings.Where(m => m.OrganizationId == id), time, ct);
    }

    /// <summary>
    /// A calendar of those of <paramref name="meetings"/> that everybody may see (<see cref="MeetingViewer.Public"/>),
    /// cancelled ones included so that subscribers see the cancellation; the one builder of every public feed.
    /// </summary>
    private static async Task<IResult> PublicFeedAsync(string name, IQueryable<Meeting> meetings, TimeProvider time, CancellationToken ct)
    {
        var visible = await meetings.AsNoTracking().Include(m => m.Organization).VisibleTo(MeetingViewer.Public)
            .OrderBy(m => m.Start).ToListAsync(ct);
        return Results.Text(MeetingCalendar.Feed(name, visible, time.GetUtcNow()), MeetingCalendar.MediaType + "; charset=utf-8");
    }

    /// <summary>
    /// The meetings of the bodies the person belonged to on each meeting's day, public or not, behind a secret
    /// address. The address lives only as long as the account that made it: disabled, linked to another person,
    /// or signed out everywhere (a new security stamp), and it answers 404 like a guessed one.
    /// </summary>
    private static async Task<IResult> PersonalFeedAsync(string token, HttpContext http, AppDbContext db, TimeProvider time, CancellationToken ct)
    {
        http.Response.Headers.CacheControl = MeetingVisibility.CacheControl(publicOnly: false);
        var hash = HashedCodes.Hash(token);
        var feed = await db.CalendarFeeds.AsNoTracking().FirstOrDefaultAsync(f => f.TokenHash == hash, ct);
        var account = feed is null ? null : await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == feed.UserId, ct);
        if (feed is null || account is null || !IsValid(feed, account))
        {
            return Results.NotFound();
        }

        var viewer = await MeetingViewer.OfPersonAsync(db, feed.PersonId, ct);
        var meetings = await db.Meetings.AsNoTracking().Include(m => m.Organization).Where(viewer.Insider<Meeting>(m => m))
            .OrderBy(m => m.Start).ToListAsync(ct);
        return Results.Text(MeetingCalendar.Feed("Meine Sitzungen – Masterplan Kommunale Sicherheit", meetings, time.GetUtcNow()), MeetingCalendar.MediaType + "; charset=utf-8");
    }

    /// <summary>Whether a personal feed still belongs to the account that made it, as it is now.</summary>
    internal static bool IsValid(CalendarFeed feed, AppUser account) =>
        !account.IsDisabled && account.PersonId == feed.PersonId
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(StampHash(account)), Encoding.ASCII.GetBytes(feed.StampHash));

    /// <summary>The hash of the account's security stamp, which Identity renews when the user signs out everywhere or changes the password.</summary>
    internal static string StampHash(AppUser account) => HashedCodes.Hash(account.SecurityStamp ?? "");
}
