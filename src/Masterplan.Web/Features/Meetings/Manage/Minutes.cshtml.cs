using System.Globalization;
using System.Text.Json;
using Masterplan.Documents;
using Masterplan.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Masterplan.Web.Shared;

namespace Masterplan.Web.Features.Meetings.Manage;

/// <summary>
/// Minutes: a draft written here (every save is a version) → circulated to the members with a comment
/// deadline → approved under an agenda item of a later meeting, then frozen as PDF and DOCX (docs/domain.md#minutes).
/// </summary>
public sealed class MinutesModel(AppDbContext db, MinutesExport export, MeetingMail mail, TimeProvider time) : PageModel
{
    public Meeting Meeting { get; private set; } = null!;

    public Minutes? Record { get; private set; }

    public MinutesVersion? Latest { get; private set; }

    public IReadOnlyList<AgendaItem> Items { get; private set; } = [];

    public Dictionary<int, string> Notes { get; private set; } = [];

    /// <summary>Agenda items of later held meetings of the same body, after the first draft and the comment deadline, under which the minutes can be approved.</summary>
    public IReadOnlyList<(int Id, string Label)> ApprovalItems { get; private set; } = [];

    public IReadOnlyList<MeetingDocument> Exports { get; private set; } = [];

    public string? Message { get; private set; }

    /// <summary>Who could not be reached by e-mail when the minutes were circulated, in the user's language.</summary>
    public string? Warning { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    /// <summary>Why <see cref="ApprovalItems"/> is empty and from when approval is possible, or null when there is something to choose.</summary>
    public FieldError? NoApprovalItemsReason { get; private set; }

    /// <summary>When the first version of the draft was saved; a meeting before it cannot have approved it.</summary>
    public DateTimeOffset? FirstDraftAt { get; private set; }

    /// <summary>The closing time as the form shows it: the meeting's end, which the minutes record as the actual close.</summary>
    public TimeOnly ClosingTime => TimeOnly.FromDateTime(CityTime.Local(Meeting.End));

    /// <summary>The current draft as PDF (shown in the browser) or DOCX, marked "Entwurf" on every page.</summary>
    public async Task<IActionResult> OnGetDraftAsync(int id, string? format, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || Latest is null || Record?.State == MinutesState.Approved)
        {
            return NotFound();
        }

        var document = await export.BuildAsync(id, Latest, publicEdition: false, approval: null, ct);
        var name = $"niederschrift-entwurf-{CityTime.Local(Meeting.Start):yyyy-MM-dd}-fassung-{Latest.Number}";
        Response.Headers.CacheControl = "private, no-store";
        return format == "docx"
            ? File(DocxRenderer.Render(document), UploadedFile.Docx.MediaType, name + ".docx")
            : File(PdfRenderer.Render(document), UploadedFile.Pdf.MediaType); // no file name: the browser shows it as a preview
    }

    public async Task<IActionResult> OnPostSaveAsync(int id, string? introduction, Dictionary<int, string?> notes, TimeOnly? closingTime, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (Record?.State == MinutesState.Approved)
        {
            ModelState.AddModelError("", "Die Niederschrift ist genehmigt und eingefroren; sie kann nicht mehr geändert werden.");
            return Page();
        }

        notes ??= []; // a meeting without agenda items posts no notes at all
        if (notes.Keys.Any(k => Items.All(i => i.Id != k)))
        {
            ModelState.AddModelError("", "Die Notizen gehören zu Tagesordnungspunkten, die es in dieser Sitzung nicht gibt.");
            return Page();
        }

        if ((introduction?.Length ?? 0) > 20000 || notes.Values.Any(n => (n?.Length ?? 0) > 20000))
        {
            ModelState.AddModelError("", "Ein Abschnitt darf höchstens 20.000 Zeichen lang sein.");
            return Page();
        }

        var start = CityTime.Local(Meeting.Start);
        if (closingTime is { } closing && closing <= TimeOnly.FromDateTime(start))
        {
            ModelState.AddModelError("closingTime", "Der Schluss der Sitzung muss nach ihrem Beginn liegen.");
            return Page();
        }

        // The close is the meeting's end: the minutes record when it actually ended (no separate column needed).
        if (closingTime is { } end && end != ClosingTime)
        {
            var meeting = await db.Meetings.SingleAsync(m => m.Id == id, ct);
            meeting.End = CityTime.ToUtc(DateOnly.FromDateTime(start), end);
            Meeting.End = meeting.End;
        }

        var version = new MinutesVersion
        {
            Number = (Latest?.Number ?? 0) + 1, Introduction = string.IsNullOrWhiteSpace(introduction) ? null : introduction.Trim(),
            ItemNotes = JsonSerializer.Serialize(notes.Where(n => !string.IsNullOrWhiteSpace(n.Value)).ToDictionary(n => n.Key, n => n.Value!.Trim())),
            CreatedAt = time.GetUtcNow(), AuthorName = db.CurrentActorName(),
        };
        if (Record is null)
        {
            db.Minutes.Add(new Minutes { MeetingId = id, State = MinutesState.Draft, Versions = [version] });
        }
        else
        {
            version.MinutesId = Record.Id;
            db.MinutesVersions.Add(version);
        }

        await db.SaveChangesAsync(ct);
        TempData["Message"] = $"Fassung {(Latest?.Number ?? 0) + 1} ist gespeichert.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostCirculateAsync(int id, DateOnly? deadline, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        var today = CityTime.Today(time);
        if (Record is null || Latest is null)
        {
            ModelState.AddModelError("", "Bitte speichern Sie zuerst einen Entwurf.");
        }
        else if (Record.State == MinutesState.Approved)
        {
            ModelState.AddModelError("", "Die Niederschrift ist bereits genehmigt.");
        }
        else if (deadline is null)
        {
            ModelState.AddModelError("deadline", "Bitte geben Sie die Frist für Anmerkungen an.");
        }
        else if (deadline < today)
        {
            ModelState.AddModelError("deadline", "Die Frist für Anmerkungen darf nicht in der Vergangenheit liegen.");
        }

        // Circulating to nobody would mark the minutes as reviewed by the members: refused, the state stays.
        if (ModelState.IsValid && (await mail.AudienceAsync(Meeting, ct)).Total == 0)
        {
            this.ShowError("", "Das Gremium hat am Tag der Sitzung keine Mitglieder; die Niederschrift kann niemandem zur Durchsicht vorgelegt werden. Der Stand bleibt unverändert.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var record = await db.Minutes.SingleAsync(m => m.Id == Record!.Id, ct);
        (record.State, record.CommentDeadline, record.CirculatedAt) = (MinutesState.Circulated, deadline, time.GetUtcNow());
        await db.SaveChangesAsync(ct);
        var run = await mail.SendMinutesAsync(Meeting, deadline!.Value, ct);
        var t = OutcomeAdapters.Localizer(HttpContext);
        TempData["Message"] = Plural.Of(t["Fassung {1} ist per E-Mail an {0} Person zur Durchsicht versandt (Frist {2}).|Fassung {1} ist per E-Mail an {0} Personen zur Durchsicht versandt (Frist {2})."],
            run.Sent, run.Sent, Latest!.Number, deadline.Value.ToString("d", CultureInfo.CurrentCulture));
        if (run.WithoutAddress.Count > 0)
        {
            TempData["Warning"] = t[
                "Ohne E-Mail-Adresse, an sie wurde nichts gemailt: {0}. Bitte senden Sie ihnen den Entwurf per Post.", string.Join(", ", run.WithoutAddress)].Value;
        }

        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostApproveAsync(int id, int? approvalItemId, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (Record?.State != MinutesState.Circulated)
        {
            this.ShowError("", "Genehmigt werden kann nur eine Niederschrift, die den Mitgliedern zur Durchsicht vorlag. Versenden Sie sie zuerst; genehmigt wird dann in einer Sitzung nach Ablauf der Frist für Anmerkungen.");
        }
        else if (await RefusalAsync(approvalItemId, ct) is { } refusal)
        {
            this.ShowErrors([refusal]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var item = await db.AgendaItems.AsNoTracking().Include(i => i.Meeting).SingleAsync(i => i.Id == approvalItemId, ct);
        var approval = $"genehmigt in der Sitzung vom {CityTime.Local(item.Meeting.Start).ToString("dd.MM.yyyy", CultureInfo.InvariantCulture)}, TOP {item.Number}; Fassung {Latest!.Number}";
        var record = await db.Minutes.SingleAsync(m => m.Id == Record!.Id, ct);
        (record.State, record.ApprovedAt, record.ApprovedUnderAgendaItemId, record.ApprovedVersion) = (MinutesState.Approved, time.GetUtcNow(), item.Id, Latest.Number);

        // Frozen: the approved text is rendered once and stored with its hash; later edits are refused above.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var full = await export.BuildAsync(id, Latest, publicEdition: false, approval, ct);
        var pdf = Store("pdf", PdfRenderer.Render(full), isPublic: false);
        var docx = Store("docx", DocxRenderer.Render(full), isPublic: false);
        if (Meeting.IsPublic)
        {
            var open = await export.BuildAsync(id, Latest, publicEdition: true, approval, ct);
            Store("pdf", PdfRenderer.Render(open), isPublic: true);
            Store("docx", DocxRenderer.Render(open), isPublic: true);
        }

        await db.SaveChangesAsync(ct);
        (record.PdfDocumentId, record.DocxDocumentId) = (pdf.Id, docx.Id);
        db.AuditReason = approval;
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        TempData["Message"] = $"Die Niederschrift ist {approval}. Sie ist als PDF und DOCX gespeichert und bleibt so unverändert.";
        return RedirectToPage(new { id });
    }

    /// <summary>
    /// Why the minutes cannot be approved under this item, or null: the item belongs to a later, held meeting of the same
    /// body that took place after the first draft existed and after the comment deadline (docs/domain.md#minutes). Each
    /// refusal names the rule and from when approval is possible.
    /// </summary>
    private async Task<FieldError?> RefusalAsync(int? itemId, CancellationToken ct)
    {
        var item = itemId is null ? null : await db.AgendaItems.AsNoTracking().Where(i => i.Id == itemId)
            .Select(i => new { i.Meeting.OrganizationId, i.Meeting.Start, i.Meeting.State }).FirstOrDefaultAsync(ct);
        if (item is null || item.OrganizationId != Meeting.OrganizationId || item.Start <= Meeting.Start || item.State == MeetingState.Cancelled)
        {
            return new FieldError("approvalItemId", "Bitte wählen Sie den Tagesordnungspunkt einer späteren, durchgeführten Sitzung dieses Gremiums, unter dem genehmigt wurde.");
        }

        var held = Day(item.Start);
        if (item.Start <= FirstDraftAt)
        {
            return new FieldError("approvalItemId", "Die Sitzung vom {0} fand statt, bevor es den ersten Entwurf dieser Niederschrift gab ({1}). Genehmigt wird in einer Sitzung nach dem Entwurf und nach Ablauf der Frist für Anmerkungen, also ab dem {2}.",
                held, CityTime.Local(FirstDraftAt!.Value).ToString("g", CultureInfo.CurrentCulture), Day(EarliestApprovalDay));
        }

        if (Record!.CommentDeadline is { } deadline && DateOnly.FromDateTime(CityTime.Local(item.Start)) <= deadline)
        {
            return new FieldError("approvalItemId", "Die Sitzung vom {0} lag in der Frist für Anmerkungen, die bis zum {1} läuft. Genehmigt wird in einer Sitzung ab dem {2}.",
                held, Day(deadline), Day(EarliestApprovalDay));
        }

        return item.State == MeetingState.Held
            ? null
            : new FieldError("approvalItemId", "Die Sitzung vom {0} hat noch nicht stattgefunden. Genehmigen können Sie unter ihren Tagesordnungspunkten, sobald dort die Anwesenheit erfasst ist.", held);
    }

    /// <summary>The first day a meeting may approve the minutes: after the comment deadline and after the day of the first draft.</summary>
    public DateOnly EarliestApprovalDay
    {
        get
        {
            var afterDraft = FirstDraftAt is { } draft ? DateOnly.FromDateTime(CityTime.Local(draft)) : DateOnly.FromDateTime(CityTime.Local(Meeting.Start));
            var afterDeadline = Record?.CommentDeadline is { } deadline ? deadline.AddDays(1) : afterDraft;
            return afterDeadline > afterDraft ? afterDeadline : afterDraft;
        }
    }

    private static string Day(DateTimeOffset at) => CityTime.Local(at).ToString("d", CultureInfo.CurrentCulture);

    private static string Day(DateOnly day) => day.ToString("d", CultureInfo.CurrentCulture);

    private MeetingDocument Store(string extension, byte[] data, bool isPublic)
    {
        var date = CityTime.Local(Meeting.Start).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var stored = new MeetingDocument
        {
            MeetingId = Meeting.Id, Title = isPublic ? $"Niederschrift (öffentlicher Teil, {extension.ToUpperInvariant()})" : $"Niederschrift ({extension.ToUpperInvariant()})",
            FileName = $"niederschrift-{date}{(isPublic ? "-oeffentlich" : "")}.{extension}",
            MediaType = extension == "pdf" ? UploadedFile.Pdf.MediaType : UploadedFile.Docx.MediaType, Size = data.Length,
            Sha512 = UploadedFile.Sha512Hex(data), IsPublic = isPublic, Kind = MeetingDocumentKind.Minutes, UploadedAt = time.GetUtcNow(), UploadedBy = db.CurrentActorName(),
        };
        stored.Content = new DocumentContent { Data = data };
        db.MeetingDocuments.Add(stored);
        return stored;
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        Message = TempData["Message"] as string;
        Warning = TempData["Warning"] as string;
        var meeting = await db.Meetings.AsNoTracking().Include(m => m.Organization).FirstOrDefaultAsync(m => m.Id == id, ct);
        if (meeting is null)
        {
            return false;
        }

        Meeting = meeting;
        Items = await db.AgendaItems.AsNoTracking().Where(i => i.MeetingId == id).OrderBy(i => i.SortKey).ToListAsync(ct);
        Record = await db.Minutes.AsNoTracking().Include(m => m.Comments).FirstOrDefaultAsync(m => m.MeetingId == id, ct);
        Latest = Record is null ? null : await db.MinutesVersions.AsNoTracking().Where(v => v.MinutesId == Record.Id).OrderByDescending(v => v.Number).FirstOrDefaultAsync(ct);
        Notes = Latest is null ? [] : JsonSerializer.Deserialize<Dictionary<int, string>>(Latest.ItemNotes) ?? [];
        FirstDraftAt = Record is null ? null : await db.MinutesVersions.AsNoTracking().Where(v => v.MinutesId == Record.Id).MinAsync(v => (DateTimeOffset?)v.CreatedAt, ct);

        // docs/domain.md#minutes: a later meeting held after the first draft existed and after the comment deadline.
        var after = FirstDraftAt is { } drafted && drafted > meeting.Start ? drafted : meeting.Start;
        var fromDay = CityTime.ToUtc(EarliestApprovalDay, TimeOnly.MinValue);
        ApprovalItems = (await db.AgendaItems.AsNoTracking().Include(i => i.Meeting)
                .Where(i => i.Meeting.OrganizationId == meeting.OrganizationId && i.Meeting.Start > after && i.Meeting.Start >= fromDay && i.Meeting.State == MeetingState.Held)
                .OrderBy(i => i.Meeting.Start).ThenBy(i => i.SortKey).Take(100).ToListAsync(ct))
            .Select(i => (i.Id, $"{CityTime.Local(i.Meeting.Start):dd.MM.yyyy} {i.Meeting.Title}, TOP {i.Number} {i.Title}")).ToList();
        if (ApprovalItems.Count == 0)
        {
            // Say which step is missing and from when: the deadline, a later meeting, holding it, or an agenda item for it.
            var later = await db.Meetings.AsNoTracking()
                .Where(m => m.OrganizationId == meeting.OrganizationId && m.Start > after && m.Start >= fromDay && m.State != MeetingState.Cancelled)
                .OrderBy(m => m.Start).Select(m => new { m.Start, m.State }).ToListAsync(ct);
            var earliest = Day(EarliestApprovalDay);
            NoApprovalItemsReason = later.Count == 0
                ? Record?.CommentDeadline is { } deadline && CityTime.Today(time) <= deadline
                    ? new FieldError("", "Die Frist für Anmerkungen läuft bis zum {0}. Genehmigt wird danach unter einem Tagesordnungspunkt einer Sitzung dieses Gremiums ab dem {1}; legen Sie sie an, falls es sie noch nicht gibt.", Day(deadline), earliest)
                    : new FieldError("", "Es gibt noch keine Sitzung dieses Gremiums ab dem {0}. Genehmigt wird unter einem Tagesordnungspunkt einer späteren Sitzung, die nach dem ersten Entwurf und nach der Frist für Anmerkungen stattfindet: legen Sie sie zuerst an.", earliest)
                : !later.Any(m => m.State == MeetingState.Held)
                    ? new FieldError("", "Die nächste mögliche Sitzung dieses Gremiums am {0} hat noch nicht stattgefunden. Sobald dort die Anwesenheit erfasst ist, gilt sie als durchgeführt und ihre Tagesordnungspunkte stehen hier zur Wahl.", Day(later[0].Start))
                    : new FieldError("", "Die späteren, durchgeführten Sitzungen dieses Gremiums haben keine Tagesordnungspunkte. Legen Sie dort einen Punkt an, etwa „Genehmigung der Niederschrift“.");
        }

        Exports = await db.MeetingDocuments.AsNoTracking().Where(d => d.MeetingId == id && d.Kind == MeetingDocumentKind.Minutes).ToListAsync(ct);
        return true;
    }
}
