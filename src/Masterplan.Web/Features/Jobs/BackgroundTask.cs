namespace Masterplan.Web.Features.Jobs;

/// <summary>Where a <see cref="BackgroundTask"/> stands.</summary>
public enum BackgroundTaskState
{
    Queued,
    Running,
    Done,
    Failed,
    Cancelled,
}

/// <summary>
/// One piece of long work a page started (a register upload, a panel draw, the letters): what it needs, how far it is,
/// and what came out. Written by the page, run by <see cref="BackgroundTaskJob"/> on one instance, read by the progress page.
/// </summary>
public sealed class BackgroundTask
{
    public int Id { get; set; }

    /// <summary>What the work is: a German resource key, translated on display.</summary>
    public required string Title { get; set; }

    /// <summary>The page the work was started from (the lab's draw page).</summary>
    public required string ReturnUrl { get; set; }

    /// <summary>Which <see cref="IBackgroundWork"/> runs it (its key).</summary>
    public required string Kind { get; set; }

    /// <summary>What it works on (a lab's id), for the title and for deleting its files with the subject's data.</summary>
    public int? SubjectId { get; set; }

    /// <summary>
    /// Tasks of one lane run one after the other (the steps of one lab's draw): a unique index over the queued and running
    /// tasks refuses a second task of a lane, also when two requests come in the same instant. Kept when the task ends.
    /// </summary>
    public string? Lane { get; set; }

    /// <summary>The authorization policy a user needs to see it: the one that may start it.</summary>
    public required string Policy { get; set; }

    public BackgroundTaskState State { get; set; }

    /// <summary>The German stage text in the starter's language ("Datei wird geprüft").</summary>
    public string? Stage { get; set; }

    public long Done { get; set; }

    /// <summary>The total of <see cref="Done"/>; null while unknown (the bar is then indeterminate).</summary>
    public long? Total { get; set; }

    /// <summary>What <see cref="Done"/> counts, a German plural translated on display ("Zeilen").</summary>
    public string? Unit { get; set; }

    /// <summary>Why it failed, in the starter's language; one message a line.</summary>
    public string? Message { get; set; }

    /// <summary>The culture of the user who started it: messages written in the background use it.</summary>
    public required string Culture { get; set; }

    /// <summary>The page that shows what came out (the lab's draw page).</summary>
    public string? ResultUrl { get; set; }

    /// <summary>A file that came out (the letters PDF): kept until <see cref="ResultExpiresAt"/> or the subject's data deletion.</summary>
    public byte[]? ResultFile { get; set; }

    public string? ResultFileName { get; set; }

    public string? ResultContentType { get; set; }

    public DateTimeOffset? ResultExpiresAt { get; set; }

    /// <summary>The form's values as JSON.</summary>
    public string? Parameters { get; set; }

    /// <summary>Uploaded bytes (personal data): deleted when the task ends, done or failed.</summary>
    public byte[]? Input { get; set; }

    public required string StartedBy { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>Written by the running instance every few seconds; a running task without one for long is dead.</summary>
    public DateTimeOffset? HeartbeatAt { get; set; }

    /// <summary>The scheduler instance that runs it.</summary>
    public string? Node { get; set; }

    /// <summary>The user asked to stop; the running instance sees it with its next heartbeat.</summary>
    public bool CancelRequested { get; set; }

    public bool IsFinished => State is BackgroundTaskState.Done or BackgroundTaskState.Failed or BackgroundTaskState.Cancelled;
}
