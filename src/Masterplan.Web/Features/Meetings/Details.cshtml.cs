using System.Security.Claims;
using System.Text.Json;
using Masterplan.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Masterplan.Web.Shared;

namespace Masterplan.Web.Features.Meetings;

/// <summary>
/// One meeting: agenda, documents, votes, recommendations and minutes. Non-public parts only for the
/// members of the body and the Office; a non-public meeting does not exist for anybody else (404).
/// Members comment here on circulated minutes.
/// </summary>
public sealed class DetailsModel(AppDbContext db, TimeProvider time) : PageModel
{
    public Meeting Meeting { get; private set; } = null!;

    public bool Insider { get; private set; }

    public IReadOnlyList<AgendaItem> Items { get; private set; } = [];

    public IReadOnlyList<MeetingDocument> Documents { get; private set; } = [];

    public IReadOnlyList<Vote> Votes { get; private set; } = [];

    public IReadOnlyList<Recommendation> Recommendations { get; private set; } = [];

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
        var meeting = await db.Meetings.AsNoTracking().Include(m => m.Organization).VisibleTo(User).FirstOrDefaultAsync(m => m.Id == id, ct);
        if (meeting is null)
        {
            return false;
        }

        Meeting = meeting;
        Message = TempData["Message"] as string;
        Insider = MeetingsModule.SeesNonPublic(User, meeting.OrganizationId);
        if (Insider)
        {
            Response.Headers.CacheControl = "private, no-cache, no-store";
        }

        var insider = Insider;
        Items = await db.AgendaItems.AsNoTracking().Include(i => i.Links).Where(i => i.MeetingId == id && (insider || i.IsPublic))
            .OrderBy(i => i.SortKey).ToListAsync(ct);
        var itemIds = Items.Select(i => i.Id).ToList();
        Documents = await db.MeetingDocuments.AsNoTracking()
            .Where(d => d.MeetingId == id && (insider || d.IsPublic) && (d.AgendaItemId == null || itemIds.Contains(d.AgendaItemId.Value)))
            .OrderBy(d => d.Id).ToListAsync(ct);
        Votes = await db.Votes.AsNoTracking().Where(v => itemIds.Contains(v.AgendaItemId)).OrderBy(v => v.RecordedAt).ToListAsync(ct);
        Recommendations = await db.Recommendations.AsNoTracking().Where(r => r.MeetingId == id && (insider || r.IsPublic)).OrderBy(r => r.Id).ToListAsync(ct);
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
