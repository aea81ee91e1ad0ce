namespace Masterplan.Web.Features.Audit;

/// <summary>Who may read an audit entry: everything general is for Office and Administrator; confidential cases only for their unit.</summary>
public enum AuditScope
{
    General,
    ComplaintsOffice,
    AssaultReportsUnit,
}

/// <summary>
/// One append-only record of a change or security event. Written in the same transaction as the change;
/// each entry carries the SHA-256 of its content and of the entry before it, so any later change breaks the
/// chain (<c>masterplan audit verify</c>). Database triggers refuse UPDATE and DELETE. Whoever can drop those
/// triggers can also recompute the chain, so each hash is sealed with a key kept outside the database
/// (<see cref="AuditKey"/>), and checkpoints of the head go outside the database too (<see cref="AuditCheckpoint"/>).
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    /// <summary>UTC, cut to 100 µs (<see cref="AuditChain.TimeResolutionTicks"/>) so both engines store it exactly (the hash covers it).</summary>
    public DateTimeOffset At { get; set; }

    public string? ActorUserId { get; set; }

    public required string ActorName { get; set; }

    /// <summary>What happened, e.g. "organization.updated", "auth.login.failed".</summary>
    public required string Action { get; set; }

    public string? EntityType { get; set; }

    public string? EntityId { get; set; }

    /// <summary>JSON object: field → [before, after] for the fields that matter; never passwords, tokens or confidential contents.</summary>
    public string? Changes { get; set; }

    public string? Reason { get; set; }

    public AuditScope Scope { get; set; }

    public required string PreviousHash { get; set; }

    public required string Hash { get; set; }

    /// <summary>HMAC-SHA256 of <see cref="Hash"/> with the audit key, which is not in the database.</summary>
    public string? Seal { get; set; }
}

/// <summary>Entities whose creation, change and deletion are audited automatically with their field values.</summary>
public interface IAudited;

/// <summary>A property whose value never goes into the audit log (only that it changed).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class NotAuditedAttribute : Attribute;
