using Masterplan.Web.Data;
using Masterplan.Web.Features.Meetings;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Papers;

/// <summary>Where a consultation was put on an agenda: the meeting and the item, read through the agenda link.</summary>
public sealed record AgendaPlace(int LinkId, int MeetingId, string MeetingTitle, DateTimeOffset Start, MeetingState State, int AgendaItemId, string ItemNumber, string ItemTitle);

/// <summary>One consultation with its place on an agenda, if scheduled and visible to the viewer.</summary>
public sealed record ConsultationView(
    int Id, int Position, int OrganizationId, string OrganizationName, DateOnly Date, ConsultationRole Role, bool Authoritative,
    ConsultationResult? Result, DateOnly? ResultDate, AgendaPlace? Place);

/// <summary>
/// A paper's Beratungsfolge as the pages show it. A paper is on an agenda when an agenda item links it
/// (<see cref="AgendaLink"/> of kind Paper); a consultation that is scheduled names that link. So the agenda and the
/// paper read the same row, and a link the Office set on the agenda page shows on the paper too.
/// </summary>
public static class Beratungsfolge
{
    /// <summary>The consultations in order, and the agenda places of the paper that no consultation names.</summary>
    public static async Task<(IReadOnlyList<ConsultationView> Consultations, IReadOnlyList<AgendaPlace> OtherPlaces)> LoadAsync(
        AppDbContext db, int paperId, MeetingViewer viewer, CancellationToken ct)
    {
        var consultations = await db.Consultations.AsNoTracking().Where(c => c.PaperId == paperId).OrderBy(c => c.Position)
            .Select(c => new { c.Id, c.Position, c.OrganizationId, OrganizationName = c.Organization.Name, c.Date, c.Role, c.Authoritative, c.Result, c.ResultDate, c.AgendaLinkId })
            .ToListAsync(ct);
        var places = await PlacesAsync(db, paperId, viewer, ct);
        var byLink = places.ToDictionary(p => p.LinkId);
        var views = consultations.Select(c => new ConsultationView(
            c.Id, c.Position, c.OrganizationId, c.OrganizationName, c.Date, c.Role, c.Authoritative, c.Result, c.ResultDate,
            c.AgendaLinkId is { } link && byLink.TryGetValue(link, out var place) ? place : null)).ToList();
        var named = consultations.Where(c => c.AgendaLinkId is not null).Select(c => c.AgendaLinkId!.Value).ToHashSet();
        return (views, places.Where(p => !named.Contains(p.LinkId)).ToList());
    }

    /// <summary>The agenda items that link the paper, as far as the viewer may see them, in the order of the meetings.</summary>
    public static async Task<List<AgendaPlace>> PlacesAsync(AppDbContext db, int paperId, MeetingViewer viewer, CancellationToken ct)
    {
        var rows = await (
                from l in db.AgendaLinks.AsNoTracking()
                where l.Kind == AgendaLinkKind.Paper && l.TargetId == paperId
                join i in db.AgendaItems.AsNoTracking() on l.AgendaItemId equals i.Id
                join m in db.Meetings.AsNoTracking() on i.MeetingId equals m.Id
                select new { LinkId = l.Id, Item = i, Meeting = m })
            .ToListAsync(ct);
        return rows.Where(r => viewer.Sees(r.Meeting, r.Item)).OrderBy(r => r.Meeting.Start).ThenBy(r => r.Item.SortKey)
            .Select(r => new AgendaPlace(r.LinkId, r.Meeting.Id, r.Meeting.Title, r.Meeting.Start, r.Meeting.State, r.Item.Id, r.Item.Number, r.Item.Title))
            .ToList();
    }

    /// <summary>What an agenda item shows for a paper it links.</summary>
    public static string LinkLabel(Paper paper) => paper.Reference is null ? paper.Name : $"{paper.Reference} {paper.Name}";
}
