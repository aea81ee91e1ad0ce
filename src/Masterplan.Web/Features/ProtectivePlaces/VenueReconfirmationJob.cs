using Masterplan.Web.Data;
using Masterplan.Web.Features.Jobs;
using Quartz;

namespace Masterplan.Web.Features.ProtectivePlaces;

/// <summary>Every morning: re-confirmation links to venues whose 12 months run out, hiding those that did not confirm, and deleting old contact data.</summary>
[DisallowConcurrentExecution]
public sealed class VenueReconfirmationJob(AppDbContext db, TimeProvider time, VenueDesk desk) : IJob
{
    public static readonly JobKey Key = new("venue-reconfirmation", "protective-places");

    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => JobRuns.RecordAsync(db, time, context, async ct =>
    {
        var (reminded, hidden, deleted) = await desk.RunDailyAsync(ct);
        return $"venues reminded: {reminded}, hidden: {hidden}, contact data deleted: {deleted}";
    }, cancellationToken);
}
