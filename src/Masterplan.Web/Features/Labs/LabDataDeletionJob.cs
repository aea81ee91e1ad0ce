using System.Globalization;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Jobs;
using Masterplan.Web.Shared;
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

    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => JobRuns.RecordAsync(db, time, context, async ct =>
    {
        var (extracts, registrations) = await RunAsync(ct);
        return $"{extracts} register rows and {registrations} registrations deleted";
    }, cancellationToken);

    /// <summary>Deletes what is due; returns the numbers of register rows and registrations removed.</summary>
    public async Task<(int Extracts, int Registrations)> RunAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var graceEnd = now.AddDays(-options.Value.RegisterGraceDays);
        var extractLabs = await db.Labs.Where(l => l.RegisterDeletedAt == null && l.LettersCreatedAt != null).ToListAsync(ct);
        var rows = await Retention.DeleteAsync(db, extractLabs.Where(l => l.LettersCreatedAt <= graceEnd), async (lab, c) =>
        {
            var deleted = await db.RegisterEntries.Where(r => r.LabId == lab.Id).ExecuteDeleteAsync(c);
            // The letters PDF names the same people; a copy still kept for download goes with them.
            await BackgroundTasks.DeleteResultsAsync(db, Manage.DrawTasks.Letters, lab.Id, c);
            lab.RegisterDeletedAt = now;
            return deleted;
        }, "lab.register.deleted", $"Löschfrist: {options.Value.RegisterGraceDays} Tage nach dem Versand der Einladungen", "rows", IdOf, ct);

        var retentionEnd = DateOnly.FromDateTime(now.AddDays(-options.Value.RetentionDays).UtcDateTime);
        var reportedLabs = await db.Labs.Where(l => l.RegistrationsDeletedAt == null && l.State == LabState.Reported && l.ReportedOn != null).ToListAsync(ct);
        var registrations = await Retention.DeleteAsync(db, reportedLabs.Where(l => l.ReportedOn <= retentionEnd), async (lab, c) =>
        {
            var deleted = await db.LabRegistrations.Where(r => r.LabId == lab.Id).ExecuteDeleteAsync(c);
            lab.RegistrationsDeletedAt = now;
            return deleted;
        }, "lab.registrations.deleted", $"Aufbewahrungsfrist: {options.Value.RetentionDays} Tage nach dem Bericht", "registrations", IdOf, ct);
        return (rows, registrations);
    }

    private static string IdOf(NeighbourhoodLab lab) => lab.Id.ToString(CultureInfo.InvariantCulture);
}
