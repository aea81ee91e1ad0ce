namespace Masterplan.Web.Features.Open311;

/// <summary>
/// A client of the Open311 API that may send reports (an app, a neighbouring city's portal): an administrator issues it an
/// API key, which is shown once and stored only as its SHA-256 (<see cref="Shared.HashedCodes"/>), and can revoke it.
/// Issuing and revoking get audit entries; the last use is kept for the administrator's overview (not audited: it changes
/// with every report).
/// </summary>
public sealed class Open311Client
{
    public int Id { get; set; }

    /// <summary>Who uses the key ("Stadtteil-App Hörde").</summary>
    public required string Name { get; set; }

    /// <summary>Whom to ask about it (a person, an address, a telephone number), for the administrator only.</summary>
    public required string Contact { get; set; }

    /// <summary>SHA-256 of the key, lower-case hex.</summary>
    public required string KeyHash { get; set; }

    /// <summary>The first characters of the key, so an administrator can tell keys apart without the key.</summary>
    public required string KeyPrefix { get; set; }

    public DateTimeOffset IssuedAt { get; set; }

    public required string IssuedBy { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    public string? RevokedBy { get; set; }

    /// <summary>When the key last sent a report (updated at most once a minute).</summary>
    public DateTimeOffset? LastUsedAt { get; set; }
}
