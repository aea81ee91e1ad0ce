using System.Globalization;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Jobs;
using Masterplan.Web.Shared;
using Masterplan.Web.Shared.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quartz;

namespace Masterplan.Web.Features.Grants;

/// <summary>Every morning: reminds grantees whose proof of use is due soon or overdue (at most once a week per project).</summary>
[DisallowConcurrentExecution]
public sealed class GrantReminderJob(AppDbContext db, TimeProvider time, GrantDesk desk) : IJob
{
    public static readonly JobKey Key = new("grant-reminders", "grants");

    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => JobRuns.RecordAsync(db, time, context, async ct =>
        $"proof-of-use reminders: {await desk.RemindAsync(ct)}", cancellationToken);
}

/// <summary>Every night: deletes the contact data of finished projects and rejected applications when their time is up (audited).</summary>
[DisallowConcurrentExecution]
public sealed class GrantRetentionJob(AppDbContext db, TimeProvider time, GrantDesk desk) : IJob
{
    public static readonly JobKey Key = new("grant-retention", "grants");

    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => JobRuns.RecordAsync(db, time, context, async ct =>
    {
        var (contacts, rejected) = await desk.DeleteDueAsync(ct);
        return $"contact data deleted: {contacts}, rejected applications deleted: {rejected}";
    }, cancellationToken);
}

public sealed partial class GrantDesk
{
    /// <summary>Mails the association of every approved project whose proof of use is due within the reminder days (or overdue) and not yet sent.</summary>
    public async Task<int> RemindAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var today = CityTime.Today(time);
        var soon = today.AddDays(options.Value.ReminderDays);
        var weekAgo = now.AddDays(-7);
        var due = await db.GrantApplications
            .Where(a => a.Status == GrantStatus.Approved && a.ProofDueOn <= soon
                && (a.ProofReminderSentAt == null || a.ProofReminderSentAt < weekAgo)
                && !db.Set<ProofOfUse>().Any(p => p.ApplicationId == a.Id && (p.Status == ProofStatus.Submitted || p.Status == ProofStatus.Accepted)))
            .ToListAsync(ct);
        foreach (var application in due)
        {
            application.ProofReminderSentAt = now;
            var overdue = application.ProofDueOn < today;
            await QueueForAssociationAsync(application.AssociationId, overdue ? $"Verwendungsnachweis {application.ReceiptNumber} ist überfällig" : $"Erinnerung: Verwendungsnachweis {application.ReceiptNumber}", $"""
                Guten Tag,

                der Verwendungsnachweis für „{application.ProjectTitle}“ {(overdue ? "war fällig am" : "ist fällig am")} {application.ProofDueOn!.Value.ToString("dd.MM.yyyy", German)}.
                Bitte senden Sie ihn mit den Belegen unter {mailOptions.Value.Link("/foerderung/antraege/" + application.Id)}.
                """, ct);
            await db.SaveChangesAsync(ct);
        }

        return due.Count;
    }

    /// <summary>
    /// Deletes, through <see cref="Retention"/>, the contact data of projects whose proof of use was accepted
    /// <see cref="GrantOptions.ContactRetentionDays"/> ago, and whole rejected applications
    /// <see cref="GrantOptions.RejectedRetentionDays"/> after the decision.
    /// </summary>
    public async Task<(int Contacts, int Rejected)> DeleteDueAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var o = options.Value;
        var contactCutoff = now.AddDays(-o.ContactRetentionDays);
        var closed = await db.GrantApplications
            .Where(a => a.Status == GrantStatus.Closed && a.ContactDeletedAt == null
                && db.Set<ProofOfUse>().Any(p => p.ApplicationId == a.Id && p.Status == ProofStatus.Accepted && p.DecidedAt <= contactCutoff))
            .ToListAsync(ct);
        var contacts = await Retention.DeleteAsync(db, closed, (a, _) =>
            {
                var fields = (a.ContactName is null ? 0 : 1) + (a.ContactEmail is null ? 0 : 1) + (a.ContactPhone is null ? 0 : 1);
                a.ContactName = a.ContactEmail = a.ContactPhone = null;
                a.ContactDeletedAt = now;
                return Task.FromResult(fields);
            },
            "grants.contact.deleted", $"Aufbewahrungsfrist abgelaufen ({o.ContactRetentionDays} Tage nach dem angenommenen Verwendungsnachweis)", "fields",
            a => a.Id.ToString(CultureInfo.InvariantCulture), ct);

        var rejectedCutoff = now.AddDays(-o.RejectedRetentionDays);
        var rejected = await db.GrantApplications.Where(a => a.Status == GrantStatus.Rejected && a.DecidedAt <= rejectedCutoff).ToListAsync(ct);
        await Retention.DeleteAsync(db, rejected, async (a, c) =>
            {
                var rows = await db.GrantFiles.Where(f => f.ApplicationId == a.Id).ExecuteDeleteAsync(c)
                    + await db.GrantReviews.Where(r => r.ApplicationId == a.Id).ExecuteDeleteAsync(c)
                    + await db.GrantBudgetLines.Where(l => l.ApplicationId == a.Id).ExecuteDeleteAsync(c);
                db.GrantApplications.Remove(a);
                return rows + 1;
            },
            "grants.application.deleted", $"Aufbewahrungsfrist abgelaufen ({o.RejectedRetentionDays} Tage nach der Ablehnung)", "rows",
            a => a.Id.ToString(CultureInfo.InvariantCulture), ct);
        return (contacts, rejected.Count);
    }
}
