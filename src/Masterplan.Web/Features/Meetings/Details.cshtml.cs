using System.Security.Claims;
using System.Text.Json;
using Masterplan.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Masterplan.Web.Shared;

namespace Masterplan.Web.Features.Meetings;

/// <summary>
/// One meeting: agenda, documents, votes, recommendations and minutes, as much as <see cref="MeetingViewer"/> allows;
/// a meeting the viewer may not see does not exist for them (404).
/// Members comment here on circulated minutes.
/// </summary>
public sealed class DetailsModel(AppDbContext db, TimeProvider time, RecommendationTakeUps takeUps, Catalogue.BodyTargets targets) : PageModel
{
    /// <summary>
    /// The body's indicators and goals as of the meeting's day (003: the Sonderstab reviews them weekly); null when the body has
    /// none. Non-public ones only for the Office, as everywhere indicators are shown.
    /// </summary>
    public Catalogue.BodyTargetsView? Targets { get; private set; }

    public Meeting Meeting { get; private set; } = null!;

    public bool Insider { get; private set; }

    /// <summary>The result of the paper's consultation that was scheduled under an agenda link, by the link.</summary>
    public IReadOnlyDictionary<int, Papers.ConsultationResult> PaperResults { get; private set; } = new Dictionary<int, Papers.ConsultationResult>();

    public IReadOnlyList<AgendaItem> Items { get; private set; } = [];

    public IReadOnlyList<MeetingDocument> Documents { get; private set; } = [];

    public IReadOnlyList<Vote> Votes { get; private set; } = [];

    public IReadOnlyList<Recommendation> Recommendations { get; private set; } = [];

    /// <summary>Per recommendation of this meeting: what took it up.</summary>
    public IReadOnlyDictionary<int, IReadOnlyList<LinkTarget>> TakenUpBy { get; private set; } = new Dictionary<int, IReadOnlyList<LinkTarget>>();

    /// <summary>Per agenda item of this meeting: the recommendations (of any meeting) it took up.</summary>
    public IReadOnlyDictionary<int, IReadOnlyList<LinkTarget>> TookUp { get; private set; } = new Dictionary<int, IReadOnlyList<LinkTarget>>();

    /// <summary>Meetings that agenda links of this page point at and the viewer may not see.</summary>
    public IReadOnlySet<int> HiddenMeetings { get; private set; } = new HashSet<int>();

    public Minutes? Minutes { get; private set; }

    public MinutesVersion? Draft { get; private set; }

    public Dictionary<int, string> DraftNotes { get; private set; } = [];

    public bool CanComment { get; private set; }

    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostCommentAsync(int id, string? text, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || !Insider)
        {
            return NotFound();
        }

        if (!CanComment)
        {
            ModelState.AddModelError("text", "Anmerkungen sind nur möglich, solange die Niederschrift zur Durchsicht vorliegt und die Frist läuft.");
        }
        else if (string.IsNullOrWhiteSpace(text))
        {
            ModelState.AddModelError("text", "Bitte schreiben Sie Ihre Anmerkung.");
        }
        else if (text.Length > 4000)
        {
            ModelState.AddModelError("text", "Eine Anmerkung darf höchstens 4000 Zeichen lang sein.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        db.MinutesComments.Add(new MinutesComment
        {
            MinutesId = Minutes!.Id, VersionNumber = Draft!.Number, AuthorName = db.CurrentActorName(),
            AuthorUserId = User.FindFirstValue(ClaimTypes.NameIdentifier), Text = text!.Trim(), At = time.GetUtcNow(),
        });
        await db.SaveChangesAsync(ct);
        TempData["Message"] = "Ihre Anmerkung ist bei der Geschäftsstelle eingegangen.";
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var viewer = await MeetingViewer.OfAsync(db, User, ct);
        var meeting = await db.Meetings.AsNoTracking().Include(m => m.Organization).VisibleTo(viewer).FirstOrDefaultAsync(m => m.Id == id, ct);
        if (meeting is null)
        {
            return false;
        }

        Meeting = meeting;
        Message = TempData["Message"] as string;
        Insider = viewer.IsInsider(meeting);
        if (Insider)
        {
            Response.Headers.CacheControl = "private, no-cache, no-store";
        }

        // Everything of the meeting is read, then the one rule filters, so the page cannot show more than the download gives.
        var all = await db.AgendaItems.AsNoTracking().Include(i => i.Links).Where(i => i.MeetingId == id).OrderBy(i => i.SortKey).ToListAsync(ct);
        var byId = all.ToDictionary(i => i.Id);
        AgendaItem? ItemOf(int? itemId) => itemId is { } key ? byId.GetValueOrDefault(key) : null;
        Items = all.Where(i => viewer.Sees(meeting, i)).ToList();
        var itemIds = Items.Select(i => i.Id).ToList();
        Documents = (await db.MeetingDocuments.AsNoTracking().Where(d => d.MeetingId == id).OrderBy(d => d.Id).ToListAsync(ct))
            .Where(d => viewer.Sees(meeting, ItemOf(d.AgendaItemId), d)).ToList();
        Votes = await db.Votes.AsNoTracking().Where(v => itemIds.Contains(v.AgendaItemId)).OrderBy(v => v.RecordedAt).ToListAsync(ct);
        Recommendations = (await db.Recommendations.AsNoTracking().Where(r => r.MeetingId == id).OrderBy(r => r.Id).ToListAsync(ct))
            .Where(r => viewer.Sees(meeting, ItemOf(r.AgendaItemId), r)).ToList();
        TakenUpBy = await takeUps.OfRecommendationsAsync(Recommendations.Select(r => r.Id).ToList(), User, ct);
        TookUp = await takeUps.TakenUpByAsync(LinkKind.AgendaItem, itemIds, User, ct);

        // An approval item names the approved meeting; that name is not for those who may not see that meeting.
        var approved = Items.SelectMany(i => i.Links).Where(l => l.Kind == AgendaLinkKind.MinutesApproval && l.TargetId is not null).Select(l => l.TargetId!.Value).Distinct().ToList();
        var visible = approved.Count == 0 ? [] : await db.Meetings.AsNoTracking().Where(m => approved.Contains(m.Id)).VisibleTo(viewer).Select(m => m.Id).ToListAsync(ct);
        HiddenMeetings = approved.Except(visible).ToHashSet();

        // A paper's consultation scheduled here names the item's link to the paper; its result shows beside the link.
        var paperLinks = Items.SelectMany(i => i.Links).Where(l => l.Kind == AgendaLinkKind.Paper).Select(l => (int?)l.Id).ToList();
        PaperResults = paperLinks.Count == 0 ? new Dictionary<int, Papers.ConsultationResult>()
            : (await db.Set<Papers.Consultation>().AsNoTracking().Where(c => paperLinks.Contains(c.AgendaLinkId) && c.Result != null)
                .Select(c => new { Link = c.AgendaLinkId!.Value, Result = c.Result!.Value }).ToListAsync(ct))
                .GroupBy(c => c.Link).ToDictionary(g => g.Key, g => g.First().Result);

        // The body's non-public indicators and goals go to those who see the meeting's non-public part, as the full minutes do.
        var targetsView = await targets.LoadAsync(meeting.Organization, targets.StateDayOf(meeting.Start), Insider || User.IsInRole(Accounts.Roles.Office), ct);
        Targets = targetsView is { IsEmpty: false } ? targetsView : null;

        Minutes = await db.Minutes.AsNoTracking().FirstOrDefaultAsync(m => m.MeetingId == id, ct);
        if (Insider && Minutes?.State == MinutesState.Circulated)
        {
            Draft = await db.MinutesVersions.AsNoTracking().Where(v => v.MinutesId == Minutes.Id).OrderByDescending(v => v.Number).FirstAsync(ct);
            DraftNotes = JsonSerializer.Deserialize<Dictionary<int, string>>(Draft.ItemNotes) ?? [];
            CanComment = Minutes.CommentDeadline is null || Minutes.CommentDeadline >= CityTime.Today(time);
        }

        return true;
    }
}
