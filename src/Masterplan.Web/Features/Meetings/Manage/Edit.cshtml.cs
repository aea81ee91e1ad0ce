using System.ComponentModel.DataAnnotations;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Organizations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Masterplan.Web.Shared;

namespace Masterplan.Web.Features.Meetings.Manage;

/// <summary>Schedule a meeting (or a weekly series), change it, invite, cancel (docs/domain.md#meetings).</summary>
public sealed class EditModel(AppDbContext db, MeetingMail mail, TimeProvider time, Microsoft.Extensions.Options.IOptions<Masterplan.Web.Shared.Mail.MailOptions> mailOptions, Catalogue.BodyTargets targets) : PageModel
{
    public Meeting? Meeting { get; private set; }

    /// <summary>Members and deputies without an e-mail address, for an upcoming meeting: they are invited by post.</summary>
    public IReadOnlyList<PostalRecipient> WithoutEmail { get; private set; } = [];

    /// <summary>How many members and deputies an upcoming meeting's mails are for (read with <see cref="WithoutEmail"/>).</summary>
    private int _audience;

    /// <summary>What the last invitation could not do (nobody reached by e-mail, or some only by post), in the user's language.</summary>
    public string? Warning { get; private set; }

    public IReadOnlyList<Organization> Organizations { get; private set; } = [];

    public MailRun? Mailed { get; private set; }

    public string? Message { get; private set; }

    [BindProperty, Required(ErrorMessage = "Bitte wählen Sie das Gremium.")]
    public int? OrganizationId { get; set; }

    [BindProperty, Required(ErrorMessage = "Bitte geben Sie einen Titel ein."), StringLength(300, ErrorMessage = "Der Titel darf höchstens 300 Zeichen lang sein.")]
    public string Title { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "Bitte geben Sie das Datum ein.")]
    public DateOnly? Date { get; set; }

    [BindProperty, Required(ErrorMessage = "Bitte geben Sie die Anfangszeit ein.")]
    public TimeOnly? StartTime { get; set; }

    [BindProperty, Required(ErrorMessage = "Bitte geben Sie die Endzeit ein.")]
    public TimeOnly? EndTime { get; set; }

    [BindProperty, StringLength(200, ErrorMessage = "Der Raum darf höchstens 200 Zeichen lang sein.")]
    public string? Room { get; set; }

    [BindProperty, StringLength(300, ErrorMessage = "Die Adresse darf höchstens 300 Zeichen lang sein.")]
    public string? Address { get; set; }

    [BindProperty]
    public bool IsPublic { get; set; }

    [BindProperty, Range(0, 52, ErrorMessage = "Eine Serie kann höchstens 52 weitere Termine haben.")]
    public int RepeatWeekly { get; set; }

    [BindProperty]
    public bool SendUpdate { get; set; } = true;

    [BindProperty, StringLength(1000, ErrorMessage = "Der Grund darf höchstens 1000 Zeichen lang sein.")]
    public string? CancellationReason { get; set; }

    public async Task<IActionResult> OnGetAsync(int? id, int? organization, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (Meeting is { } m)
        {
            Fill(m);
        }
        else
        {
            OrganizationId = organization;
            Address = "Friedensplatz 1, 44135 Dortmund";
            StartTime = new TimeOnly(16, 0);
            EndTime = new TimeOnly(18, 0);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (OrganizationId is { } org && Organizations.All(o => o.Id != org))
        {
            ModelState.AddModelError(nameof(OrganizationId), "Dieses Gremium gibt es nicht.");
        }

        if (StartTime is { } s && EndTime is { } e && e <= s)
        {
            ModelState.AddModelError(nameof(EndTime), "Das Ende muss nach dem Beginn liegen.");
        }

        if (Meeting?.State == MeetingState.Cancelled)
        {
            ModelState.AddModelError("", "Eine abgesagte Sitzung kann nicht mehr geändert werden.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var start = CityTime.ToUtc(Date!.Value, StartTime!.Value);
        var end = CityTime.ToUtc(Date.Value, EndTime!.Value);
        if (Meeting is { } meeting)
        {
            var moved = meeting.Start != start || meeting.End != end || meeting.Room != Room || meeting.Address != Address || meeting.Title != Title.Trim();
            meeting.OrganizationId = OrganizationId!.Value;
            meeting.Title = Title.Trim();
            (meeting.Start, meeting.End, meeting.Room, meeting.Address, meeting.IsPublic) = (start, end, Clean(Room), Clean(Address), IsPublic);
            var notify = moved && meeting.State == MeetingState.Invited && SendUpdate;
            if (notify)
            {
                meeting.CalendarSequence++;
            }

            await db.SaveChangesAsync(ct);
            if (notify)
            {
                await db.Entry(meeting).Reference(x => x.Organization).LoadAsync(ct);
                Mailed = await mail.SendAsync(meeting, MeetingMail.Kind.Update, ct);
                TempData["Message"] = $"Gespeichert. Die Änderung ging an {Mailed.Sent} Personen.";
            }

            return RedirectToPage(new { id = meeting.Id });
        }

        var series = RepeatWeekly > 0 ? Guid.NewGuid() : (Guid?)null;
        var created = Enumerable.Range(0, RepeatWeekly + 1).Select(week => new Meeting
        {
            OrganizationId = OrganizationId!.Value, Title = Title.Trim(), Start = start.AddDays(7 * week), End = end.AddDays(7 * week),
            Room = Clean(Room), Address = Clean(Address), IsPublic = IsPublic, SeriesId = series, State = MeetingState.Scheduled,
            CalendarUid = $"{Guid.NewGuid():N}@masterplan-sicherheit.dortmund.de",
        }).ToList();
        db.Meetings.AddRange(created);
        await db.SaveChangesAsync(ct);
        TempData["Message"] = created.Count == 1 ? "Die Sitzung ist angelegt." : $"Die Serie mit {created.Count} Sitzungen ist angelegt.";
        return RedirectToPage(new { id = created[0].Id });
    }

    public async Task<IActionResult> OnPostInviteAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || Meeting is null)
        {
            return NotFound();
        }

        ModelState.Clear();
        if (Meeting.State is MeetingState.Cancelled or MeetingState.Held)
        {
            this.ShowError("", "Zu einer Sitzung mit dem Status „{0}“ kann nicht eingeladen werden.", MeetingsModule.StateLabel(Meeting.State));
        }
        else if (Meeting.Start <= time.GetUtcNow())
        {
            ModelState.AddModelError("", "Zu einer Sitzung, die schon begonnen hat oder vorbei ist, kann nicht eingeladen werden.");
        }

        if (!ModelState.IsValid)
        {
            Fill(Meeting);
            return Page();
        }

        // Nobody to invite: the meeting stays as it is. Members without an address still make the meeting invited,
        // because the Office invites them by post (letters and address list on this page).
        if (_audience == 0)
        {
            this.ShowError("", "Das Gremium hat am Tag der Sitzung keine Mitglieder; es gibt niemanden, der eingeladen werden kann. Der Status der Sitzung bleibt unverändert.");
            Fill(Meeting);
            return Page();
        }

        var again = Meeting.State == MeetingState.Invited;
        if (again)
        {
            Meeting.CalendarSequence++;
        }

        Meeting.State = MeetingState.Invited;
        Meeting.InvitedAt = time.GetUtcNow();
        await db.SaveChangesAsync(ct);
        Mailed = await mail.SendAsync(Meeting, again ? MeetingMail.Kind.Update : MeetingMail.Kind.Invitation, ct);
        var t = OutcomeAdapters.Localizer(HttpContext);
        TempData["Message"] = Plural.Of(t["Die Einladung ging per E-Mail an {0} Person.|Die Einladung ging per E-Mail an {0} Personen."], Mailed.Sent);
        if (Mailed.WithoutAddress.Count > 0)
        {
            TempData["Warning"] = t[
                "Ohne E-Mail-Adresse, an sie wurde nichts gemailt: {0}. Bitte laden Sie sie per Post ein (Briefe als PDF und Adressliste unten).",
                string.Join(", ", Mailed.WithoutAddress)].Value;
        }

        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostCancelAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || Meeting is null)
        {
            return NotFound();
        }

        ModelState.Clear();
        if (string.IsNullOrWhiteSpace(CancellationReason))
        {
            ModelState.AddModelError(nameof(CancellationReason), "Bitte geben Sie den Grund der Absage an.");
        }
        else if (Meeting.State is MeetingState.Cancelled or MeetingState.Held)
        {
            this.ShowError(nameof(CancellationReason), "Eine Sitzung mit dem Status „{0}“ kann nicht abgesagt werden.", MeetingsModule.StateLabel(Meeting.State));
        }

        if (!ModelState.IsValid)
        {
            Fill(Meeting);
            return Page();
        }

        var wasInvited = Meeting.State == MeetingState.Invited;
        Meeting.State = MeetingState.Cancelled;
        Meeting.CancellationReason = CancellationReason!.Trim();
        Meeting.CalendarSequence++;
        db.AuditReason = Meeting.CancellationReason;
        await db.SaveChangesAsync(ct);
        if (wasInvited)
        {
            Mailed = await mail.SendAsync(Meeting, MeetingMail.Kind.Cancellation, ct);
        }

        TempData["Message"] = wasInvited ? $"Abgesagt. Die Absage ging an {Mailed!.Sent} Personen." : "Abgesagt.";
        return RedirectToPage(new { id });
    }

    /// <summary>The invitation letters for those without e-mail, as a printable tagged PDF.</summary>
    public async Task<IActionResult> OnGetLettersAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || Meeting is null || WithoutEmail.Count == 0)
        {
            return NotFound();
        }

        var items = await db.AgendaItems.AsNoTracking().Where(i => i.MeetingId == id).OrderBy(i => i.SortKey).ToListAsync(ct);
        // Members get the public indicators and goals only, as on the meeting's page; the state of the day the letters are printed.
        var state = await targets.LoadAsync(Meeting.Organization, CityTime.Today(time), includeNonPublic: false, ct);
        var pdf = Masterplan.Documents.PdfRenderer.Render(PostalInvitation.Letters(Meeting, items, WithoutEmail, mailOptions.Value.Link($"/sitzungen/{id}"), state));
        Response.Headers.CacheControl = "private, no-store";
        return File(pdf, "application/pdf", $"einladung-post-{CityTime.Local(Meeting.Start):yyyy-MM-dd}.pdf");
    }

    /// <summary>The same people as a CSV address list for a mail merge.</summary>
    public async Task<IActionResult> OnGetAddressesAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || Meeting is null || WithoutEmail.Count == 0)
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "private, no-store";
        return File(PostalInvitation.AddressList(Meeting, WithoutEmail), "text/csv; charset=utf-8", $"adressliste-post-{CityTime.Local(Meeting.Start):yyyy-MM-dd}.csv");
    }

    private void Fill(Meeting m)
    {
        (OrganizationId, Title, Room, Address, IsPublic) = (m.OrganizationId, m.Title, m.Room, m.Address, m.IsPublic);
        Date = DateOnly.FromDateTime(CityTime.Local(m.Start));
        StartTime = TimeOnly.FromDateTime(CityTime.Local(m.Start));
        EndTime = TimeOnly.FromDateTime(CityTime.Local(m.End));
    }

    private async Task<bool> LoadAsync(int? id, CancellationToken ct)
    {
        Message = TempData["Message"] as string;
        Warning = TempData["Warning"] as string;
        Organizations = await db.Organizations.AsNoTracking()
            .Where(o => o.Kind != OrganizationKind.Fraction && o.Kind != OrganizationKind.Institution && o.Kind != OrganizationKind.Department)
            .OrderBy(o => o.Kind).ThenBy(o => o.Name).ToListAsync(ct);
        if (id is null)
        {
            return true;
        }

        Meeting = await db.Meetings.Include(m => m.Organization).FirstOrDefaultAsync(m => m.Id == id, ct);
        if (Meeting?.State is MeetingState.Scheduled or MeetingState.Invited)
        {
            (_audience, WithoutEmail) = await mail.AudienceAsync(Meeting, ct);
        }

        return Meeting is not null;
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
