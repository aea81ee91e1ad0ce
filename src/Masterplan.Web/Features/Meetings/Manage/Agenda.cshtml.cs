using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Papers;
using Masterplan.Web.Features.Catalogue;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Masterplan.Web.Shared;

namespace Masterplan.Web.Features.Meetings.Manage;

/// <summary>The agenda (items 1, 2, 2.1 with links) and the documents of a meeting (docs/domain.md#meetings).</summary>
public sealed class AgendaModel(AppDbContext db, CatalogueTree catalogue, Reports.StatusOverview overview, IOptions<MeetingsOptions> options, TimeProvider time) : PageModel
{
    public Meeting Meeting { get; private set; } = null!;

    public IReadOnlyList<AgendaItem> Items { get; private set; } = [];

    public IReadOnlyList<MeetingDocument> Documents { get; private set; } = [];

    public IReadOnlyList<(int Id, string Label)> Papers { get; private set; } = [];

    public IReadOnlyList<(int Id, string Label)> Fields { get; private set; } = [];

    public IReadOnlyList<(int Id, string Label)> EarlierMeetings { get; private set; } = [];

    public int MaxUploadMegabytes => options.Value.MaxUploadMegabytes;

    /// <summary>The kind of link the one "add link" form is for; its target list shows only targets of this kind.</summary>
    public AgendaLinkKind LinkKind { get; private set; } = AgendaLinkKind.Paper;

    /// <summary>The targets of <see cref="LinkKind"/> (empty for the status overview, which needs none).</summary>
    public IReadOnlyList<(int Id, string Label)> LinkTargets => LinkKind switch
    {
        AgendaLinkKind.Paper => Papers,
        AgendaLinkKind.FieldOfAction => Fields,
        AgendaLinkKind.MinutesApproval => EarlierMeetings,
        _ => [],
    };

    public string? Message { get; private set; }

    [BindProperty]
    public int? ItemId { get; set; }

    [BindProperty, Required(ErrorMessage = "Bitte geben Sie die Nummer des Tagesordnungspunkts ein.")]
    public string Number { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "Bitte geben Sie den Titel des Tagesordnungspunkts ein."), StringLength(500, ErrorMessage = "Der Titel darf höchstens 500 Zeichen lang sein.")]
    public string ItemTitle { get; set; } = "";

    [BindProperty, StringLength(10000, ErrorMessage = "Der Text darf höchstens 10.000 Zeichen lang sein.")]
    public string? ItemText { get; set; }

    [BindProperty]
    public bool ItemIsPublic { get; set; } = true;

    public async Task<IActionResult> OnGetAsync(int id, int? item, string? kind, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        // Without JavaScript the kind is chosen first; the page comes back with the targets of that kind.
        if (Enum.TryParse<AgendaLinkKind>(kind, ignoreCase: false, out var chosen) && Enum.IsDefined(chosen))
        {
            LinkKind = chosen;
        }

        if (item is { } itemId && Items.FirstOrDefault(i => i.Id == itemId) is { } edit)
        {
            (ItemId, Number, ItemTitle, ItemText, ItemIsPublic) = (edit.Id, edit.Number, edit.Title, edit.Text, edit.IsPublic);
        }
        else
        {
            Number = AgendaNumber.Next(Items.Select(i => i.Number));
            ItemIsPublic = Meeting.IsPublic;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostItemAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Number = Number.Trim();
        var existing = ItemId is { } editId ? await db.AgendaItems.FirstOrDefaultAsync(i => i.Id == editId && i.MeetingId == id, ct) : null;
        if (ItemId is not null && existing is null)
        {
            return NotFound();
        }

        if (!AgendaNumber.IsValid(Number))
        {
            this.ShowError(nameof(Number), "„{0}“ ist keine gültige Nummer. Erlaubt sind Nummern wie 1, 2 oder 2.1.", Number);
        }
        else if (Items.Any(i => i.Number == Number && i.Id != ItemId))
        {
            this.ShowError(nameof(Number), "Die Nummer {0} gibt es auf dieser Tagesordnung schon.", Number);
        }
        else if (Number.LastIndexOf('.') is var dot and > 0 && Items.All(i => i.Number != Number[..dot]))
        {
            this.ShowError(nameof(Number), "Zu {0} fehlt der übergeordnete Punkt {1}.", Number, Number[..dot]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var item = existing ?? db.AgendaItems.Add(new AgendaItem { MeetingId = id, Number = "", SortKey = "", Title = "" }).Entity;
        (item.Number, item.SortKey, item.Title, item.Text, item.IsPublic) =
            (Number, AgendaNumber.SortKey(Number), ItemTitle.Trim(), string.IsNullOrWhiteSpace(ItemText) ? null : ItemText.Trim(), ItemIsPublic && Meeting.IsPublic);
        await db.SaveChangesAsync(ct);
        TempData["Message"] = $"Tagesordnungspunkt {item.Number} ist gespeichert.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostDeleteItemAsync(int id, int itemId, CancellationToken ct)
    {
        var item = await db.AgendaItems.FirstOrDefaultAsync(i => i.Id == itemId && i.MeetingId == id, ct);
        if (item is null)
        {
            return NotFound();
        }

        if (await db.Votes.AnyAsync(v => v.AgendaItemId == itemId, ct) || await db.Minutes.AnyAsync(m => m.ApprovedUnderAgendaItemId == itemId, ct))
        {
            await LoadAsync(id, ct);
            this.ShowError("", "Tagesordnungspunkt {0} hat Abstimmungen oder eine Genehmigung und bleibt deshalb erhalten.", item.Number);
            return Page();
        }

        if (!item.IsPublic)
        {
            // Files and recommendations stay with the meeting when their item goes (the key is set to null); what was
            // hidden by a non-public item must not become public by that.
            // Tracked, so that the change is saved with the removal and stamps Modified for OParl clients.
            foreach (var document in await db.MeetingDocuments.Where(d => d.AgendaItemId == itemId && d.IsPublic).ToListAsync(ct))
            {
                document.IsPublic = false;
            }

            foreach (var recommendation in await db.Recommendations.Where(r => r.AgendaItemId == itemId && r.IsPublic).ToListAsync(ct))
            {
                recommendation.IsPublic = false;
            }
        }

        db.AgendaItems.Remove(item);
        await db.SaveChangesAsync(ct);
        TempData["Message"] = $"Tagesordnungspunkt {item.Number} ist entfernt.";
        return RedirectToPage(new { id });
    }

    /// <summary>
    /// Moves an item one place up or down among the items with the same parent, with its sub-items: the two swap their
    /// numbers ("3" becomes "2", "2.1" becomes "3.1"), so the set of numbers and the 1 / 2 / 2.1 rules stay as they were.
    /// </summary>
    public async Task<IActionResult> OnPostMoveAsync(int id, int itemId, string? direction, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        var item = Items.FirstOrDefault(i => i.Id == itemId);
        if (item is null || direction is not ("up" or "down"))
        {
            return NotFound();
        }

        ModelState.Clear();
        NewItemForm();
        var parent = Parent(item.Number);
        var siblings = Items.Where(i => Parent(i.Number) == parent).ToList(); // ordered by sort key
        var at = siblings.IndexOf(item);
        var other = direction == "up" ? siblings.ElementAtOrDefault(at - 1) : siblings.ElementAtOrDefault(at + 1);
        if (other is null)
        {
            this.ShowError("", direction == "up" ? "Tagesordnungspunkt {0} steht schon an erster Stelle." : "Tagesordnungspunkt {0} steht schon an letzter Stelle.", item.Number);
            return Page();
        }

        var moved = new Dictionary<int, string>();
        foreach (var (from, to) in new[] { (item.Number, other.Number), (other.Number, item.Number) })
        {
            foreach (var i in Items.Where(i => i.Number == from || i.Number.StartsWith(from + ".", StringComparison.Ordinal)))
            {
                moved[i.Id] = to + i.Number[from.Length..];
            }
        }

        var ids = moved.Keys.ToList();
        if (await db.Votes.AnyAsync(v => ids.Contains(v.AgendaItemId), ct) || await db.Minutes.AnyAsync(m => m.ApprovedUnderAgendaItemId != null && ids.Contains(m.ApprovedUnderAgendaItemId.Value), ct))
        {
            this.ShowError("", "Tagesordnungspunkt {0} oder {1} hat Abstimmungen oder eine Genehmigung; ihre Nummern bleiben deshalb, wie sie sind.", item.Number, other.Number);
            return Page();
        }

        // Two steps in one transaction: the numbers are unique per meeting, so the swapped ones pass through free ones.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var tracked = await db.AgendaItems.Where(i => ids.Contains(i.Id)).ToListAsync(ct);
        foreach (var i in tracked)
        {
            i.Number = $"~{i.Id}";
        }

        await db.SaveChangesAsync(ct);
        foreach (var i in tracked)
        {
            (i.Number, i.SortKey) = (moved[i.Id], AgendaNumber.SortKey(moved[i.Id]));
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        var t = OutcomeAdapters.Localizer(HttpContext);
        TempData["Message"] = t["Tagesordnungspunkt {0} ist jetzt Tagesordnungspunkt {1}.", item.Number, other.Number].Value;
        return RedirectToPage(new { id });
    }

    /// <summary>The item form as for a new item, when the page is shown again after another form's error.</summary>
    private void NewItemForm()
    {
        (ItemId, Number, ItemTitle, ItemText, ItemIsPublic) = (null, AgendaNumber.Next(Items.Select(i => i.Number)), "", null, Meeting.IsPublic);
    }

    /// <summary>Whether the item has a sibling above (or below) to swap places with.</summary>
    public bool CanMove(AgendaItem item, bool up)
    {
        var siblings = Items.Where(i => Parent(i.Number) == Parent(item.Number)).ToList();
        var at = siblings.IndexOf(item);
        return up ? at > 0 : at >= 0 && at < siblings.Count - 1;
    }

    private static string Parent(string number) => number.LastIndexOf('.') is var dot and > 0 ? number[..dot] : "";

    /// <summary>Links an item to a paper, a field of action, the status overview or another meeting's minutes.</summary>
    public async Task<IActionResult> OnPostLinkAsync(int id, int? itemId, AgendaLinkKind kind, int? targetId, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        // The posted "itemId" also fills the item form's ItemId; this form is not about editing an item.
        NewItemForm();
        var item = itemId is null ? null : await db.AgendaItems.FirstOrDefaultAsync(i => i.Id == itemId && i.MeetingId == id, ct);
        if (item is null)
        {
            ModelState.Clear();
            LinkKind = Enum.IsDefined(kind) ? kind : AgendaLinkKind.Paper;
            this.ShowError("itemId", "Bitte wählen Sie den Tagesordnungspunkt, an den der Verweis soll.");
            return Page();
        }

        ModelState.Clear();
        LinkKind = Enum.IsDefined(kind) ? kind : AgendaLinkKind.Paper;
        string? label = kind switch
        {
            AgendaLinkKind.Paper => Papers.FirstOrDefault(p => p.Id == targetId).Label,
            AgendaLinkKind.FieldOfAction => Fields.FirstOrDefault(p => p.Id == targetId).Label,
            AgendaLinkKind.MinutesApproval => EarlierMeetings.FirstOrDefault(p => p.Id == targetId).Label is { } m ? $"Genehmigung der Niederschrift: {m}" : null,
            AgendaLinkKind.StatusOverview => "Übersicht der Handlungsfelder mit Sachständen",
            _ => null,
        };
        if (label is null)
        {
            ModelState.AddModelError("", "Bitte wählen Sie aus, worauf der Tagesordnungspunkt verweisen soll.");
            return Page();
        }

        db.AgendaLinks.Add(new AgendaLink { AgendaItemId = item.Id, Kind = kind, TargetId = kind == AgendaLinkKind.StatusOverview ? null : targetId, Label = label });
        await db.SaveChangesAsync(ct);
        TempData["Message"] = $"Verweis an Tagesordnungspunkt {item.Number} ist gespeichert.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostUnlinkAsync(int id, int linkId, CancellationToken ct)
    {
        var link = await db.AgendaLinks.FirstOrDefaultAsync(l => l.Id == linkId && db.Set<AgendaItem>().Any(i => i.Id == l.AgendaItemId && i.MeetingId == id), ct);
        if (link is null)
        {
            return NotFound();
        }

        db.AgendaLinks.Remove(link);
        await db.SaveChangesAsync(ct);
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostUploadAsync(int id, IFormFile? file, string? documentTitle, int? documentItemId, bool documentIsPublic, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        ModelState.Clear();
        if (file is null || file.Length == 0)
        {
            this.ShowError("file", "Bitte wählen Sie eine Datei aus.");
            return Page();
        }

        if (documentItemId is { } itemId && Items.All(i => i.Id != itemId))
        {
            this.ShowError("documentItemId", "Diesen Tagesordnungspunkt gibt es in dieser Sitzung nicht.");
            return Page();
        }

        var max = options.Value.MaxUploadMegabytes * 1024L * 1024L;
        var name = Path.GetFileName(file.FileName);
        if (UploadedFile.TooLarge(name, file.Length, max) is { } tooLarge)
        {
            this.ShowErrors([tooLarge]);
            return Page();
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        var data = buffer.ToArray();
        var (type, error) = UploadedFile.Check(name, data);
        if (error is not null)
        {
            this.ShowErrors([error]);
            return Page();
        }

        var document = new MeetingDocument
        {
            MeetingId = id, AgendaItemId = documentItemId, Title = string.IsNullOrWhiteSpace(documentTitle) ? Path.GetFileNameWithoutExtension(name) : documentTitle.Trim(),
            FileName = name, MediaType = type!.MediaType, Size = data.Length, Sha512 = UploadedFile.Sha512Hex(data),
            IsPublic = documentIsPublic && Meeting.IsPublic, Kind = MeetingDocumentKind.Attachment, UploadedAt = time.GetUtcNow(), UploadedBy = db.CurrentActorName(),
            Content = new DocumentContent { Data = data },
        };
        db.MeetingDocuments.Add(document);
        await db.SaveChangesAsync(ct);
        TempData["Message"] = $"Das Dokument „{document.Title}“ ist hochgeladen.";
        return RedirectToPage(new { id });
    }

    /// <summary>Attaches the status overview of the catalogue as a non-public PDF (001 §I; the dashboard checks for it).</summary>
    public async Task<IActionResult> OnPostAttachOverviewAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        var to = DateOnly.FromDateTime(CityTime.Local(Meeting.Start));
        var previous = await db.Meetings.AsNoTracking()
            .Where(m => m.OrganizationId == Meeting.OrganizationId && m.Start < Meeting.Start && m.State != MeetingState.Cancelled)
            .OrderByDescending(m => m.Start).Select(m => (DateTimeOffset?)m.Start).FirstOrDefaultAsync(ct);
        var from = previous is { } p ? DateOnly.FromDateTime(CityTime.Local(p)) : to.AddMonths(-3);
        var data = await overview.BuildAsync(from, to, null, ct);
        var pdf = Masterplan.Documents.PdfRenderer.Render(Reports.StatusOverview.ToDocument(data, $"{Meeting.Organization.Name}, Sitzung am {to:dd.MM.yyyy}"));
        db.MeetingDocuments.Add(new MeetingDocument
        {
            MeetingId = id, Title = $"Übersicht der Handlungsfelder ({from:dd.MM.yyyy} bis {to:dd.MM.yyyy})", FileName = $"statusuebersicht-{to:yyyy-MM-dd}.pdf",
            MediaType = UploadedFile.Pdf.MediaType, Size = pdf.Length, Sha512 = UploadedFile.Sha512Hex(pdf), IsPublic = false, Kind = MeetingDocumentKind.StatusOverview,
            UploadedAt = time.GetUtcNow(), UploadedBy = db.CurrentActorName(), Content = new DocumentContent { Data = pdf },
        });
        await db.SaveChangesAsync(ct);
        TempData["Message"] = "Die Übersicht der Handlungsfelder ist als Unterlage angehängt.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostDeleteDocumentAsync(int id, int documentId, CancellationToken ct)
    {
        var document = await db.MeetingDocuments.FirstOrDefaultAsync(d => d.Id == documentId && d.MeetingId == id, ct);
        if (document is null)
        {
            return NotFound();
        }

        if (document.Kind == MeetingDocumentKind.Minutes)
        {
            await LoadAsync(id, ct);
            ModelState.AddModelError("", "Die genehmigte Niederschrift ist eingefroren und kann nicht gelöscht werden.");
            return Page();
        }

        db.MeetingDocuments.Remove(document);
        await db.SaveChangesAsync(ct);
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        Message = TempData["Message"] as string;
        var meeting = await db.Meetings.AsNoTracking().Include(m => m.Organization).FirstOrDefaultAsync(m => m.Id == id, ct);
        if (meeting is null)
        {
            return false;
        }

        Meeting = meeting;
        Items = await db.AgendaItems.AsNoTracking().Include(i => i.Links).Where(i => i.MeetingId == id).OrderBy(i => i.SortKey).ToListAsync(ct);
        Documents = await db.MeetingDocuments.AsNoTracking().Where(d => d.MeetingId == id).OrderBy(d => d.Id).ToListAsync(ct);
        Papers = (await db.Papers.AsNoTracking().OrderByDescending(p => p.Id).Select(p => new { p.Id, p.Reference, p.Name }).Take(200).ToListAsync(ct))
            .Select(p => (p.Id, $"{p.Reference} {p.Name}")).ToList();
        Fields = (await catalogue.LoadAsync(ct)).SelectMany(n => n.SelfAndDescendants()).Select(n => (n.Id, $"{n.Number} {n.Title}")).ToList();
        EarlierMeetings = (await db.Meetings.AsNoTracking()
                .Where(m => m.OrganizationId == meeting.OrganizationId && m.Start < meeting.Start && m.State == MeetingState.Held)
                .OrderByDescending(m => m.Start).Take(10).Select(m => new { m.Id, m.Title, m.Start }).ToListAsync(ct))
            .Select(m => (m.Id, $"{m.Title} vom {CityTime.Local(m.Start).ToString("dd.MM.yyyy", CultureInfo.InvariantCulture)}")).ToList();
        return true;
    }
}
