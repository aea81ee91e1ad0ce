using Masterplan.Web.Features.Audit;

namespace Masterplan.Web.Features.Meetings;

public enum VoteChoice
{
    Yes,
    No,
    Abstain,
}

/// <summary>A vote on an agenda item with the quorum as it stood (a vote without quorum is kept, with a warning).</summary>
public sealed class Vote : IAudited
{
    public int Id { get; set; }

    public int AgendaItemId { get; set; }

    public required string Subject { get; set; }

    public int Yes { get; set; }

    public int No { get; set; }

    public int Abstain { get; set; }

    public bool IsRollCall { get; set; }

    public int VotingSeats { get; set; }

    public int VotingPresent { get; set; }

    public bool QuorumReached { get; set; }

    public string? Resolution { get; set; }

    public bool Adopted { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    public List<RollCallVote> RollCall { get; set; } = [];
}

/// <summary>One voting seat's choice in a roll-call vote, cast by the member or the present deputy.</summary>
public sealed class RollCallVote
{
    public int Id { get; set; }

    public int VoteId { get; set; }

    public int MembershipId { get; set; }

    public int PersonId { get; set; }

    public VoteChoice Choice { get; set; }
}
