using System.Globalization;
using Masterplan.Documents;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Organizations;
using Masterplan.Web.Features.Papers;
using Masterplan.Web.Shared;
using Masterplan.Web.Shared.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Masterplan.Web.Features.Reports;

/// <summary>What the Office types for a half-year report.</summary>
public sealed class HalfYearInput
{
    public DateOnly? From { get; set; }

    public DateOnly? To { get; set; }

    public string? Title { get; set; }

    public string? Introduction { get; set; }

    public string? Assessment { get; set; }

    public string? Outlook { get; set; }
}

/// <summary>
/// Every rule of the half-year report: the Office writes a draft and submits it, which freezes the compiled content as an
/// edition; a member of the Lenkungskreis (a current membership in the body of kind SteeringCircle), never the one who
/// submitted it, approves it once; the approved edition never changes and is sent to the committee as a Mitteilung.
/// Each step either stores all of its changes or none.
/// </summary>
public sealed class HalfYearDesk(AppDbContext db, HalfYearCompiler compiler, PaperSubmission papers, IOptions<MailOptions> mail, TimeProvider time)
{
    /// <summary>The committee the report goes to (004 "Prozess").</summary>
    public const string Committee = "Ausschuss für Bürgerdienste, öffentliche Ordnung, Anregungen und Beschwerden";

    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    public async Task<Outcome<int>> SaveAsync(int? id, HalfYearInput input, CancellationToken ct)
    {
        HalfYearReport? report = null;
        if (id is { } existing && (report = await db.HalfYearReports.FirstOrDefaultAsync(r => r.Id == existing, ct)) is null)
        {
            return Outcome<int>.NotFound();
        }

        var errors = new FieldErrors();
        if (report is not null && Frozen(report) is { } frozen)
        {
            errors.Add(frozen);
            return errors;
        }

        var today = CityTime.Today(time);
        DateInput.CheckPeriod(errors, input.From, input.To, 366, "Ein Halbjahresbericht umfasst höchstens ein Jahr.", notAfter: today);

        var title = (input.Title ?? "").Trim();
        if (title.Length is 0 or > 300)
        {
            errors.Add("Input.Title", title.Length == 0 ? "Bitte geben Sie den Titel an." : "Der Titel hat höchstens 300 Zeichen.");
        }

        foreach (var (field, text) in new[] { ("Input.Introduction", input.Introduction), ("Input.Assessment", input.Assessment), ("Input.Outlook", input.Outlook) })
        {
            if (text?.Length > ReportsModule.MaxSection)
            {
                errors.Add(field, "Der Text ist {0} Zeichen lang; möglich sind höchstens {1}.", text.Length, ReportsModule.MaxSection);
            }
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        if (report is null)
        {
            report = new HalfYearReport { Title = title, CreatedAt = db.Now(), CreatedBy = db.CurrentActorName() };
            db.HalfYearReports.Add(report);
        }

        (report.From, report.To, report.Title) = (input.From!.Value, input.To!.Value, title);
        (report.Introduction, report.Assessment, report.Outlook) = ((input.Introduction ?? "").Trim(), (input.Assessment ?? "").Trim(), (input.Outlook ?? "").Trim());
        report.Revision++;
        return await SaveOrConflictAsync(ct) ?? Outcome<int>.Ok(report.Id);
    }

    /// <summary>The message for a change to a report whose current version is no longer a draft, or null while it is one.</summary>
    private static FieldError? Frozen(HalfYearReport report) => report.Status switch
    {
        HalfYearStatus.InReview => new FieldError("", "Fassung {0} liegt dem Lenkungskreis zur Freigabe vor und kann nicht geändert werden. Wenn etwas zu ändern ist, gibt der Lenkungskreis sie zurück.", report.Version),
        HalfYearStatus.Approved or HalfYearStatus.Sent => new FieldError("", "Fassung {0} ist freigegeben und bleibt unverändert. Um etwas zu ändern, beginnen Sie eine neue Fassung; sie übernimmt die Texte der freigegebenen.", report.Version),
        _ => null,
    };

    /// <summary>Compiles the report and freezes the result as the edition the Lenkungskreis reviews.</summary>
    public async Task<Outcome> SubmitAsync(int id, string userId, CancellationToken ct)
    {
        if (await db.HalfYearReports.FirstOrDefaultAsync(r => r.Id == id, ct) is not { } report)
        {
            return Outcome.NotFound();
        }

        if (Frozen(report) is { } frozen)
        {
            return frozen;
        }

        var content = await compiler.CompileAsync(report.From, report.To, ct);
        db.HalfYearReportEditions.Add(new HalfYearReportEdition
        {
            ReportId = report.Id, Version = report.Version, From = report.From, To = report.To, Title = report.Title, Introduction = report.Introduction,
            Assessment = report.Assessment, Outlook = report.Outlook, ContentJson = content.ToJson(), CreatedAt = db.Now(), CreatedBy = db.CurrentActorName(),
        });
        (report.Status, report.SubmittedById, report.SubmittedAt) = (HalfYearStatus.InReview, userId, db.Now());
        report.Revision++;
        db.Audit("reports.halfyear.submitted", nameof(HalfYearReport), report.Id.ToString(CultureInfo.InvariantCulture), new { version = report.Version });
        return await SaveOrConflictAsync(ct) ?? Outcome.Done;
    }

    /// <summary>Whether the account belongs to the Lenkungskreis today (a current membership in a body of kind SteeringCircle).</summary>
    public async Task<bool> IsSteeringMemberAsync(string userId, CancellationToken ct)
    {
        var today = CityTime.Today(time);
        var person = await db.Users.Where(u => u.Id == userId).Select(u => u.PersonId).FirstOrDefaultAsync(ct);
        return person is { } p && await db.Memberships.AnyAsync(m => m.PersonId == p && m.StartDate <= today && (m.EndDate == null || m.EndDate >= today)
                                                                   && m.Organization.Kind == OrganizationKind.SteeringCircle && m.Organization.EndDate == null, ct);
    }

    public async Task<Outcome> ApproveAsync(int id, string userId, string userName, CancellationToken ct)
    {
        if (await db.HalfYearReports.Include(r => r.Editions).FirstOrDefaultAsync(r => r.Id == id, ct) is not { } report)
        {
            return Outcome.NotFound();
        }

        if (report.Status is HalfYearStatus.Approved or HalfYearStatus.Sent)
        {
            return Outcome.Invalid("", "Fassung {0} ist schon freigegeben: von {1} am {2}. Eine Fassung wird nur einmal freigegeben.",
                report.Version, report.ApprovedByName ?? "", report.ApprovedAt is { } at ? CityTime.Local(at).ToString("dd.MM.yyyy HH:mm", German) : "");
        }

        if (report.Status != HalfYearStatus.InReview)
        {
            return Outcome.Invalid("", "Der Bericht ist noch nicht zur Freigabe vorgelegt; die Geschäftsstelle legt ihn vor.");
        }

        if (!await IsSteeringMemberAsync(userId, ct))
        {
            return Outcome.Invalid("", "Freigeben kann nur, wer heute Mitglied des Lenkungskreises ist. Ihr Konto ist mit keiner solchen Mitgliedschaft verknüpft.");
        }

        if (report.SubmittedById == userId)
        {
            return Outcome.Invalid("", "Sie haben diese Fassung selbst zur Freigabe vorgelegt. Freigeben muss ein anderes Mitglied des Lenkungskreises.");
        }

        var now = db.Now();
        var edition = report.Editions.Single(e => e.Version == report.Version);
        (edition.ApprovedAt, edition.ApprovedByName) = (now, userName);
        (report.Status, report.ApprovedById, report.ApprovedByName, report.ApprovedAt) = (HalfYearStatus.Approved, userId, userName, now);
        report.Revision++;
        db.Audit("reports.halfyear.approved", nameof(HalfYearReport), report.Id.ToString(CultureInfo.InvariantCulture), new { version = report.Version, edition = edition.Id });
        return await SaveOrConflictAsync(ct) ?? Outcome.Done;
    }

    /// <summary>The Lenkungskreis gives a submitted version back to the Office: its edition is discarded, never having been approved.</summary>
    public async Task<Outcome> ReturnAsync(int id, string userId, CancellationToken ct)
    {
        if (await db.HalfYearReports.Include(r => r.Editions).FirstOrDefaultAsync(r => r.Id == id, ct) is not { } report)
        {
            return Outcome.NotFound();
        }

        if (report.Status != HalfYearStatus.InReview)
        {
            return Outcome.Invalid("", "Nur eine vorgelegte, noch nicht freigegebene Fassung kann zurückgegeben werden.");
        }

        if (!await IsSteeringMemberAsync(userId, ct))
        {
            return Outcome.Invalid("", "Freigeben kann nur, wer heute Mitglied des Lenkungskreises ist. Ihr Konto ist mit keiner solchen Mitgliedschaft verknüpft.");
        }

        db.HalfYearReportEditions.Remove(report.Editions.Single(e => e.Version == report.Version));
        (report.Status, report.SubmittedById, report.SubmittedAt) = (HalfYearStatus.Draft, null, null);
        report.Revision++;
        db.Audit("reports.halfyear.returned", nameof(HalfYearReport), report.Id.ToString(CultureInfo.InvariantCulture), new { version = report.Version });
        return await SaveOrConflictAsync(ct) ?? Outcome.Done;
    }

    /// <summary>Starts the next version as a draft from the approved one; the approved edition stays as it is.</summary>
    public async Task<Outcome> NewVersionAsync(int id, CancellationToken ct)
    {
        if (await db.HalfYearReports.FirstOrDefaultAsync(r => r.Id == id, ct) is not { } report)
        {
            return Outcome.NotFound();
        }

        if (report.Status is not (HalfYearStatus.Approved or HalfYearStatus.Sent))
        {
            return Outcome.Invalid("", "Eine neue Fassung beginnt erst, wenn die jetzige freigegeben ist; bis dahin ändern Sie den Entwurf.");
        }

        report.Version++;
        (report.Status, report.SubmittedById, report.SubmittedAt, report.ApprovedById, report.ApprovedByName, report.ApprovedAt, report.PaperId, report.SentAt) =
            (HalfYearStatus.Draft, null, null, null, null, null, null, null);
        report.Revision++;
        return await SaveOrConflictAsync(ct) ?? Outcome.Done;
    }

    /// <summary>The approved edition's PDF becomes a Mitteilung to the committee, in the same transaction as the report's new state.</summary>
    public async Task<Outcome<int>> SendAsync(int id, DateOnly? meetingDate, CancellationToken ct)
    {
        if (await db.HalfYearReports.Include(r => r.Editions).FirstOrDefaultAsync(r => r.Id == id, ct) is not { } report)
        {
            return Outcome<int>.NotFound();
        }

        if (report.Status == HalfYearStatus.Sent)
        {
            return Outcome<int>.Invalid("MeetingDate", "Fassung {0} ist schon als Mitteilung gesendet.", report.Version);
        }

        if (report.Status != HalfYearStatus.Approved)
        {
            return Outcome<int>.Invalid("MeetingDate", "Gesendet wird nur eine vom Lenkungskreis freigegebene Fassung.");
        }

        if (meetingDate is null)
        {
            return Outcome<int>.Invalid("MeetingDate", "Bitte geben Sie das Datum der Beratung an.");
        }

        var committee = await db.Organizations.AsNoTracking().Where(o => o.Kind == OrganizationKind.Committee && o.Name == Committee).Select(o => (int?)o.Id).FirstOrDefaultAsync(ct);
        if (committee is null)
        {
            return Outcome<int>.Invalid("MeetingDate", "Den Ausschuss für Bürgerdienste, öffentliche Ordnung, Anregungen und Beschwerden gibt es in den Gremien nicht.");
        }

        var edition = report.Editions.Single(e => e.Version == report.Version);
        var pdf = PdfRenderer.Render(ReportDocument.HalfYear(edition, ReportContent.FromJson(edition.ContentJson), mail.Value.BaseUrl));
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var outcome = await papers.CreateAsync(new NewPaper(null, edition.Title, "Mitteilung", CityTime.Today(time), "Geschäftsstelle Masterplan Kommunale Sicherheit", null, null, null,
            new NewPaperFile(edition.Title, FileName(edition, "pdf"), pdf), new NewConsultation(committee.Value, meetingDate.Value, ConsultationRole.Acknowledgement, true)), ct);
        if (!outcome.Succeeded)
        {
            return Outcome<int>.Invalid(outcome.Errors.Select(e => e with { Field = "MeetingDate" }));
        }

        (report.Status, report.PaperId, report.SentAt, edition.PaperId) = (HalfYearStatus.Sent, outcome.Value, db.Now(), outcome.Value);
        report.Revision++;
        db.Audit("reports.halfyear.sent", nameof(HalfYearReport), report.Id.ToString(CultureInfo.InvariantCulture), new { version = report.Version, paper = outcome.Value });
        if (await SaveOrConflictAsync(ct) is { } conflict)
        {
            return Outcome<int>.Invalid(conflict.Errors);
        }

        await tx.CommitAsync(ct);
        return Outcome<int>.Ok(outcome.Value);
    }

    public static string FileName(HalfYearReportEdition edition, string extension) =>
        string.Create(CultureInfo.InvariantCulture, $"halbjahresbericht-{edition.From:yyyy-MM-dd}-{edition.To:yyyy-MM-dd}-fassung-{edition.Version}.{extension}");

    /// <summary>Null when saved; a message when someone else changed the report in between (e.g. a second approval at the same moment).</summary>
    private async Task<Outcome<int>?> SaveOrConflictAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Outcome<int>.Invalid("", "Jemand hat den Bericht gerade geändert. Bitte laden Sie die Seite neu und prüfen Sie den Stand.");
        }
    }
}
