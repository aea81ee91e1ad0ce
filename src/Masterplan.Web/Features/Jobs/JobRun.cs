namespace Masterplan.Web.Features.Jobs;

/// <summary>One execution of a background job on one instance: operations can see what ran where.</summary>
public sealed class JobRun
{
    public long Id { get; set; }

    public required string Job { get; set; }

    /// <summary>Quartz's id of this firing; unique per firing across the cluster.</summary>
    public required string FireInstanceId { get; set; }

    public required string Node { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    public string? Result { get; set; }
}
