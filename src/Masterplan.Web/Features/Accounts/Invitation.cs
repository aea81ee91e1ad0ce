namespace Masterplan.Web.Features.Accounts;

/// <summary>
/// A single-use invitation to create a staff or member account. Only the SHA-256 of the token is stored,
/// so a copy of the database cannot be used to accept invitations.
/// </summary>
public sealed class Invitation
{
    public int Id { get; set; }

    public required string TokenHash { get; set; }

    public required string Email { get; set; }

    public required string DisplayName { get; set; }

    /// <summary>Comma-separated roles to grant on acceptance.</summary>
    public string Roles { get; set; } = "";

    public int? PersonId { get; set; }

    public int? DepartmentId { get; set; }

    public string? InvitedByUserId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset? AcceptedAt { get; set; }

    public string? AcceptedUserId { get; set; }

    public IReadOnlyList<string> RoleList => Roles.Split(',', StringSplitOptions.RemoveEmptyEntries);

    public static string HashToken(string token) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)));

    public static string NewToken() =>
        Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
