namespace Masterplan.Web.Features.Grants;

/// <summary>A call as the Office sends it; the deadline is typed in Dortmund time.</summary>
public sealed class CallInput
{
    public string? Title { get; set; }

    public string? Purpose { get; set; }

    public string? Eligibility { get; set; }

    public int? Year { get; set; }

    public decimal? Budget { get; set; }

    public decimal? MaxPerProject { get; set; }

    public DateOnly? DeadlineDate { get; set; }

    /// <summary>Time of day in Dortmund; 23:59 when left out.</summary>
    public TimeOnly? DeadlineTime { get; set; }

    public int? MeasureId { get; set; }

    public string? RequiredDocuments { get; set; }

    public List<CriterionInput> Criteria { get; set; } = [];
}

public sealed class CriterionInput
{
    public string? Name { get; set; }

    public int? Weight { get; set; }
}

/// <summary>The self-registration of an association and its first person.</summary>
public sealed class RegisterInput
{
    /// <summary>A code from a person of an existing association: the new account joins it instead of registering a new one.</summary>
    public string? InviteCode { get; set; }

    public string? AssociationName { get; set; }

    public string? Address { get; set; }

    public string? PersonName { get; set; }

    public string? Email { get; set; }

    public string? Password { get; set; }

    public bool Consent { get; set; }
}

/// <summary>An application as the form sends it.</summary>
public sealed class ApplicationInput
{
    public string? ProjectTitle { get; set; }

    public string? Description { get; set; }

    public string? TargetGroup { get; set; }

    public List<int> DistrictIds { get; set; } = [];

    public DateOnly? StartsOn { get; set; }

    public DateOnly? EndsOn { get; set; }

    public decimal? Requested { get; set; }

    public decimal? CoFunding { get; set; }

    public string? ContactName { get; set; }

    public string? ContactEmail { get; set; }

    public string? ContactPhone { get; set; }

    public List<LineInput> Lines { get; set; } = [];
}

public sealed class LineInput
{
    public string? Label { get; set; }

    public decimal? Amount { get; set; }

    /// <summary>Only with the proof of use: what was spent on this line.</summary>
    public decimal? Spent { get; set; }
}

/// <summary>The Office's completeness check: complete, or what is missing (Nachforderung).</summary>
public sealed record CompletenessInput(bool Complete, string? Missing);

/// <summary>A reviewer's scores, criterion id → 0..10.</summary>
public sealed record ScoresInput(Dictionary<int, int>? Scores, string? Note);

public sealed record ConflictInput(string? Note);

/// <summary>The decision of the responsible body, recorded by the Office with the agenda item where it was taken.</summary>
public sealed record DecisionInput(bool Approve, decimal? Amount, int? AgendaItemId, string? Reason, DateOnly? ProofDueOn);

/// <summary>An instalment paid out, or money paid back (<see cref="IsReturn"/>).</summary>
public sealed record PaymentInput(decimal? Amount, DateOnly? On, string? Note, bool IsReturn = false);

/// <summary>The proof of use: activities, reach and (on the lines) what was spent.</summary>
public sealed class ProofInput
{
    public string? Activities { get; set; }

    public int? Reach { get; set; }

    public List<LineInput> Lines { get; set; } = [];
}

public sealed record ProofDecisionInput(bool Accept, string? Note);

public sealed record BudgetInput(decimal? Amount);
