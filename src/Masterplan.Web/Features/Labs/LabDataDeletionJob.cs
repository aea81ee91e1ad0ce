using System.Globalization;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quartz;

namespace Masterplan.Web.Features.Labs;

/// <summary>
/// Deletes the personal data of the labs when its purpose ends (docs/domain.md#personal-data; DSGVO: no longer than needed):
/// the register extract <c>Labs:RegisterGraceDays</c> after the invitation run (only the pseudonymous codes and
/// the draw record remain), and the registrations <c>Labs:RetentionDays</c> after the lab was reported (only the
/// pseudonyms with their probabilities remain). Each deletion writes an audit entry in the same transaction.
/// </summary>
[DisallowConcurrentExecution]
public sealed class LabDataDeletionJob(AppDbContext db, TimeProvider time, IOptions<LabsOptions> options) : IJob
{
    public static readonly JobKey Key = new("lab-data-deletion", "labs");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var run = await JobRuns.StartAsync(db, time, context, cancellationToken);
        var (extracts, registrations) = await RunAsync(cancellationToken);
        await JobRuns.FinishAsync(db, time, run, $"{extracts} register rows and {registrations} registrations deleted", cancellationToken);
    }

    /// <summary>Deletes what is due; returns the numbers of register rows and registrations removed.</summary>
    public async Task<(int Extracts, int Registrations)> RunAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var graceEnd = now.AddDays(-options.Value.RegisterGraceDays);
        var extractLabs = await db.Labs.Where(l => l.RegisterDeletedAt == null && l.LettersCreatedAt != null).ToListAsync(ct);
        var rows = 0;
        foreach (var lab in extractLabs.Where(l => l.LettersCreatedAt <= graceEnd))
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var deleted = await db.RegisterEntries.Where(r => r.LabId == lab.Id).ExecuteDeleteAsync(ct);
            lab.RegisterDeletedAt = now;
            db.AuditReason = $"Löschfrist: {options.Value.RegisterGraceDays} Tage nach dem Versand der Einladungen";
            db.Audit("lab.register.deleted", nameof(NeighbourhoodLab), lab.Id.ToString(CultureInfo.InvariantCulture), new { rows = deleted }, db.AuditReason);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            rows += deleted;
        }

        var retentionEnd = DateOnly.FromDateTime(now.AddDays(-options.Value.RetentionDays).UtcDateTime);
        var reportedLabs = await db.Labs.Where(l => l.RegistrationsDeletedAt == null && l.State == LabState.Reported && l.ReportedOn != null).ToListAsync(ct);
        var registrations = 0;
        foreach (var lab in reportedLabs.Where(l => l.ReportedOn <= retentionEnd))
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var deleted = await db.LabRegistrations.Where(r => r.LabId == lab.Id).ExecuteDeleteAsync(ct);
            lab.RegistrationsDeletedAt = now;
            db.AuditReason = $"Aufbewahrungsfrist: {options.Value.RetentionDays} Tage nach dem Bericht";
            db.Audit("lab.registrations.deleted", nameof(NeighbourhoodLab), lab.Id.ToString(CultureInfo.InvariantCulture), new { registrations = deleted }, db.AuditReason);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            registrations += deleted;
        }

        db.AuditReason = null;
        return (rows, registrations);
    }
}
