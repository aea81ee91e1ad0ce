using System.Globalization;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Accounts;
using Masterplan.Web.Features.Jobs;
using Masterplan.Web.Shared;
using Masterplan.Web.Shared.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quartz;

namespace Masterplan.Web.Features.Enforcement;

/// <summary>
/// Every morning: the leads get one mail listing the use-of-force records not signed off whose day is due within a day or
/// over (record number and date only, never content). At most one reminder a day per record.
/// </summary>
[DisallowConcurrentExecution]
public sealed class EnforcementReminderJob(AppDbContext db, IMailSender mail, IOptions<MailOptions> options, TimeProvider time, ILogger<EnforcementReminderJob> logger) : IJob
{
    public static readonly JobKey Key = new("enforcement-signoff", "enforcement");

    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => JobRuns.RecordAsync(db, time, context, async ct =>
    {
        var (mails, records) = await RemindAsync(ct);
        return $"{mails} sign-off reminders about {records} records sent";
    }, cancellationToken);

    public async Task<(int Mails, int Records)> RemindAsync(CancellationToken ct)
    {
        var today = CityTime.Today(time);
        var limit = today.AddDays(1);
        var due = await db.ForceIncidents.Where(i => i.SignedOffAt == null && i.SignOffBy <= limit && (i.RemindedOn == null || i.RemindedOn < today))
            .OrderBy(i => i.SignOffBy).Take(500).ToListAsync(ct);
        if (due.Count == 0)
        {
            return (0, 0);
        }

        var roleId = await db.Roles.Where(r => r.Name == Roles.EnforcementLead).Select(r => r.Id).FirstOrDefaultAsync(ct);
        var leads = await db.Users.Where(u => !u.IsDisabled && u.Email != null && db.UserRoles.Any(r => r.UserId == u.Id && r.RoleId == roleId)).Select(u => u.Email!).ToListAsync(ct);
        var german = CultureInfo.GetCultureInfo("de-DE");
        var lines = due.Select(i => string.Format(german, "- Einsatz Nr. {0}: abzeichnen bis {1:dd.MM.yyyy}{2}", i.Id, i.SignOffBy.ToDateTime(TimeOnly.MinValue), i.SignOffBy < today ? " (überfällig)" : ""));
        var body = $"""
            Guten Tag,

            diese Einsätze mit Zwangsmitteln oder Bodycam warten auf die Prüfung durch die Leitung:

            {string.Join("\n", lines)}

            {options.Value.Link("/verwaltung/ordnungsdienst")}
            """;
        var mails = 0;
        foreach (var to in leads)
        {
            if (await mail.TrySendAsync(MailModule.Create(options.Value, to, $"Einsätze des Ordnungsdienstes abzeichnen ({due.Count})", body), logger, "Enforcement", ct))
            {
                mails++;
            }
        }

        foreach (var i in due)
        {
            i.RemindedOn = today;
        }

        await db.SaveChangesAsync(ct);
        return (mails, due.Count);
    }
}

/// <summary>
/// Deletes the person-related free text once <see cref="EnforcementOptions.RetentionDays"/> have passed since the check or the
/// incident: the reason of a receipt, the description of an incident, the text of a feedback. The rows stay for the figures.
/// One audit entry per row and kind of text (<see cref="Retention"/>).
/// </summary>
[DisallowConcurrentExecution]
public sealed class EnforcementRetentionJob(AppDbContext db, TimeProvider time, IOptions<EnforcementOptions> options) : IJob
{
    public static readonly JobKey Key = new("enforcement-retention", "enforcement");

    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => JobRuns.RecordAsync(db, time, context, async ct =>
    {
        var deleted = await RunAsync(ct);
        return $"enforcement free texts deleted: {deleted}";
    }, cancellationToken);

    public async Task<int> RunAsync(CancellationToken ct)
    {
        var today = CityTime.Today(time);
        var days = options.Value.RetentionDays;
        var cutoff = CityTime.ToUtc(today.AddDays(-days), TimeOnly.MinValue);
        var reason = $"Aufbewahrungsfrist der Freitexte abgelaufen ({days} Tage)";
        var deleted = 0;

        var receipts = await db.StopReceipts.Where(r => r.OccurredAt < cutoff && r.ReasonDeletedOn == null).OrderBy(r => r.Id).Take(1000).ToListAsync(ct);
        deleted += await Retention.DeleteAsync(db, receipts, (r, _) =>
        {
            var had = r.Reason is null ? 0 : 1;
            (r.Reason, r.ReasonDeletedOn) = (null, today);
            return Task.FromResult(had);
        }, "enforcement.receipt.text-deleted", reason, "texts", r => r.Id.ToString(CultureInfo.InvariantCulture), ct);

        var incidents = await db.ForceIncidents.Where(i => i.OccurredAt < cutoff && i.DescriptionDeletedOn == null).OrderBy(i => i.Id).Take(1000).ToListAsync(ct);
        deleted += await Retention.DeleteAsync(db, incidents, (i, _) =>
        {
            var had = (i.Description is null ? 0 : 1) + (i.BodycamReason is null ? 0 : 1);
            (i.Description, i.BodycamReason, i.DescriptionDeletedOn) = (null, null, today);
            return Task.FromResult(had);
        }, "enforcement.incident.text-deleted", reason, "texts", i => i.Id.ToString(CultureInfo.InvariantCulture), ct);

        var dayCutoff = today.AddDays(-days);
        var feedback = await db.ReceiptFeedbacks.Where(f => f.ReceivedOn < dayCutoff && f.TextDeletedOn == null).OrderBy(f => f.Id).Take(1000).ToListAsync(ct);
        deleted += await Retention.DeleteAsync(db, feedback, (f, _) =>
        {
            var had = f.Text is null ? 0 : 1;
            (f.Text, f.TextDeletedOn) = (null, today);
            return Task.FromResult(had);
        }, "enforcement.feedback.text-deleted", reason, "texts", f => f.Id.ToString(CultureInfo.InvariantCulture), ct);
        return deleted;
    }
}
