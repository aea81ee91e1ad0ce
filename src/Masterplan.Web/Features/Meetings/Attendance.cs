using Masterplan.Web.Features.Audit;

namespace Masterplan.Web.Features.Meetings;

/// <summary>A person present at a meeting: as a member, as the deputy of a member, or as a guest.</summary>
public sealed class Attendance : IAudited
{
    public int Id { get; set; }

    public int MeetingId { get; set; }

    public int PersonId { get; set; }

    /// <summary>The person's own membership in the organization, if any.</summary>
    public int? MembershipId { get; set; }

    /// <summary>The voting seat this person holds today as deputy (004 §3).</summary>
    public int? RepresentsMembershipId { get; set; }
}
