using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Accounts;

/// <summary>
/// A "Passwort vergessen" link: single-use, short-lived. Only the SHA-256 of its token is stored, so a copy
/// of the database cannot be used to reset anybody's password.
/// </summary>
/// <remarks>
/// A table rather than Identity's DataProtector token: that token is valid until it expires or the security
/// stamp changes, reads the wall clock instead of the platform's <see cref="TimeProvider"/>, and cannot be
/// revoked or audited on its own.
/// </remarks>
[Index(nameof(TokenHash), IsUnique = true)]
[Index(nameof(UserId))]
public sealed class PasswordResetRequest
{
    public int Id { get; set; }

    [MaxLength(64)]
    public required string TokenHash { get; set; }

    [MaxLength(450)]
    public required string UserId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>When the link was used, or when a later password change made it worthless.</summary>
    public DateTimeOffset? UsedAt { get; set; }
}
