using Masterplan.Web.Data;
using Masterplan.Web.Features.Jobs;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace Masterplan.Web.Features.Audit;

/// <summary>
/// Writes a checkpoint of the audit log's head (count, last entry, its hash, sealed with the audit key) to a
/// file outside the database and to the application log, and records it as an audit event. Someone who can
/// write the database can cut the log's end or rewrite and re-chain it, but cannot change what was written
/// here; <c>masterplan audit verify --checkpoint FILE</c> compares the log with these lines.
/// </summary>
[DisallowConcurrentExecution]
public sealed partial class AuditCheckpointJob(
    AppDbContext db, TimeProvider time, AuditKey key, IConfiguration configuration, IHostEnvironment environment, ILogger<AuditCheckpointJob> logger) : IJob
{
    public static readonly JobKey Key = new("audit-checkpoint", "audit");

    public const string Action = "audit.checkpoint";

    public const string DefaultFile = "data/audit-checkpoints.log";

    /// <summary>Registers the job, hourly at minute 7 unless <c>Jobs:AuditCheckpoint:Cron</c> says otherwise (empty: never).</summary>
    public static void Schedule(IQuartzBuilder quartz, IConfiguration configuration)
    {
        quartz.AddJob<AuditCheckpointJob>(j => j.WithIdentity(Key).StoreDurably());
        var cron = configuration["Jobs:AuditCheckpoint:Cron"] ?? "0 7 * * * ?";
        if (cron.Length > 0)
        {
            quartz.AddTrigger(t => t.ForJob(Key).WithIdentity("audit-checkpoint-hourly", "audit").WithCronSchedule(cron));
        }
    }

    /// <summary>The checkpoint file: <c>Audit:CheckpointFile</c>, relative to the app's folder.</summary>
    public string FilePath => Path.GetFullPath(Path.Combine(environment.ContentRootPath, configuration["Audit:CheckpointFile"] is { Length: > 0 } file ? file : DefaultFile));

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var run = await JobRuns.StartAsync(db, time, context, cancellationToken);
        var checkpoint = await WriteAsync(cancellationToken);
        await JobRuns.FinishAsync(db, time, run, checkpoint is null ? "nothing new since the last checkpoint" : checkpoint.ToLine(), cancellationToken);
    }

    /// <summary>Writes a checkpoint of the current head; null when the head is the last checkpoint itself.</summary>
    public async Task<AuditCheckpoint?> WriteAsync(CancellationToken ct)
    {
        // Entries get their ids while the chain is locked and commit in that order, so every entry up to a
        // committed head is committed too; entries added meanwhile come after it and do not change the count.
        var head = await db.AuditEntries.AsNoTracking().OrderByDescending(e => e.Id).Select(e => new { e.Id, e.Hash, e.Action }).FirstOrDefaultAsync(ct);
        if (head is null || head.Action == Action)
        {
            return null;
        }

        var count = await db.AuditEntries.LongCountAsync(e => e.Id <= head.Id, ct);
        var unsealed = new AuditCheckpoint(time.GetUtcNow(), count, head.Id, head.Hash, null);
        var checkpoint = unsealed with { Seal = unsealed.ComputeSeal(key.GetOrCreate()) };

        // The file first: should the audit event fail, the line still describes entries that exist.
        var path = FilePath;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.AppendAllTextAsync(path, checkpoint.ToLine() + "\n", ct);
        LogCheckpoint(logger, checkpoint.ToLine());

        db.Audit(Action, changes: new { count, entry = head.Id, hash = head.Hash, seal = checkpoint.Seal });
        await db.SaveChangesAsync(ct);
        return checkpoint;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Audit checkpoint {Checkpoint}")]
    private static partial void LogCheckpoint(ILogger logger, string checkpoint);
}
