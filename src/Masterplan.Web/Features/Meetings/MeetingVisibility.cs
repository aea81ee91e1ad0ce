using System.Linq.Expressions;
using System.Security.Claims;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Accounts;
using Masterplan.Web.Features.Organizations;
using Masterplan.Web.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace Masterplan.Web.Features.Meetings;

/// <summary>
/// The one rule for who sees what of a meeting, used by the pages, the downloads, the calendar feeds and the
/// minutes exports. Everybody sees what is public all the way down: a public document or recommendation
/// under a public agenda item of a public meeting. Whoever was a member of the meeting's body on the
/// meeting's day (Dortmund's calendar, membership start and end included) sees all of that meeting, also
/// after leaving the body; the Office sees everything. The flags are read together every time because each
/// can change after the others were set (an item made non-public after a public upload, say).
/// </summary>
public sealed class MeetingViewer
{
    /// <summary>Roles that see every meeting. Administrators manage accounts, not content, so they are not here.</summary>
    public static readonly string[] SeeEverything = [Roles.Office];

    /// <summary>Anybody: what is public all the way down.</summary>
    public static readonly MeetingViewer Public = new(false, []);

    /// <summary>The Office, and the full edition of the minutes.</summary>
    public static readonly MeetingViewer Everything = new(true, []);

    private readonly IReadOnlyList<Period> periods;

    private MeetingViewer(bool seesAll, IReadOnlyList<Period> periods) => (SeesAll, this.periods) = (seesAll, periods);

    /// <summary>A membership as moments: meetings that start in [From, Until) fall on one of its days.</summary>
    private readonly record struct Period(int OrganizationId, DateTimeOffset From, DateTimeOffset? Until);

    public bool SeesAll { get; }

    /// <summary>The viewer behind a request: nobody special unless signed in with an enabled account.</summary>
    public static async Task<MeetingViewer> OfAsync(AppDbContext db, ClaimsPrincipal user, CancellationToken ct)
    {
        var id = user.Identity?.IsAuthenticated == true ? user.FindFirstValue(ClaimTypes.NameIdentifier) : null;
        if (id is null)
        {
            return Public;
        }

        var account = await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => new { u.IsDisabled, u.PersonId }).FirstOrDefaultAsync(ct);
        if (account is null || account.IsDisabled)
        {
            return Public;
        }

        if (SeeEverything.Any(user.IsInRole))
        {
            return Everything;
        }

        return account.PersonId is { } person ? await OfPersonAsync(db, person, ct) : Public;
    }

    /// <summary>A person by their memberships, whatever roles an account of theirs has (the personal calendar feed).</summary>
    public static async Task<MeetingViewer> OfPersonAsync(AppDbContext db, int personId, CancellationToken ct)
    {
        var memberships = await db.Memberships.AsNoTracking().Where(m => m.PersonId == personId)
            .Select(m => new { m.OrganizationId, m.StartDate, m.EndDate }).ToListAsync(ct);
        return new MeetingViewer(false, memberships
            .Where(m => m.EndDate is null || m.EndDate >= m.StartDate)
            .Select(m => new Period(m.OrganizationId, CityTime.ToUtc(m.StartDate, TimeOnly.MinValue),
                m.EndDate is { } end ? CityTime.ToUtc(end.AddDays(1), TimeOnly.MinValue) : null))
            .ToList());
    }

    /// <summary>Whether the viewer sees everything of this meeting, public or not.</summary>
    public bool IsInsider(Meeting meeting) =>
        SeesAll || periods.Any(p => p.OrganizationId == meeting.OrganizationId && meeting.Start >= p.From && (p.Until is null || meeting.Start < p.Until));

    public bool Sees(Meeting meeting) => meeting.IsPublic || IsInsider(meeting);

    public bool Sees(Meeting meeting, AgendaItem item) => IsInsider(meeting) || (meeting.IsPublic && item.IsPublic);

    /// <summary>A document, under its agenda item if it has one.</summary>
    public bool Sees(Meeting meeting, AgendaItem? item, MeetingDocument document) =>
        IsInsider(meeting) || (meeting.IsPublic && (item?.IsPublic ?? true) && document.IsPublic);

    /// <summary>A recommendation, under its agenda item if it has one.</summary>
    public bool Sees(Meeting meeting, AgendaItem? item, Recommendation recommendation) =>
        IsInsider(meeting) || (meeting.IsPublic && (item?.IsPublic ?? true) && recommendation.IsPublic);

    /// <summary><see cref="IsInsider"/> as a query condition on the meeting that <paramref name="meetingOf"/> reaches.</summary>
    public Expression<Func<T, bool>> Insider<T>(Expression<Func<T, Meeting>> meetingOf)
    {
        var parameter = meetingOf.Parameters[0];
        Expression body = Expression.Constant(SeesAll);
        foreach (var period in periods)
        {
            var (organization, from) = (period.OrganizationId, period.From);
            Expression<Func<Meeting, bool>> during = m => m.OrganizationId == organization && m.Start >= from;
            if (period.Until is { } until)
            {
                during = m => m.OrganizationId == organization && m.Start >= from && m.Start < until;
            }

            body = Expression.OrElse(body, ReplacingExpressionVisitor.Replace(during.Parameters[0], meetingOf.Body, during.Body));
        }

        return Expression.Lambda<Func<T, bool>>(body, parameter);
    }
}

public static class MeetingVisibility
{
    /// <summary>The meetings the viewer may know exist: public ones and those they are an insider of.</summary>
    public static IQueryable<Meeting> VisibleTo(this IQueryable<Meeting> meetings, MeetingViewer viewer) =>
        viewer.SeesAll ? meetings : meetings.Where(Or<Meeting>(m => m.IsPublic, viewer.Insider<Meeting>(m => m)));

    /// <summary>The agenda items <see cref="MeetingViewer.Public"/> sees (<see cref="MeetingViewer.Sees(Meeting, AgendaItem)"/> as a query).</summary>
    public static IQueryable<AgendaItem> PublicOnly(this IQueryable<AgendaItem> items) =>
        items.Where(i => i.IsPublic && i.Meeting.IsPublic);

    /// <summary>
    /// The documents <see cref="MeetingViewer.Public"/> sees (<see cref="MeetingViewer.Sees(Meeting, AgendaItem?, MeetingDocument)"/>
    /// as a query): public, in a public meeting, under a public agenda item if under one at all. Written as "no non-public
    /// meeting or item holds it" (the foreign keys guarantee both exist): the database answers that with an anti-join
    /// against the few non-public rows, where "no item, or a public one" cost a lookup per document (a list of all public
    /// files took 10 ms for 10,000 documents instead of 2).
    /// </summary>
    public static IQueryable<MeetingDocument> PublicOnly(this IQueryable<MeetingDocument> documents, AppDbContext db) =>
        documents.Where(d => d.IsPublic && !db.Set<Meeting>().Any(m => m.Id == d.MeetingId && !m.IsPublic)
            && !db.Set<AgendaItem>().Any(i => i.Id == d.AgendaItemId && !i.IsPublic));

    /// <summary>The recommendations the viewer sees; <paramref name="items"/> is the agenda item set to look the item up in.</summary>
    public static IQueryable<Recommendation> VisibleTo(this IQueryable<Recommendation> recommendations, MeetingViewer viewer, IQueryable<AgendaItem> items) =>
        viewer.SeesAll ? recommendations : recommendations.Where(Or<Recommendation>(
            r => r.IsPublic && r.Meeting.IsPublic && (r.AgendaItemId == null || items.Any(i => i.Id == r.AgendaItemId && i.IsPublic)),
            viewer.Insider<Recommendation>(r => r.Meeting)));

    /// <summary>Cache-Control for an answer that shows the viewer's part of a meeting: shared caches only for public parts.</summary>
    public static string CacheControl(bool publicOnly) => publicOnly ? "public, max-age=300" : "private, no-store";

    private static Expression<Func<T, bool>> Or<T>(Expression<Func<T, bool>> left, Expression<Func<T, bool>> right) =>
        Expression.Lambda<Func<T, bool>>(
            Expression.OrElse(left.Body, ReplacingExpressionVisitor.Replace(right.Parameters[0], left.Parameters[0], right.Body)), left.Parameters[0]);
}
