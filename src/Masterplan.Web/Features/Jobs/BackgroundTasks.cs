using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Masterplan.Web.Data;
using Masterplan.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Quartz;

namespace Masterplan.Web.Features.Jobs;

/// <summary>Settings of the long work that pages start (<c>Jobs:Tasks:*</c>).</summary>
public sealed class BackgroundTaskOptions
{
    /// <summary>How often a running task writes its progress and heartbeat and looks for a cancellation.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A running task whose heartbeat is older than this is taken for dead (its instance stopped) and marked failed.</summary>
    public TimeSpan StaleAfter { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long a file that came out (the letters PDF) is kept at most.</summary>
    public TimeSpan ResultLifetime { get; set; } = TimeSpan.FromHours(24);
}

/// <summary>One kind of long work, registered as a keyed service under its <see cref="BackgroundTask.Kind"/>.</summary>
public interface IBackgroundWork
{
    /// <summary>
    /// Does the work and commits it in one transaction, or fails with messages and stores nothing. Reports its stages
    /// through <paramref name="task"/>; stops when <paramref name="ct"/> is cancelled (the user's "Abbrechen" or a shutdown).
    /// </summary>
    Task<BackgroundOutcome> RunAsync(BackgroundWorkContext task, CancellationToken ct);
}

/// <summary>What a piece of work came to: a page to go on to, a file to download, or messages why nothing was stored.</summary>
public sealed record BackgroundOutcome(IReadOnlyList<FieldError> Errors, string? ResultUrl = null, byte[]? File = null, string? FileName = null, string? ContentType = null)
{
    public static BackgroundOutcome Failed(IEnumerable<FieldError> errors) => new([.. errors]);

    public static BackgroundOutcome Page(string url) => new([], url);

    public static BackgroundOutcome Download(byte[] file, string fileName, string contentType, string? url) => new([], url, file, fileName, contentType);
}

/// <summary>What the work gets: the stored form values and upload, and a way to say how far it is.</summary>
public sealed class BackgroundWorkContext(BackgroundTask task, IStringLocalizer t)
{
    private readonly Lock gate = new();
    private (string? Stage, long Done, long? Total, string? Unit) progress;

    public int Id => task.Id;

    public int? SubjectId => task.SubjectId;

    public string StartedBy => task.StartedBy;

    /// <summary>The uploaded bytes, if the page stored any.</summary>
    public byte[]? Input => task.Input;

    /// <summary>The form's values, as the page stored them.</summary>
    public T Read<T>() => JsonSerializer.Deserialize<T>(task.Parameters ?? "null") ?? throw new InvalidOperationException($"Task {task.Id} has no parameters.");

    /// <summary>A new stage: its text (a German resource key with arguments), and optionally how much of how many of what.</summary>
    public void Report(FieldError stage, long done = 0, long? total = null, string? unit = null)
    {
        var text = stage.Localize(t);
        lock (gate)
        {
            progress = (text, done, total, unit);
        }
    }

    /// <summary>How far the current stage is.</summary>
    public void Report(long done)
    {
        lock (gate)
        {
            progress = progress with { Done = done };
        }
    }

    internal (string? Stage, long Done, long? Total, string? Unit) Progress
    {
        get
        {
            lock (gate)
            {
                return progress;
            }
        }
    }
}

/// <summary>
/// Long work that pages hand to the background: the page stores what the work needs in a <see cref="BackgroundTask"/> row
/// and starts a one-off Quartz job (clustered on PostgreSQL, so it runs once across instances), then answers 303 to the
/// progress page <c>/verwaltung/auftraege/{id}</c>.
/// </summary>
public sealed class BackgroundTasks(AppDbContext db, TimeProvider time, ISchedulerFactory schedulers, IOptions<BackgroundTaskOptions> options, IStringLocalizer<SharedResource> t)
{
    public const string Group = "background-tasks";

    /// <summary>What a task says when its instance stopped during the work.</summary>
    public const string ServerStopped = "Der Server wurde während der Arbeit beendet; es wurde nichts gespeichert. Bitte starten Sie die Arbeit erneut.";

    public const string Cancelled = "Abgebrochen. Es wurde nichts gespeichert.";

    public const string Crashed = "Bei der Arbeit ist ein Fehler aufgetreten; es wurde nichts gespeichert. Bitte versuchen Sie es erneut oder wenden Sie sich an den Betrieb.";

    public const string Finished = "Fertig.";

    /// <summary>Stores the task and starts its job; returns the task's id.</summary>
    /// <param name="kind">The key of the <see cref="IBackgroundWork"/>.</param>
    /// <param name="subjectId">What it works on (a lab's id).</param>
    /// <param name="policy">Who may see the task: the policy that let the user start it.</param>
    /// <param name="parameters">The form's values, stored as JSON.</param>
    /// <param name="input">Uploaded bytes, deleted when the task ends.</param>
    /// <param name="user">Who starts it.</param>
    /// <param name="title">What the work is, a German resource key ("Melderegister-Auszug importieren").</param>
    /// <param name="returnUrl">The page it was started from, linked from the progress page; the result page unless the work names another.</param>
    /// <param name="lane">Tasks that must not overlap share a lane (see <see cref="BackgroundTask.Lane"/>); null for none.</param>
    /// <returns>The task's id; null when a task of the same lane is still queued or running, and nothing was started.</returns>
    public async Task<int?> StartAsync(string kind, int? subjectId, string policy, object? parameters, byte[]? input, ClaimsPrincipal user, string title, string returnUrl,
        string? lane, CancellationToken ct)
    {
        var task = new BackgroundTask
        {
            Kind = kind, SubjectId = subjectId, Lane = lane, Policy = policy, State = BackgroundTaskState.Queued, Culture = CultureInfo.CurrentUICulture.Name,
            Parameters = parameters is null ? null : JsonSerializer.Serialize(parameters), Input = input,
            StartedBy = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "", CreatedAt = time.GetUtcNow(), Title = title, ReturnUrl = returnUrl,
            Stage = t["In der Warteschlange"].Value,
        };
        db.BackgroundTasks.Add(task);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (lane is not null)
        {
            db.Entry(task).State = EntityState.Detached;
            if (await db.BackgroundTasks.AnyAsync(t => t.Lane == lane && (t.State == BackgroundTaskState.Queued || t.State == BackgroundTaskState.Running), ct))
            {
                return null; // another request of the same instant started one
            }

            throw;
        }

        db.Entry(task).State = EntityState.Detached; // the upload is not kept in the request's context

        // Now by the clock the scheduler reads (the app's TimeProvider), not by the machine's: a trigger on another clock
        // than the scheduler's is missed again at every look once the two differ by a minute, and the scheduler loops.
        var scheduler = await schedulers.GetScheduler(ct);
        var job = JobBuilder.Create<BackgroundTaskJob>().WithIdentity(JobKeyOf(task.Id)).UsingJobData(BackgroundTaskJob.TaskIdKey, task.Id.ToString(CultureInfo.InvariantCulture)).Build();
        await scheduler.ScheduleJob(job, TriggerBuilder.Create(time).WithIdentity($"task-{task.Id}", Group).StartAt(task.CreatedAt).Build(), cancellationToken: ct);
        return task.Id;
    }

    /// <summary>303 See Other to the progress page: the browser fetches it with GET, so a reload never starts the work twice.</summary>
    public static IActionResult SeeProgress(int id) => new SeeOtherResult(ProgressUrl(id));

    public static string ProgressUrl(int id) => string.Create(CultureInfo.InvariantCulture, $"/verwaltung/auftraege/{id}");

    internal static JobKey JobKeyOf(int id) => new(string.Create(CultureInfo.InvariantCulture, $"task-{id}"), Group);

    /// <summary>
    /// Marks dead tasks failed: running ones whose heartbeat is older than <c>Jobs:Tasks:StaleAfter</c> (their instance
    /// stopped; the work's transaction was never committed), and queued ones whose job no longer exists (the in-memory
    /// scheduler of SQLite forgot them at a restart). Deletes their uploads, and files that came out and expired.
    /// Runs at start-up, every minute, and for a task whenever its progress is read.
    /// </summary>
    public async Task<int> FailDeadAsync(int? id, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var staleBefore = now - options.Value.StaleAfter;
        var tasks = db.BackgroundTasks.Where(t => id == null || t.Id == id);
        var dead = await tasks.Where(t => t.State == BackgroundTaskState.Running && (t.HeartbeatAt == null || t.HeartbeatAt < staleBefore))
            .Select(t => new { t.Id, t.Culture, t.State }).ToListAsync(ct);
        var queued = await tasks.Where(t => t.State == BackgroundTaskState.Queued && t.CreatedAt < staleBefore).Select(t => new { t.Id, t.Culture, t.State }).ToListAsync(ct);
        if (queued.Count > 0)
        {
            var scheduler = await schedulers.GetScheduler(ct);
            foreach (var q in queued)
            {
                if (!await scheduler.Exists(JobKeyOf(q.Id), ct))
                {
                    dead.Add(q);
                }
            }
        }

        var failed = 0;
        foreach (var d in dead)
        {
            var message = InCulture(d.Culture, () => t[ServerStopped].Value);
            failed += await db.BackgroundTasks.Where(x => x.Id == d.Id && x.State == d.State)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.State, BackgroundTaskState.Failed).SetProperty(x => x.Message, message)
                    .SetProperty(x => x.FinishedAt, now).SetProperty(x => x.Input, (byte[]?)null), ct);
        }

        // Looked for first: an UPDATE takes SQLite's write lock even when it changes nothing, and a progress page read
        // once a second would then wait for the work's own long transaction (a register import) to commit.
        var expired = tasks.Where(x => x.ResultFile != null && x.ResultExpiresAt < now);
        if (await expired.AnyAsync(ct))
        {
            await expired.ExecuteUpdateAsync(s => s.SetProperty(x => x.ResultFile, (byte[]?)null), ct);
        }

        return failed;
    }

    /// <summary>The platform's culture of that name (English with British dates), or the framework's.</summary>
    internal static CultureInfo CultureOf(string name) =>
        PlatformShell.SupportedCultures.FirstOrDefault(c => c.Name == name) ?? CultureInfo.GetCultureInfo(name);

    /// <summary>Runs <paramref name="work"/> in the UI culture a task was started in (messages written in the background).</summary>
    internal static T InCulture<T>(string culture, Func<T> work)
    {
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureOf(culture);
            return work();
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    /// <summary>Deletes the files that came out of tasks about one subject (the letters of a lab whose register is deleted).</summary>
    public static Task<int> DeleteResultsAsync(AppDbContext db, string kind, int subjectId, CancellationToken ct) =>
        db.BackgroundTasks.Where(t => t.Kind == kind && t.SubjectId == subjectId && t.ResultFile != null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.ResultFile, (byte[]?)null), ct);

    private sealed class SeeOtherResult(string url) : IActionResult
    {
        public Task ExecuteResultAsync(ActionContext context)
        {
            context.HttpContext.Response.StatusCode = StatusCodes.Status303SeeOther;
            context.HttpContext.Response.Headers.Location = url;
            return Task.CompletedTask;
        }
    }
}
