using System.Globalization;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Accounts;
using Masterplan.Web.Features.Jobs;
using Masterplan.Web.Shared;
using Masterplan.Web.Shared.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quartz;

namespace Masterplan.Web.Features.Confidential;

/// <summary>
/// Every morning: the staff of each unit get one mail listing the cases whose acknowledgement (7 days) is due within two
/// days or overdue, and those without feedback whose three months end within two weeks or are over — case numbers and
/// dates only, never content. At most one reminder a day per case.
/// </summary>
[DisallowConcurrentExecution]
public sealed class ConfidentialDeadlineJob(AppDbContext db, IMailSender mail, IOptions<MailOptions> options, TimeProvider time, ILogger<ConfidentialDeadlineJob> logger) : IJob
{
    public static readonly JobKey Key = new("confidential-deadlines", "confidential");

    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => JobRuns.RecordAsync(db, time, context, async ct =>
    {
        var (mails, cases) = await RemindAsync(ct);
        return $"{mails} deadline reminders about {cases} cases sent";
    }, cancellationToken);

    public async Task<(int Mails, int Cases)> RemindAsync(CancellationToken ct)
    {
        var today = CityTime.Today(time);
        var ackLimit = today.AddDays(2);
        var feedbackLimit = today.AddDays(14);
        var due = await db.ConfidentialCases.Where(c => c.ContentDeletedOn == null && c.Status != ConfidentialModule.Closed && (c.RemindedOn == null || c.RemindedOn < today)
                && ((c.AcknowledgedOn == null && c.AcknowledgeBy <= ackLimit) || (c.FeedbackOn == null && c.FeedbackBy <= feedbackLimit)))
            .OrderBy(c => c.ReceivedOn).ToListAsync(ct);
        var (mails, reminded) = (0, 0);
        foreach (var group in due.GroupBy(c => c.Unit))
        {
            var roleName = ConfidentialModule.Role(group.Key);
            var roleId = await db.Roles.Where(r => r.Name == roleName).Select(r => r.Id).FirstOrDefaultAsync(ct);
            var staff = await db.Users.Where(u => !u.IsDisabled && u.Email != null && db.UserRoles.Any(r => r.UserId == u.Id && r.RoleId == roleId)).Select(u => u.Email!).ToListAsync(ct);
            var lines = group.Select(c => c.AcknowledgedOn is null
                ? string.Format(CultureInfo.GetCultureInfo("de-DE"), "- {0}: Eingang bestätigen bis {1:dd.MM.yyyy}{2}", c.Number, c.AcknowledgeBy.ToDateTime(TimeOnly.MinValue), c.AcknowledgeBy < today ? " (überfällig)" : "")
                : string.Format(CultureInfo.GetCultureInfo("de-DE"), "- {0}: Rückmeldung bis {1:dd.MM.yyyy}{2}", c.Number, c.FeedbackBy.ToDateTime(TimeOnly.MinValue), c.FeedbackBy < today ? " (überfällig)" : ""));
            var body = $"""
                Guten Tag,

                bei diesen Fällen der {ConfidentialModule.UnitLabel(group.Key)} laufen Fristen ab:

                {string.Join("\n", lines)}

                {options.Value.Link(ConfidentialModule.UnitPath(group.Key))}
                """;
            foreach (var to in staff)
            {
                if (await mail.TrySendAsync(MailModule.Create(options.Value, to, $"Fristen der {ConfidentialModule.UnitLabel(group.Key)} ({group.Count()})", body), logger, "Confidential", ct))
                {
                    mails++;
                }
            }

            foreach (var c in group)
            {
                c.RemindedOn = today;
            }

            reminded += group.Count();
        }

        await db.SaveChangesAsync(ct);
        return (mails, reminded);
    }
}

/// <summary>
/// Deletes what a closed case holds once its purpose has ended: the attachments <see cref="ConfidentialOptions.AttachmentRetentionDays"/>
/// after closing, and everything else (every encrypted field, messages, notes, the mailbox secret and the wrapped data key)
/// <see cref="ConfidentialOptions.RetentionDays"/> after closing. The row stays with its categories for the committee's
/// figures. One audit entry per case and kind of data, in the unit's scope (<see cref="Retention"/>).
/// </summary>
[DisallowConcurrentExecution]
public sealed class ConfidentialRetentionJob(AppDbContext db, TimeProvider time, IOptions<ConfidentialOptions> options) : IJob
{
    public static readonly JobKey Key = new("confidential-retention", "confidential");

    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => JobRuns.RecordAsync(db, time, context, async ct =>
    {
        var (files, cases) = await RunAsync(ct);
        return $"confidential attachments deleted: {files}, rows deleted with case contents: {cases}";
    }, cancellationToken);

    public async Task<(int Files, int Cases)> RunAsync(CancellationToken ct)
    {
        var today = CityTime.Today(time);
        var filesCutoff = today.AddDays(-options.Value.AttachmentRetentionDays);
        var contentCutoff = today.AddDays(-options.Value.RetentionDays);
        var files = 0;
        var cases = 0;
        foreach (var unit in ConfidentialModule.Units)
        {
            var scope = ConfidentialModule.Scope(unit);
            var withFiles = await db.ConfidentialCases.Where(c => c.Unit == unit && c.ClosedOn != null && c.ClosedOn <= filesCutoff && c.AttachmentsDeletedOn == null)
                .OrderBy(c => c.Id).Take(1000).ToListAsync(ct);
            files += await Retention.DeleteAsync(db, withFiles, async (c, token) =>
            {
                var deleted = await db.ConfidentialFiles.Where(f => f.CaseId == c.Id).ExecuteDeleteAsync(token);
                c.AttachmentsDeletedOn = today;
                return deleted;
            }, "confidential.files.deleted", $"Aufbewahrungsfrist der Anhänge abgelaufen ({options.Value.AttachmentRetentionDays} Tage nach dem Abschluss)", "files", Id, ct, scope);

            var due = await db.ConfidentialCases.Where(c => c.Unit == unit && c.ClosedOn != null && c.ClosedOn <= contentCutoff && c.ContentDeletedOn == null)
                .OrderBy(c => c.Id).Take(1000).ToListAsync(ct);
            cases += await Retention.DeleteAsync(db, due, async (c, token) =>
            {
                var rows = await db.ConfidentialFiles.Where(f => f.CaseId == c.Id).ExecuteDeleteAsync(token)
                    + await db.ConfidentialMessages.Where(m => m.CaseId == c.Id).ExecuteDeleteAsync(token)
                    + await db.ConfidentialNotes.Where(n => n.CaseId == c.Id).ExecuteDeleteAsync(token);
                (c.What, c.When, c.Where, c.Details, c.Injuries, c.Contact, c.Reporter, c.Advice, c.OutcomeText) = (null, null, null, null, null, null, null, null, null);
                c.SecretHash = null;
                c.WrappedKey = [];
                c.ContentDeletedOn = today;
                c.AttachmentsDeletedOn ??= today;
                return rows + 1;
            }, "confidential.case.deleted", $"Aufbewahrungsfrist des Falls abgelaufen ({options.Value.RetentionDays} Tage nach dem Abschluss)", "rows", Id, ct, scope);
        }

        return (files, cases);
    }

    private static string Id(ConfidentialCase c) => c.Id.ToString(CultureInfo.InvariantCulture);
}
