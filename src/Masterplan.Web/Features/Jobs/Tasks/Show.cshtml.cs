using System.Globalization;
using Masterplan.Web.Data;
using Masterplan.Web.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Masterplan.Web.Features.Jobs.Tasks;

/// <summary>
/// The progress of one background task: a <c>progress</c> element with its text, refreshed by the HTTP <c>Refresh</c>
/// header without JavaScript (the user can pause it) and faster by <c>/js/task-progress.js</c>, which polls
/// <c>?handler=Status</c>. Only users who meet the policy the task was started under see it; the page itself needs a signed-in user.
/// </summary>
public sealed class ShowModel(AppDbContext db, BackgroundTasks tasks, IAuthorizationService authorization, IStringLocalizer<SharedResource> t, TimeProvider time, IOptions<BackgroundTaskOptions> options) : PageModel
{
    /// <summary>Seconds between the refreshes of the page without JavaScript.</summary>
    public const int RefreshSeconds = 3;

    /// <summary>What a task says that has waited longer than <c>Jobs:Tasks:StaleAfter</c> for an instance to take it.</summary>
    public const string LongWait = "In der Warteschlange seit {0:g}. Meist beginnt die Arbeit nach wenigen Sekunden. Wartet sie länger, ist die Hintergrundverarbeitung vielleicht ausgeschaltet (Jobs:Enabled). Bitte sagen Sie dem Betrieb Bescheid, oder brechen Sie ab.";

    public TaskView Item { get; private set; } = null!;

    /// <summary>The user paused the automatic refresh (<c>?angehalten=1</c>).</summary>
    public bool Paused => Request.Query.ContainsKey("angehalten");

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused)
        {
            return refused;
        }

        // A browser that runs the script polls instead; the refresh would only interrupt a screen reader.
        if (!Item.Finished && !Paused && !Request.Cookies.ContainsKey("mp-task-script"))
        {
            Response.Headers["Refresh"] = RefreshSeconds.ToString(CultureInfo.InvariantCulture);
        }

        return Page();
    }

    /// <summary>The state as JSON for the script, texts in the reader's language.</summary>
    public async Task<IActionResult> OnGetStatusAsync(int id, CancellationToken ct) =>
        await LoadAsync(id, ct) is { } refused ? refused : new JsonResult(new
        {
            state = Item.State.ToString().ToLowerInvariant(), finished = Item.Finished, stage = Item.Stage, count = Item.CountText, done = Item.Done, total = Item.Total,
            message = Item.Message, resultUrl = Item.State == BackgroundTaskState.Done && !Item.HasFile ? Item.ResultUrl : null,
        });

    /// <summary>"Abbrechen": a queued task ends at once; a running one when its instance sees the request with the next heartbeat.</summary>
    public async Task<IActionResult> OnPostCancelAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused)
        {
            return refused;
        }

        var now = time.GetUtcNow();
        var message = t[BackgroundTasks.Cancelled].Value;
        if (await db.BackgroundTasks.Where(x => x.Id == id && x.State == BackgroundTaskState.Queued).ExecuteUpdateAsync(s => s.SetProperty(x => x.State, BackgroundTaskState.Cancelled)
                .SetProperty(x => x.Message, message).SetProperty(x => x.FinishedAt, now).SetProperty(x => x.Input, (byte[]?)null), ct) == 0)
        {
            await db.BackgroundTasks.Where(x => x.Id == id && x.State == BackgroundTaskState.Running).ExecuteUpdateAsync(s => s.SetProperty(x => x.CancelRequested, true), ct);
        }

        return BackgroundTasks.SeeProgress(id);
    }

    /// <summary>The file that came out, while it is kept.</summary>
    public async Task<IActionResult> OnGetDownloadAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused)
        {
            return refused;
        }

        var file = await db.BackgroundTasks.AsNoTracking().Where(x => x.Id == id && x.State == BackgroundTaskState.Done && x.ResultFile != null)
            .Select(x => new { x.ResultFile, x.ResultFileName, x.ResultContentType }).FirstOrDefaultAsync(ct);
        return file is null ? NotFound() : File(file.ResultFile!, file.ResultContentType ?? "application/octet-stream", file.ResultFileName);
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        await tasks.FailDeadAsync(id, ct);
        var task = await db.BackgroundTasks.AsNoTracking().Where(x => x.Id == id).Select(x => new TaskView
        {
            Id = x.Id, Title = x.Title, Policy = x.Policy, State = x.State, Stage = x.Stage, Done = x.Done, Total = x.Total, Unit = x.Unit, Message = x.Message,
            ReturnUrl = x.ReturnUrl, ResultUrl = x.ResultUrl, HasFile = x.ResultFile != null, FileName = x.ResultFileName, ResultExpiresAt = x.ResultExpiresAt,
            CreatedAt = x.CreatedAt, FinishedAt = x.FinishedAt, CancelRequested = x.CancelRequested,
        }).FirstOrDefaultAsync(ct);
        if (task is null)
        {
            return NotFound();
        }

        if (!(await authorization.AuthorizeAsync(User, task.Policy)).Succeeded)
        {
            return Forbid();
        }

        // No instance has taken it: with background work switched off on every instance it would wait for ever, and the
        // page would say "In der Warteschlange" without end.
        if (task.State == BackgroundTaskState.Queued && time.GetUtcNow() - task.CreatedAt > options.Value.StaleAfter)
        {
            task.Stage = t[LongWait, CityTime.Local(task.CreatedAt)].Value;
        }

        task.CountText = task.Total is { } total && task.Unit is { } unit
            ? t["{0} von {1} {2}", task.Done.ToString("N0", CultureInfo.CurrentCulture), total.ToString("N0", CultureInfo.CurrentCulture), t[unit].Value].Value
            : null;
        Item = task;
        return null;
    }

    /// <summary>What the page shows of a task (never its upload or file).</summary>
    public sealed class TaskView
    {
        public int Id { get; init; }

        public required string Title { get; init; }

        public required string Policy { get; init; }

        public BackgroundTaskState State { get; init; }

        public string? Stage { get; set; }

        public long Done { get; init; }

        public long? Total { get; init; }

        public string? Unit { get; init; }

        public string? Message { get; init; }

        public required string ReturnUrl { get; init; }

        public string? ResultUrl { get; init; }

        public bool HasFile { get; init; }

        public string? FileName { get; init; }

        public DateTimeOffset? ResultExpiresAt { get; init; }

        public DateTimeOffset CreatedAt { get; init; }

        public DateTimeOffset? FinishedAt { get; init; }

        public bool CancelRequested { get; init; }

        public string? CountText { get; set; }

        public bool Finished => State is BackgroundTaskState.Done or BackgroundTaskState.Failed or BackgroundTaskState.Cancelled;
    }
}
