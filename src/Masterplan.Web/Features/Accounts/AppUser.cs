using Microsoft.AspNetCore.Identity;

namespace Masterplan.Web.Features.Accounts;

/// <summary>A person who signs in: city staff, body members. Residents need no account.</summary>
public sealed class AppUser : IdentityUser
{
    public required string DisplayName { get; set; }

    /// <summary>A disabled account cannot sign in; its sessions end at once.</summary>
    public bool IsDisabled { get; set; }

    /// <summary>The person record behind a member's account (memberships make the Member role).</summary>
    public int? PersonId { get; set; }

    /// <summary>For DepartmentStaff: the responsible unit (an Organization of kind Department).</summary>
    public int? DepartmentId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The time step of the last authenticator code accepted: a code counts once.</summary>
    public long? LastAuthenticatorStep { get; set; }
}
