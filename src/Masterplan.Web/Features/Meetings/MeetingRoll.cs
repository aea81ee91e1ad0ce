using Masterplan.Web.Data;
using Masterplan.Web.Features.Organizations;
using Masterplan.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Meetings;

/// <summary>A voting seat at a meeting: its holder, their deputies, and who (if anyone) fills it today.</summary>
public sealed record Seat(Membership Holder, IReadOnlyList<Membership> Deputies, bool HolderPresent, Membership? DeputyPresent)
{
    public bool Filled => HolderPresent || DeputyPresent is not null;

    /// <summary>The person who casts this seat's vote.</summary>
    public Person? Voter => HolderPresent ? Holder.Person : DeputyPresent?.Person;
}

/// <summary>The quorum as it stands (docs/domain.md#meetings; 004 §3: deputies count for the member they represent).</summary>
public sealed record QuorumState(IReadOnlyList<Membership> Memberships, IReadOnlyList<Seat> Seats, IReadOnlyList<Membership> Advisory, IReadOnlyList<Attendance> Attendances, int MoreThanPercent, string RuleSource)
{
    public int VotingSeats => Seats.Count;

    public int VotingPresent => Seats.Count(s => s.Filled);

    /// <summary>Present voting seats needed: the smallest count that is more than the share.</summary>
    public int Required => VotingSeats * MoreThanPercent / 100 + 1;

    public bool Reached => VotingSeats > 0 && VotingPresent * 100 > VotingSeats * MoreThanPercent;
}

/// <summary>Who belongs to a meeting and who is there.</summary>
public sealed class MeetingRoll(AppDbContext db)
{
    /// <summary>The memberships current on the meeting's day, voting seats first, with deputies attached.</summary>
    public async Task<List<Membership>> MembershipsAsync(Meeting meeting, CancellationToken ct)
    {
        var day = DateOnly.FromDateTime(CityTime.Local(meeting.Start));
        return await db.Memberships.AsNoTracking().Include(m => m.Person).Include(m => m.OnBehalfOf)
            .Where(m => m.OrganizationId == meeting.OrganizationId && m.StartDate <= day && (m.EndDate == null || m.EndDate >= day))
            .OrderBy(m => m.VotingRight).ThenBy(m => m.Person.FamilyName).ThenBy(m => m.Person.GivenName)
            .ToListAsync(ct);
    }

    public async Task<QuorumState> QuorumAsync(Meeting meeting, CancellationToken ct)
    {
        var memberships = await MembershipsAsync(meeting, ct);
        var attendances = await db.Attendances.AsNoTracking().Where(a => a.MeetingId == meeting.Id).ToListAsync(ct);
        var rules = await db.RulesOfProcedure.AsNoTracking().Where(r => r.OrganizationId == meeting.OrganizationId)
            .OrderByDescending(r => r.Version).FirstOrDefaultAsync(ct);
        var presentMemberships = attendances.Where(a => a.MembershipId is not null).Select(a => a.MembershipId!.Value).ToHashSet();
        var seats = memberships.Where(m => m.VotingRight == VotingRight.Voting && m.DeputyForId is null)
            .Select(holder =>
            {
                var deputies = memberships.Where(d => d.DeputyForId == holder.Id).ToList();
                var standIn = attendances.FirstOrDefault(a => a.RepresentsMembershipId == holder.Id);
                return new Seat(holder, deputies, presentMemberships.Contains(holder.Id),
                    standIn is null ? null : deputies.FirstOrDefault(d => d.Id == standIn.MembershipId));
            })
            .ToList();
        var advisory = memberships.Where(m => m.VotingRight == VotingRight.Advisory && m.DeputyForId is null).ToList();
        return new QuorumState(memberships, seats, advisory, attendances, rules?.QuorumMoreThanPercent ?? 50,
            rules is null ? "Standardregel (keine Geschäftsordnung hinterlegt)" : $"Geschäftsordnung, Fassung {rules.Version} vom {rules.AdoptedOn:dd.MM.yyyy}");
    }
}
