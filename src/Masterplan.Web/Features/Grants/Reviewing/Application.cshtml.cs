using System.Globalization;
using System.Security.Claims;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Districts;
using Masterplan.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Grants.Reviewing;

/// <summary>
/// One complete application for a reviewer: what was applied for, the scores per criterion (0–10) and the declaration of a
/// conflict of interest. After the declaration the application is not found for this reviewer.
/// </summary>
public sealed class ApplicationModel(GrantDesk desk, AppDbContext db) : PageModel
{
    /// <summary>Criterion id → the typed score; read here so that a score that is no number is simply not given (the desk then names the criterion).</summary>
    [BindProperty]
    public Dictionary<int, string?> Scores { get; set; } = [];

    [BindProperty]
    public string? Note { get; set; }

    [BindProperty]
    public string? ConflictNote { get; set; }

    public GrantApplication Application { get; private set; } = null!;

    public GrantCall Call { get; private set; } = null!;

    public string AssociationName { get; private set; } = "";

    public List<string> DistrictNames { get; private set; } = [];

    public List<GrantFileView> Files { get; private set; } = [];

    public string? Message { get; private set; }

    private string Reviewer => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    public async Task<IActionResult> OnGetAsync(int id, string? gespeichert, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Message = gespeichert is not null ? "Ihre Bewertung ist gespeichert." : null;
        var mine = (await desk.ReviewListAsync(Call.Id, Reviewer, ct)).FirstOrDefault(i => i.Id == id);
        Scores = mine?.MyScores.ToDictionary(s => s.Key, s => (string?)s.Value.ToString(CultureInfo.InvariantCulture)) ?? [];
        Note = await db.GrantReviews.Where(r => r.ApplicationId == id && r.ReviewerId == Reviewer).Select(r => r.Note).FirstOrDefaultAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostScoreAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        var given = new Dictionary<int, int>();
        foreach (var (criterion, text) in Scores)
        {
            if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
            {
                given[criterion] = value;
            }
        }

        var outcome = await desk.ScoreAsync(id, Reviewer, new ScoresInput(given, Note), ct);
        if (outcome.IsNotFound)
        {
            return NotFound();
        }

        return this.ShowErrors(outcome) ? Page() : Redirect($"/foerderung/bewertung/antraege/{id}?gespeichert=true");
    }

    public async Task<IActionResult> OnPostConflictAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        var outcome = await desk.DeclareConflictAsync(id, Reviewer, new ConflictInput(ConflictNote), ct);
        if (outcome.IsNotFound)
        {
            return NotFound();
        }

        return this.ShowErrors(outcome, f => f == "Note" ? nameof(ConflictNote) : f) ? Page() : Redirect("/foerderung/bewertung?erklaert=true");
    }

    /// <summary>A complete application still open for review, unless this reviewer declared a conflict of interest on it.</summary>
    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-cache, no-store";
        if (!await desk.MayReviewAsync(id, Reviewer, ct))
        {
            return false;
        }

        var application = await db.GrantApplications.AsNoTracking().Include(a => a.Lines.OrderBy(l => l.Position)).FirstAsync(a => a.Id == id, ct);

        Application = application;
        Call = await db.GrantCalls.AsNoTracking().Include(c => c.Criteria.OrderBy(x => x.Position)).FirstAsync(c => c.Id == application.CallId, ct);
        AssociationName = await db.Associations.Where(a => a.Id == application.AssociationId).Select(a => a.Name).FirstAsync(ct);
        DistrictNames = await db.Set<District>().Where(d => application.DistrictIds.Contains(d.Id)).OrderBy(d => d.Name).Select(d => d.Name).ToListAsync(ct);
        Files = await desk.FilesAsync(id, ct);
        return true;
    }
}
