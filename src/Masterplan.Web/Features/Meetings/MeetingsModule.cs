using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Meetings;

/// <summary>Settings of the meetings module (<c>Meetings:*</c>).</summary>
public sealed class MeetingsOptions
{
    /// <summary>Largest document upload in megabytes (configurable, docs/domain.md#meetings).</summary>
    public int MaxUploadMegabytes { get; set; } = 20;
}

/// <summary>Non-public meeting content: the members of the meeting's organization and the Office (docs/domain.md#access).</summary>
public sealed class NonPublicMeetingContent : IAuthorizationRequirement;

internal sealed class NonPublicMeetingContentHandler : AuthorizationHandler<NonPublicMeetingContent, Meeting>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, NonPublicMeetingContent requirement, Meeting meeting)
    {
        if (MeetingsModule.SeesNonPublic(context.User, meeting.OrganizationId))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}

public static class MeetingsModule
{
    /// <summary>The Office schedules meetings, keeps agendas, attendance, votes, minutes and follow-up.</summary>
    public const string Manage = "Meetings.Manage";

    public const string NonPublic = "Meetings.NonPublic";

    public static IServiceCollection AddMeetings(this IServiceCollection services)
    {
        services.AddOptions<MeetingsOptions>().BindConfiguration("Meetings");
        // Uploads above Kestrel's 30 MB default must still reach the page, which answers with a German message.
        services.AddOptions<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>().Configure<Microsoft.Extensions.Options.IOptions<MeetingsOptions>>((k, m) =>
            k.Limits.MaxRequestBodySize = Math.Max(k.Limits.MaxRequestBodySize ?? 0, (m.Value.MaxUploadMegabytes + 1L) * 1024 * 1024));
        services.AddOptions<Microsoft.AspNetCore.Http.Features.FormOptions>().Configure<Microsoft.Extensions.Options.IOptions<MeetingsOptions>>((f, m) =>
            f.MultipartBodyLengthLimit = Math.Max(f.MultipartBodyLengthLimit, (m.Value.MaxUploadMegabytes + 1L) * 1024 * 1024));
        services.AddScoped<MeetingRoll>();
        services.AddScoped<MeetingMail>();
        services.AddScoped<MinutesExport>();
        services.AddScoped<MeetingRules>();
        services.AddSingleton<IAuthorizationHandler, NonPublicMeetingContentHandler>();
        services.AddAuthorizationBuilder()
            .AddPolicy(Manage, p => p.RequireRole(Roles.Office))
            .AddPolicy(NonPublic, p => p.AddRequirements(new NonPublicMeetingContent()));
        services.Configure<Microsoft.AspNetCore.Mvc.RazorPages.RazorPagesOptions>(o =>
        {
            o.Conventions.AuthorizeFolder("/Meetings/Manage", Manage);
            o.Conventions.AllowAnonymousToPage("/Meetings/Index");
            o.Conventions.AllowAnonymousToPage("/Meetings/Details");
            o.Conventions.AllowAnonymousToPage("/Meetings/Recommendations");
        });
        return services;
    }

    /// <summary>Whether the user sees the non-public items, documents and meetings of an organization.</summary>
    public static bool SeesNonPublic(ClaimsPrincipal user, int organizationId) =>
        user.IsInRole(Roles.Office) || user.HasClaim("organization", organizationId.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Meetings the user may know exist: public ones, and non-public ones of their organizations.</summary>
    public static IQueryable<Meeting> VisibleTo(this IQueryable<Meeting> meetings, ClaimsPrincipal user)
    {
        if (user.IsInRole(Roles.Office))
        {
            return meetings;
        }

        var own = OwnOrganizations(user);
        return meetings.Where(m => m.IsPublic || own.Contains(m.OrganizationId));
    }

    /// <summary>The organizations the user is a current member of (the <c>organization</c> claims set at sign-in).</summary>
    public static List<int> OwnOrganizations(ClaimsPrincipal user) =>
        user.FindAll("organization").Select(c => int.Parse(c.Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();

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

    public static string HashToken(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static WebApplication MapMeetings(this WebApplication app)
    {
        app.MapGet("/sitzungen/{meetingId:int}/dokumente/{id:int}", DownloadAsync).ExcludeFromDescription().AllowAnonymous();
        app.MapGet("/kalender/gremien/{id:int}.ics", OrganizationFeedAsync).ExcludeFromDescription().AllowAnonymous();
        app.MapGet("/kalender/persoenlich/{token}.ics", PersonalFeedAsync).ExcludeFromDescription().AllowAnonymous();
        return app;
    }

    /// <summary>A meeting document; non-public ones only for members and the Office, everyone else gets 404.</summary>
    private static async Task<IResult> DownloadAsync(int meetingId, int id, HttpContext http, AppDbContext db, IAuthorizationService authz, CancellationToken ct)
    {
        var meeting = await db.Meetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == meetingId, ct);
        var document = meeting is null ? null : await db.MeetingDocuments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id && d.MeetingId == meetingId, ct);
        if (meeting is null || document is null)
        {
            return Results.NotFound();
        }

        if (!(meeting.IsPublic && document.IsPublic) && !(await authz.AuthorizeAsync(http.User, meeting, NonPublic)).Succeeded)
        {
            return Results.NotFound();
        }

        var content = await db.DocumentContents.AsNoTracking().SingleAsync(c => c.Id == id, ct);
        http.Response.Headers.CacheControl = meeting.IsPublic && document.IsPublic ? "public, max-age=300" : "private, no-store";
        http.Response.Headers["Digest"] = $"sha-512={Convert.ToBase64String(Convert.FromHexString(document.Sha512))}";
        return Results.File(content.Data, document.MediaType, document.FileName);
    }

    /// <summary>The public meetings of one organization as a subscribable calendar.</summary>
    private static async Task<IResult> OrganizationFeedAsync(int id, AppDbContext db, TimeProvider time, CancellationToken ct)
    {
        var organization = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, ct);
        if (organization is null)
        {
            return Results.NotFound();
        }

        var meetings = await db.Meetings.AsNoTracking().Include(m => m.Organization)
            .Where(m => m.OrganizationId == id && m.IsPublic).OrderBy(m => m.Start).ToListAsync(ct);
        return Results.Text(MeetingCalendar.Feed(organization.Name, meetings, time.GetUtcNow()), MeetingCalendar.MediaType + "; charset=utf-8");
    }

    /// <summary>Every meeting of the person's organizations (public or not) behind a secret address.</summary>
    private static async Task<IResult> PersonalFeedAsync(string token, AppDbContext db, TimeProvider time, CancellationToken ct)
    {
        var hash = HashToken(token);
        var feed = await db.CalendarFeeds.AsNoTracking().FirstOrDefaultAsync(f => f.TokenHash == hash, ct);
        if (feed is null)
        {
            return Results.NotFound();
        }

        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var organizations = await db.Memberships.AsNoTracking()
            .Where(m => m.PersonId == feed.PersonId && (m.EndDate == null || m.EndDate >= today.AddYears(-1)))
            .Select(m => m.OrganizationId).Distinct().ToListAsync(ct);
        var meetings = await db.Meetings.AsNoTracking().Include(m => m.Organization)
            .Where(m => organizations.Contains(m.OrganizationId)).OrderBy(m => m.Start).ToListAsync(ct);
        return Results.Text(MeetingCalendar.Feed("Meine Sitzungen – Masterplan Kommunale Sicherheit", meetings, time.GetUtcNow()), MeetingCalendar.MediaType + "; charset=utf-8");
    }
}
