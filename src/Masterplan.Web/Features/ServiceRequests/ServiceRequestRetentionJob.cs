using System.Globalization;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Jobs;
using Masterplan.Web.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quartz;

namespace Masterplan.Web.Features.ServiceRequests;

/// <summary>
/// Deletes what a report keeps about people once its purpose has ended (DSGVO: no longer than needed): the reporter's name
/// and address with the opt-in token, the answers to the category's extra questions, and the photos that were never published (they may show people or number plates),
/// <see cref="ServiceRequestOptions.RetentionDays"/> after the report was closed. What is public stays. One audit entry
/// per report and kind of data, in the same transaction (<see cref="Retention"/>).
/// </summary>
[DisallowConcurrentExecution]
public sealed class ServiceRequestRetentionJob(AppDbContext db, TimeProvider time, IOptions<ServiceRequestOptions> options) : IJob
{
    public static readonly JobKey Key = new("service-request-retention", "service-requests");

    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => JobRuns.RecordAsync(db, time, context, async ct =>
    {
        var rows = await RunAsync(ct);
        return $"personal data deleted: {rows} contact records and unpublished photos";
    }, cancellationToken);

    /// <summary>Deletes what is due; returns the number of reports whose contact data went plus the photos deleted.</summary>
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var cutoff = now.AddDays(-options.Value.RetentionDays);
        var due = await db.ServiceRequests.AsNoTracking().Where(r => r.PersonalDataDeletedAt == null && r.ClosedAt != null && r.ClosedAt <= cutoff)
            .OrderBy(r => r.Id).Take(1000).ToListAsync(ct);
        var reason = $"Aufbewahrungsfrist der Meldung abgelaufen ({options.Value.RetentionDays} Tage nach dem Abschluss)";
        var photos = await Retention.DeleteAsync(db, due, async (request, c) =>
                await db.ServiceRequestPhotos.Where(p => p.ServiceRequestId == request.Id && p.Moderation != ServiceRequestsModule.PhotoPublished).ExecuteDeleteAsync(c),
            "serviceRequest.photos.deleted", reason + ": nicht veröffentlichte Fotos gelöscht", "photos", Id, ct);
        return photos + await Retention.DeleteAsync(db, due, async (request, c) =>
        {
            // Past the change tracker on purpose: deleting contact data is no public change, so Modified stays.
            var had = request.ReporterName is not null || request.ReporterEmail is not null || request.ConfirmTokenHash is not null;

            // The answers to the category's extra questions go with the contact data: free text can name people.
            var answers = await db.ServiceRequestAnswers.Where(a => a.ServiceRequestId == request.Id).ExecuteDeleteAsync(c);
            await db.ServiceRequests.Where(r => r.Id == request.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.ReporterName, (string?)null)
                .SetProperty(r => r.ReporterEmail, (string?)null).SetProperty(r => r.ConfirmTokenHash, (string?)null)
                .SetProperty(r => r.ConfirmTokenExpiresAt, (DateTimeOffset?)null).SetProperty(r => r.PersonalDataDeletedAt, now), c);
            return had || answers > 0 ? 1 : 0;
        }, "serviceRequest.contact.deleted", reason + ": Name, E-Mail-Adresse und Antworten auf Zusatzfragen gelöscht", "contacts", Id, ct);
    }

    private static string Id(ServiceRequest r) => r.Id.ToString(CultureInfo.InvariantCulture);
}
